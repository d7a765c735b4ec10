package cn.studyflow.audit;

import cn.studyflow.common.VersionedRow;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One sit-in on one study session of an organisation, run by the dept of an organisation above it. */
@Getter
@Setter
public class Audit implements VersionedRow {

    private Long id;
    private Long deptOrgId;
    private Long orgId;
    private Long sessionId;
    private AuditMode auditMode;
    private AuditStatus status;
    private LocalDate sessionDate;
    private int auditYear;
    private String title;
    private Long drawId;
    private String requestNote;
    private String declineReason;
    private Verdict verdict;
    private LocalDate rectificationDeadline;
    private String processInstanceId;
    private Long createdBy;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;
    private OffsetDateTime closedAt;
    private int version;
    // joined for display
    private String orgName;
    private String deptOrgName;
    private String sessionTitle;
    /** The day of the audited session itself; null while the session has no day yet. */
    private LocalDate sessionDay;
}
