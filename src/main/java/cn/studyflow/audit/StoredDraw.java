package cn.studyflow.audit;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** A draw as stored: its inputs, seed and result as JSON, so that it can be re-run and checked. */
@Getter
@Setter
public class StoredDraw {

    /** A random audit draw of sessions and auditors, or one replacement auditor after a decline. */
    public enum Kind { SESSIONS, REPLACEMENT }

    private Long id;
    private Long deptOrgId;
    private Kind kind;
    private long seed;
    private String inputsJson;
    private String resultJson;
    private Long auditId;
    private Long createdBy;
    private OffsetDateTime createdAt;
    private String createdByName;
}
