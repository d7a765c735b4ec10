package cn.studyflow.plan;

public enum PlanStatus {
    /** Being written, never submitted. */
    DRAFT,
    /** Submitted; somewhere in review. */
    SUBMITTED,
    /** Returned by a reviewer; the secretary revises it. */
    RETURNED,
    /** Approved (and, for an annual plan, registered); its topics are scheduled sessions. */
    APPROVED;

    public boolean isEditable() {
        return this == DRAFT || this == RETURNED;
    }
}
