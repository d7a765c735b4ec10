package cn.studyflow.lecture;

import cn.studyflow.task.SubjectType;

/** Ids of {@code processes/party-lecture-selection.bpmn}: one instance is one round of one level. */
public final class LectureSelectionProcess {

    public static final String KEY = "party-lecture-selection";

    /** Business keys are {@code LROUND:<round id>}. */
    public static final String SUBJECT_TYPE = "LROUND";
    public static final SubjectType SUBJECT = new SubjectType(SUBJECT_TYPE, "/lectures/rounds", "lecture/fragments :: subject");

    /** The organiser's step while entries come in: closing the collection early. */
    public static final String TASK_COLLECT = "collectEntries";
    /** One judge's scoring of every entry of the round (multi-instance, one per judge, in parallel). */
    public static final String TASK_SCORE = "scoreEntries";
    /** The organiser orders entries tied at the cut-off, with a reason. */
    public static final String TASK_BREAK_TIE = "breakTie";
    /** The organiser sends the best up to the next level (or names them, at the top). */
    public static final String TASK_SEND_UP = "sendUp";

    public static final String TIMER_ENTRIES_CLOSE = "entriesClose";
    public static final String TIMER_REMINDER = "judgesReminder";
    public static final String TIMER_DEADLINE = "scoringDeadline";
    public static final String SERVICE_OPEN = "openScoring";
    public static final String SERVICE_REMIND = "remindJudges";
    public static final String SERVICE_CLOSE = "closeScoring";
    public static final String GATEWAY_ENTRIES = "anyEntries_gw";
    public static final String GATEWAY_TIE = "tie_gw";
    public static final String END_EMPTY = "roundEmpty";
    public static final String END_REMINDED = "judgesReminded";
    public static final String END_FINISHED = "roundFinished";

    public static final String VAR_ROUND_ID = "roundId";
    /** The judges' user names: the collection of the scoring task. */
    public static final String VAR_JUDGES = "judges";
    public static final String VAR_JUDGE = "judge";
    public static final String VAR_ENTRY_COUNT = "entryCount";
    public static final String VAR_ENTRIES_CLOSE_AT = "entriesCloseAt";
    public static final String VAR_DEADLINE = "deadline";
    public static final String VAR_REMIND_AT = "remindAt";
    /** Set when scoring closes: entries tied at the cut-off, which the organiser orders. */
    public static final String VAR_TIED = "tied";

    private LectureSelectionProcess() {
    }
}
