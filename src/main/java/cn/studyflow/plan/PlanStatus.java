package cn.studyflow.plan;

public enum PlanStatus {
    /** Being written, never submitted. */
    DRAFT,
    /** Submitted; somewhere in review. */
    SUBMITTED,
    /** Returned by a reviewer; the secretary revises it. */
    RETURNED,
    /** Taken back by the secretary who submitted it (撤回) before the next step acted; revised like a returned one. */
    WITHDRAWN,
    /** Approved (and, for an annual plan, registered); its topics are scheduled sessions. */
    APPROVED;

    public boolean isEditable() {
        return this == DRAFT || this == RETURNED || this == WITHDRAWN;
    }
}
