package cn.studyflow.audit;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One round of a rectification report (整改报告) and the lead auditor's review of it. */
@Getter
@Setter
public class Rectification {

    private Long id;
    private Long auditId;
    private int roundNo;
    private String report;
    private Long submittedBy;
    private OffsetDateTime submittedAt;
    private String decision;
    private String reviewComment;
    private Long reviewedBy;
    private OffsetDateTime reviewedAt;
    private String submittedByName;
    private String reviewedByName;
}
