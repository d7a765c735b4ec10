package cn.studyflow.audit;

import java.util.EnumSet;
import java.util.Set;

/** Where an audit stands; labels are {@code audit.status.*}. */
public enum AuditStatus {
    /** An invitation waiting for the dept. */
    REQUESTED,
    /** An invitation the dept declined; closed. */
    DECLINED,
    /** Auditors asked, not all of them have accepted yet. */
    ASSIGNING,
    /** Every auditor accepted; they sit in and file their records. */
    SCHEDULED,
    /** Needs rectification: the audited organisation writes its report. */
    RECTIFYING,
    /** A rectification report waits for the lead auditor. */
    REVIEWING,
    /** Closed: the session passed. */
    PASSED,
    /** Closed: the rectification was accepted. */
    RECTIFIED;

    /** Audits whose records are in: they count as done in the yearly overview. */
    public static final Set<AuditStatus> DONE = EnumSet.of(RECTIFYING, REVIEWING, PASSED, RECTIFIED);

    public boolean isClosed() {
        return this == DECLINED || this == PASSED || this == RECTIFIED;
    }
}
