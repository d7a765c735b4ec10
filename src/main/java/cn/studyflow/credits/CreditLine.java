package cn.studyflow.credits;

import java.math.BigDecimal;
import java.time.LocalDate;
import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

/** One line of a person's credits: what earned them (kind, detail, the object and its page), when, and under which rule. */
@Getter
@Setter
@NoArgsConstructor
@AllArgsConstructor
public class CreditLine {

    private Long id;
    private long personId;
    private long orgId;
    private int creditYear;
    private LocalDate factDay;
    private CreditFact.Kind kind;
    private String detail;
    private String subjectType;
    private long subjectId;
    private String title;
    private String link;
    private BigDecimal credits;
    /** The saved rule applied; null for the default of application.yml. */
    private Long ruleId;

    public String detailKey() {
        return CreditFact.detailKey(kind, detail);
    }
}
