package cn.studyflow.audit;

import java.math.BigDecimal;
import lombok.Getter;
import lombok.Setter;

/** One row of the dept's yearly overview: one subordinate organisation's audits in one year. */
@Getter
@Setter
public class OrgAuditSummary {

    private Long orgId;
    private String orgName;
    private String orgPath;
    private int planned;
    private int done;
    private int openRectifications;
    private int records;
    private BigDecimal avgPreparation;
    private BigDecimal avgDiscussion;
    private BigDecimal avgDiscipline;
    private BigDecimal avgApplication;

    /** Not audited at all this year: every unit should be covered once a year. */
    public boolean isUncovered() {
        return done == 0;
    }
}
