package cn.studyflow.archive;

import cn.studyflow.task.SubjectType;

/** Ids of {@code processes/year-archive-closing.bpmn}. */
public final class YearArchiveClosingProcess {

    public static final String KEY = "year-archive-closing";

    /** Business keys are {@code YEAR_CLOSING:<id>} (the request's row in {@code sf_year_closing}). */
    public static final String SUBJECT_TYPE = "YEAR_CLOSING";
    /** A request's page leads to the archive page of its year; the fragment shows it on task and status pages. */
    public static final SubjectType SUBJECT = new SubjectType(SUBJECT_TYPE, "/archive/closings",
        "archive/fragments :: subject");

    public static final String START = "closingRequested";
    public static final String TASK_LEADER = "approveClosingByLeader";
    public static final String GATEWAY_LEADER = "leaderDecision_gw";
    public static final String SERVICE_CLOSE = "closeYear";
    public static final String END_CLOSED = "yearClosed";
    public static final String END_RETURNED = "closingNotApproved";

    /** The delegate bean of {@link #SERVICE_CLOSE}. */
    public static final String DELEGATE_CLOSE = "closeYearDelegate";

    public static final String VAR_CLOSING_ID = "closingId";
    public static final String VAR_YEAR = "year";

    private YearArchiveClosingProcess() {
    }
}
