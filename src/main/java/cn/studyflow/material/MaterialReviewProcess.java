package cn.studyflow.material;

import cn.studyflow.task.SubjectType;

/** Ids of {@code processes/material-review.bpmn}. */
public final class MaterialReviewProcess {

    public static final String KEY = "material-review";

    /** Business keys are {@code MATERIAL:<id>}. */
    public static final String SUBJECT_TYPE = "MATERIAL";
    /** Its pages and the fragment that shows one on task and status pages. */
    public static final SubjectType SUBJECT = new SubjectType(SUBJECT_TYPE, "/materials", "material/fragments :: subject");

    public static final String TASK_SUBMIT = "submitMaterial";
    public static final String TASK_FIRST_REVIEW = "firstReviewByOffice";
    public static final String TASK_SECOND_REVIEW = "secondReviewByPublicity";
    public static final String TASK_SIGN_OFF = "signOffByLeader";

    public static final String SUBPROCESS_REVIEW = "materialReview";
    public static final String TIMER_REMINDER = "reviewReminder";
    public static final String TIMER_OVERDUE = "reviewOverdue";
    public static final String SERVICE_REMIND = "remindCurrentReviewer";
    public static final String SERVICE_OVERDUE = "notifyLeaderOverdue";
    public static final String SERVICE_ARCHIVE = "archiveMaterial";
    public static final String END_ARCHIVED = "materialArchived";

    public static final String VAR_MATERIAL_ID = "materialId";
    public static final String VAR_AUTHOR_USERNAME = "authorUsername";
    public static final String VAR_DEADLINE = "deadline";
    public static final String VAR_REMINDER_AT = "reminderAt";
    /** When the overdue timer fires: the deadline, or {@code MaterialDeadlines.NO_DAY_YET} while there is none. */
    public static final String VAR_OVERDUE_AT = "overdueAt";

    private MaterialReviewProcess() {
    }
}
