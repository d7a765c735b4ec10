package cn.studyflow.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.org.CadreRank;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

/**
 * Every statement of CreditRuleMapper.xml: a rule saved with its day and items, read back item by item with the day
 * it applies from (not the day it was saved), by day then item; one rule a day, found by its exact day; and the rule
 * book the ledger is refreshed with, read through these statements: each rule in force from its day until the next,
 * a change in the middle of a year leaving the days before it and that year's targets alone, and a rule saved later
 * for an earlier day taking its place by day, not by when it was saved. The days are far ahead, apart from any other
 * test's.
 */
@MapperTest
class CreditRuleMapperTest {

    @Autowired CreditRuleMapper rules;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;

    Person admin;

    @BeforeEach
    void admin() {
        Org city = Rows.org(orgs, "潍坊市委", null);
        admin = Rows.person(people, city, "孙海涛", true, Role.ADMIN);
    }

    @Test
    void itemsAreReadWithTheirRulesDayByDayThenItem() {
        // the later day saved first, and saved long before it applies: the order and the day are the rule's own
        long july = rule(LocalDate.of(2041, 7, 1), OffsetDateTime.parse("2040-11-20T10:00:00+08:00"),
            "TARGET.SECTION", "15", CreditRule.SESSION, "1.25", CreditRule.HALF_DAY, "2.5");
        long january = rule(LocalDate.of(2041, 1, 1), OffsetDateTime.parse("2040-12-01T10:00:00+08:00"),
            CreditRule.SESSION, "1", CreditRule.LEAD, "0.75");

        List<CreditRuleMapper.ItemRow> read = mine(july, january);
        assertThat(read).extracting(Item::of).containsExactly(
            new Item(january, LocalDate.of(2041, 1, 1), CreditRule.LEAD, "0.75"),
            new Item(january, LocalDate.of(2041, 1, 1), CreditRule.SESSION, "1"),
            new Item(july, LocalDate.of(2041, 7, 1), CreditRule.HALF_DAY, "2.5"),
            new Item(july, LocalDate.of(2041, 7, 1), CreditRule.SESSION, "1.25"),
            new Item(july, LocalDate.of(2041, 7, 1), "TARGET.SECTION", "15"));
        assertThat(read.get(3).credits()).as("two decimals kept").isEqualByComparingTo("1.25");
    }

