package cn.studyflow.plan;

import cn.studyflow.task.SubjectType;

/** Ids of the two plan processes ({@code processes/plan-approval.bpmn}, {@code supplementary-plan-approval.bpmn}). */
public final class PlanApprovalProcess {

    public static final String KEY = "plan-approval";
    public static final String SUPPLEMENTARY_KEY = "supplementary-plan-approval";

    /** Business keys are {@code PLAN:<id>}. */
    public static final String SUBJECT_TYPE = "PLAN";
    /** Its pages and the fragment that shows one on task and status pages. */
    public static final SubjectType SUBJECT = new SubjectType(SUBJECT_TYPE, "/plans", "plan/fragments :: subject");

    public static final String TASK_DRAFT = "draftPlan";
    public static final String TASK_REVIEW_BY_PUBLICITY = "reviewByPublicity";
    public static final String TASK_APPROVE_BY_LEADER = "approveByLeader";
    public static final String TASK_REGISTER_BY_DEPT = "registerByDept";

    public static final String TIMER_REMINDER = "deadlineReminder";
    public static final String TIMER_DEADLINE = "deadlinePassed";
    public static final String SUBPROCESS_REVIEW = "planReview";
    public static final String END_REGISTERED = "planRegistered";

    public static final String VAR_PLAN_ID = "planId";
    public static final String VAR_SUPERIOR_ORG_ID = "superiorOrgId";
    public static final String VAR_DEADLINE = "deadline";
    public static final String VAR_REMINDER_AT = "reminderAt";

    private PlanApprovalProcess() {
    }
}
