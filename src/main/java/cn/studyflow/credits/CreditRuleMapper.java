package cn.studyflow.credits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CreditRuleMapper {

    /** One saved rule's item, with the rule's day: every rule in one query. */
    record ItemRow(long ruleId, LocalDate effectiveFrom, String item, BigDecimal credits) {
    }

    List<ItemRow> selectItems();

    int countByDay(LocalDate effectiveFrom);

    void insertRule(RuleRow rule);

    void insertItem(@Param("ruleId") long ruleId, @Param("item") String item, @Param("credits") BigDecimal credits);

    /** The row of a rule being saved; the id is generated. */
    class RuleRow {
        public Long id;
        public LocalDate effectiveFrom;
        public long createdBy;
        public OffsetDateTime createdAt;
    }
}