    @Test
    void aRuleIsSavedWithAnIdOfItsOwnAndOneDayHoldsOneRule() {
        long first = rule(LocalDate.of(2042, 3, 1), OffsetDateTime.now(), CreditRule.SESSION, "1");
        long second = rule(LocalDate.of(2042, 9, 1), OffsetDateTime.now(), CreditRule.SESSION, "2");

        assertThat(first).isNotEqualTo(second);
        assertThat(mine(first, second)).extracting(CreditRuleMapper.ItemRow::ruleId).containsExactly(first, second);
        assertThat(rules.countByDay(LocalDate.of(2042, 3, 1))).isOne();
        assertThat(rules.countByDay(LocalDate.of(2042, 9, 1))).isOne();
        assertThat(rules.countByDay(LocalDate.of(2042, 2, 28))).as("the day before").isZero();
        assertThat(rules.countByDay(LocalDate.of(2042, 3, 2))).as("the day after").isZero();

        CreditRuleMapper.RuleRow again = row(LocalDate.of(2042, 3, 1), OffsetDateTime.now());
        assertThatThrownBy(() -> rules.insertRule(again)).as("a second rule for a day another administrator took")
            .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aRuleIsInForceFromItsDayUntilTheNextAndAYearKeepsTheTargetsOfItsFirstDay() {
        long january = rule(LocalDate.of(2043, 1, 1), OffsetDateTime.now(),
            CreditRule.SESSION, "1.5", "TARGET.SECTION", "15");
        long july = rule(LocalDate.of(2043, 7, 1), OffsetDateTime.now(), CreditRule.SESSION, "3", "TARGET.SECTION", "20");

        CreditRules.RuleBook book = book();
        assertThat(book.at(LocalDate.of(2042, 12, 31)).id()).as("the default before the first saved rule").isNull();
        assertThat(book.at(LocalDate.of(2042, 12, 31)).value(CreditRule.SESSION)).isEqualByComparingTo("1");
        assertThat(book.at(LocalDate.of(2043, 1, 1)).id()).isEqualTo(january);
        assertThat(book.at(LocalDate.of(2043, 6, 30)).value(CreditRule.SESSION)).isEqualByComparingTo("1.5");
        assertThat(book.at(LocalDate.of(2043, 7, 1)).id()).isEqualTo(july);
        assertThat(book.at(LocalDate.of(2043, 7, 1)).value(CreditRule.SESSION)).isEqualByComparingTo("3");
        assertThat(book.at(LocalDate.of(2043, 7, 1)).value(CreditRule.LEAD)).as("an item the rule does not give").isZero();
        assertThat(book.forTargets(2043).target(CadreRank.SECTION)).as("the change in July leaves 2043's target")
            .isEqualByComparingTo("15");
        assertThat(book.forTargets(2044).target(CadreRank.SECTION)).isEqualByComparingTo("20");

        // saved last, for a day before both: it rules the days before January's, and nothing after
        long earlier = rule(LocalDate.of(2042, 7, 1), OffsetDateTime.now(), CreditRule.SESSION, "0.5");
        CreditRules.RuleBook after = book();
        assertThat(after.at(LocalDate.of(2042, 12, 31)).id()).isEqualTo(earlier);
        assertThat(after.at(LocalDate.of(2042, 6, 30)).id()).isNull();
        assertThat(after.at(LocalDate.of(2043, 3, 1)).id()).isEqualTo(january);
        assertThat(after.at(LocalDate.of(2043, 3, 1)).items()).as("January's rule as it was saved")
            .containsOnlyKeys(CreditRule.SESSION, "TARGET.SECTION");
        assertThat(after.at(LocalDate.of(2043, 3, 1)).value(CreditRule.SESSION)).isEqualByComparingTo("1.5");
        assertThat(after.forTargets(2043).id()).isEqualTo(january);
    }

    /** The rule book as the ledger reads it, over this context's rules: the default of application.yml's shape. */
    private CreditRules.RuleBook book() {
        CreditProperties defaults = new CreditProperties(BigDecimal.ONE, new BigDecimal("2"), Duration.ofHours(3),
            BigDecimal.ONE, Map.of(), new BigDecimal("0.5"), new BigDecimal("2"),
            Map.of(CadreRank.SECTION, new BigDecimal("12")), "--10-01", Duration.ofHours(1));
        return new CreditRules(rules, defaults, Clock.systemDefaultZone(), null).book();
    }

    /** The items of these rules as selectItems reads them, in its order. */
    private List<CreditRuleMapper.ItemRow> mine(Long... ruleIds) {
        List<Long> ids = List.of(ruleIds);
        return rules.selectItems().stream().filter(i -> ids.contains(i.ruleId())).toList();
    }

    /** Saves a rule from {@code day} with its items given as item, value, item, value and so on. */
    private long rule(LocalDate day, OffsetDateTime savedAt, String... itemsAndValues) {
        CreditRuleMapper.RuleRow row = row(day, savedAt);
        rules.insertRule(row);
        assertThat(row.id).as("the generated id").isNotNull();
        Map<String, String> items = new LinkedHashMap<>();
        for (int i = 0; i < itemsAndValues.length; i += 2) {
            items.put(itemsAndValues[i], itemsAndValues[i + 1]);
        }
        items.forEach((item, credits) -> rules.insertItem(row.id, item, new BigDecimal(credits)));
        return row.id;
    }

    private CreditRuleMapper.RuleRow row(LocalDate day, OffsetDateTime savedAt) {
        CreditRuleMapper.RuleRow row = new CreditRuleMapper.RuleRow();
        row.effectiveFrom = day;
        row.createdBy = admin.getId();
        row.createdAt = savedAt;
        return row;
    }

    /** An item row with its credits as plain text without trailing zeros, to compare whole rows. */
    private record Item(long ruleId, LocalDate effectiveFrom, String item, String credits) {

        static Item of(CreditRuleMapper.ItemRow row) {
            return new Item(row.ruleId(), row.effectiveFrom(), row.item(),
                row.credits().stripTrailingZeros().toPlainString());
        }
    }
}
