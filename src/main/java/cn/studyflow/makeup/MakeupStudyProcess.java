package cn.studyflow.makeup;

import cn.studyflow.task.SubjectType;

/** Ids of {@code processes/makeup-study.bpmn}. */
public final class MakeupStudyProcess {

    public static final String KEY = "makeup-study";

    /** Business keys are {@code MAKEUP:<id>}. */
    public static final String SUBJECT_TYPE = "MAKEUP";
    /** Its pages and the fragment that shows one on task and status pages. */
    public static final SubjectType SUBJECT = new SubjectType(SUBJECT_TYPE, "/makeups", "makeup/fragments :: subject");

    /** The member's step: submit the notes, again after a return or a withdrawal. */
    public static final String TASK_SUBMIT = "submitMakeup";
    /** The secretary's check: approve (accept) or return on the generic form. */
    public static final String TASK_CHECK = "checkMakeup";
    /** The leader's step once the make-up is overdue: waive it with a reason, or leave it open. */
    public static final String TASK_WAIVER = "decideWaiver";

    public static final String SUBPROCESS_WORK = "makeupWork";
    public static final String GATEWAY_CHECK = "checkDecision_gw";
    public static final String TIMER_REMINDER = "dueReminder";
    public static final String TIMER_DUE = "makeupDue";
    public static final String SERVICE_ACCEPT = "acceptMakeup";
    public static final String SERVICE_REMIND = "remindMember";
    public static final String SERVICE_OVERDUE = "reportOverdue";
    public static final String SERVICE_WAIVE = "waiveMakeup";
    public static final String END_MADE_UP = "makeupMadeUp";
    public static final String END_REMINDED = "memberReminded";
    public static final String END_WAIVED = "makeupWaived";
    public static final String END_DONE = "makeupDone";

    public static final String VAR_MAKEUP_ID = "makeupId";
    public static final String VAR_MEMBER_USERNAME = "memberUsername";
    /** When the make-up is due: the steps' due date and the overdue timer. */
    public static final String VAR_DUE_AT = "dueAt";
    /** When the member is reminded. */
    public static final String VAR_REMIND_AT = "remindAt";

    /** The leader's answer on the overdue step (value of {@code decision}). */
    public static final String DECISION_WAIVE = "waive";

    private MakeupStudyProcess() {
    }
}
