package cn.studyflow.task;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.workflow.TaskInfo;
import java.util.Map;

/**
 * What a feature supplies so that the generic tasklist can show and decide on its business objects.
 * One Spring bean per subject type; {@link SubjectRegistry} finds it by its type.
 */
public interface SubjectProvider {

    /** The type, pages and fragment of the objects, declared once. */
    SubjectType subjectType();

    /** The organisation that owns the object, or null when there is no such object. */
    Long orgId(long id);

    /**
     * Whether this person may read the object: the same rule as its own page. Every operation on a task or an
     * instance of the object applies it too, so that nothing shows through a side door what its page would not.
     */
    boolean canSee(long id, CurrentUser user);

    /**
     * Refuses (409) a step on an object whose organisation's study year is closed on record (学习档案,
     * {@code org/ClosedYears}); objects that are no organisation's dated work (the closing itself) let it pass.
     */
    default void requireOpenYear(long id) {
    }

    /** What {@link SubjectType#fragment()} needs to render. */
    Map<String, Object> model(long id, CurrentUser user);

    /**
     * The decision form for this step, or null for the generic approve-or-return form. A step that is not
     * decided on the task page (a draft to edit, say) returns a fragment that links to where it is done.
     */
    default String form(TaskInfo task) {
        return null;
    }

    /** Domain work of a decision; runs in the transaction that completes the task. */
    default void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
    }

    /**
     * Domain work when the instance is moved back to the earlier step {@code step}, leaving {@code from}: a
     * reviewer returned it there ({@code RETURN_TO}) or the submitter withdrew it ({@code WITHDRAW}). Runs in the
     * transaction that moves the instance, so the object's status follows the process.
     */
    default void onReturnedTo(long id, String step, TaskInfo from, String action, String comment, CurrentUser user) {
    }
}
