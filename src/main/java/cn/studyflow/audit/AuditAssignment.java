package cn.studyflow.audit;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One auditor asked to sit in on one audit, with their answer. */
@Getter
@Setter
public class AuditAssignment extends AuditorColumns {

    private Long id;
    private Long auditId;
    private boolean lead;
    private AssignmentStatus status;
    private String declineReason;
    private Long replacesId;
    private Long drawId;
    private OffsetDateTime assignedAt;
    private OffsetDateTime respondedAt;
    // joined for display
}
