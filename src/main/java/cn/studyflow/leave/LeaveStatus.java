package cn.studyflow.leave;

/**
 * Where a leave request stands. PENDING waits for the leader or the deputy; RETURNED and WITHDRAWN are back with
 * the applicant; APPROVED, CANCELLED (given up by the applicant) and LAPSED (undecided when the session started)
 * are final.
 */
public enum LeaveStatus {
    PENDING, RETURNED, WITHDRAWN, APPROVED, CANCELLED, LAPSED;

    /** Whether the request's process still runs (and its timers wait). */
    public boolean isOpen() {
        return this == PENDING || this == RETURNED || this == WITHDRAWN;
    }

    public boolean isWithApplicant() {
        return this == RETURNED || this == WITHDRAWN;
    }
}
