package cn.studyflow.leave;

import cn.studyflow.task.SubjectType;

/** Ids of {@code processes/leave-request.bpmn}. */
public final class LeaveRequestProcess {

    public static final String KEY = "leave-request";

    /** Business keys are {@code LEAVE:<id>}. */
    public static final String SUBJECT_TYPE = "LEAVE";
    /** Its pages and the fragment that shows one on task and status pages. */
    public static final SubjectType SUBJECT = new SubjectType(SUBJECT_TYPE, "/leaves", "leave/fragments :: subject");

    /** The applicant's step: done at once when asking, theirs again after a return or a withdrawal. */
    public static final String TASK_SUBMIT = "submitLeave";
    public static final String TASK_LEADER = "decideByLeader";
    public static final String TASK_DEPUTY = "decideByDeputy";

    public static final String SUBPROCESS_DECISION = "leaveDecision";
    public static final String GATEWAY_SUBMIT = "submit_gw";
    public static final String GATEWAY_LEADER = "leaderDecision_gw";
    public static final String GATEWAY_DEPUTY = "deputyDecision_gw";
    public static final String TIMER_REMINDER = "undecidedReminder";
    public static final String TIMER_SESSION_STARTS = "sessionStarts";
    public static final String SERVICE_GRANT = "grantLeave";
    public static final String SERVICE_REMIND = "remindDecider";
    public static final String SERVICE_LAPSE = "lapseLeave";
    public static final String END_GRANTED = "leaveGranted";
    public static final String END_CANCELLED = "leaveCancelled";
    public static final String END_LAPSED = "leaveLapsed";
    public static final String END_REMINDED = "deciderReminded";
    public static final String END_REQUEST = "leaveRequestEnded";

    public static final String VAR_LEAVE_ID = "leaveId";
    public static final String VAR_APPLICANT_USERNAME = "applicantUsername";
    /** When the session starts: the undecided request lapses then. */
    public static final String VAR_STARTS_AT = "startsAt";
    /** When whoever holds the undecided request is reminded. */
    public static final String VAR_REMIND_AT = "remindAt";
    /** Set by the applicant's step: true when they give the request up. */
    public static final String VAR_CANCELLED = "cancelled";

    /** The leader's third answer besides approve and return: the deputy decides (value of {@code decision}). */
    public static final String DECISION_REFER = "refer";

    private LeaveRequestProcess() {
    }
}
