package cn.studyflow.audit;

/** An auditor's answer to an assignment; labels are {@code audit.assignment.*}. */
public enum AssignmentStatus {
    PENDING, ACCEPTED, DECLINED
}
