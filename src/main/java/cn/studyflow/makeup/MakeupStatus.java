package cn.studyflow.makeup;

/**
 * Where a make-up stands. ASSIGNED waits for the member's first notes; SUBMITTED waits for the secretary;
 * RETURNED and WITHDRAWN are back with the member; ACCEPTED (made up) and WAIVED (by the leader) are final.
 */
public enum MakeupStatus {
    ASSIGNED, SUBMITTED, RETURNED, WITHDRAWN, ACCEPTED, WAIVED;

    /** Whether the make-up's process still runs. */
    public boolean isOpen() {
        return this != ACCEPTED && this != WAIVED;
    }

    /** Whether the member may submit now. */
    public boolean isWithMember() {
        return this == ASSIGNED || this == RETURNED || this == WITHDRAWN;
    }
}
