package cn.studyflow.audit;

import cn.studyflow.task.SubjectType;

/** Ids of {@code processes/audit-sit-in.bpmn}: process key, steps, variables. */
public final class AuditSitInProcess {

    public static final String KEY = "audit-sit-in";

    /** Business keys are {@code AUDIT:<id>}. */
    public static final String SUBJECT_TYPE = "AUDIT";
    /** Its pages and the fragment that shows one on task and status pages. */
    public static final SubjectType SUBJECT = new SubjectType(SUBJECT_TYPE, "/audits", "audit/fragments :: subject");

    public static final String TASK_REVIEW_INVITATION = "reviewInvitation";
    public static final String TASK_ACCEPT_ASSIGNMENT = "acceptAssignment";
    public static final String TASK_REASSIGN_AUDITOR = "reassignAuditor";
    public static final String TASK_FILE_RECORD = "fileRecord";
    public static final String TASK_SUBMIT_RECTIFICATION = "submitRectification";
    public static final String TASK_REVIEW_RECTIFICATION = "reviewRectification";

    public static final String SUBPROCESS_ACCEPTANCE = "auditorAcceptance";
    public static final String SERVICE_PREPARE_ACCEPTANCE = "prepareAcceptance";
    public static final String SERVICE_REDRAW = "redrawAuditor";
    public static final String SERVICE_CONFIRM_AUDITORS = "confirmAuditors";
    public static final String SERVICE_CONCLUDE = "concludeAudit";
    public static final String SERVICE_NOTICE_RECTIFICATION = "noticeRectification";
    public static final String SERVICE_REPORT_OVERDUE = "reportOverdueRectification";
    public static final String TIMER_RECTIFICATION_OVERDUE = "rectificationOverdue";
    /** Fires at {@code acceptBy} while auditors have not all answered: the dept is told. */
    public static final String TIMER_ACCEPTANCE_OVERDUE = "acceptanceOverdue";
    public static final String SERVICE_REPORT_PENDING_ACCEPTANCE = "reportPendingAcceptance";
    public static final String END_PENDING_ACCEPTANCE_REPORTED = "pendingAcceptanceReported";

    public static final String END_INVITATION_DECLINED = "invitationDeclinedEnd";
    public static final String END_PASSED = "auditPassed";
    public static final String END_RECTIFIED = "auditRectified";
    public static final String END_OVERDUE_REPORTED = "overdueReported";

    public static final String VAR_AUDIT_ID = "auditId";
    public static final String VAR_DEPT_ORG_ID = "deptOrgId";
    public static final String VAR_MODE = "mode";
    /** Usernames the multi-instance steps run over; transient, set by a delegate right before each of them. */
    public static final String VAR_AUDITORS = "auditors";
    /** The auditor of one instance of the acceptance sub-process (its element variable). */
    public static final String VAR_AUDITOR = "auditor";
    public static final String VAR_ACCEPTED = "accepted";
    public static final String VAR_POOL_EXHAUSTED = "poolExhausted";
    public static final String VAR_INVITATION_APPROVED = "invitationApproved";
    public static final String VAR_LEAD_AUDITOR = "leadAuditor";
    public static final String VAR_VERDICT = "verdict";
    public static final String VAR_RECTIFICATION_DEADLINE = "rectificationDeadline";
    /** By when the auditors asked must have answered: a number of days before the session starts. */
    public static final String VAR_ACCEPT_BY = "acceptBy";

    private AuditSitInProcess() {
    }
}
