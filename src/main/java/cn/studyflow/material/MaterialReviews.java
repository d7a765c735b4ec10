package cn.studyflow.material;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.system.BusinessException;
import cn.studyflow.system.VersionedRow;
import cn.studyflow.task.Decision;
import cn.studyflow.task.SubjectRef;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The reviewers' decisions (两审一把关): the office's first review and the publicity member's second review
 * on their own forms, each one step in its own transaction, and the leader's sign-off or a batch approval of
 * second reviews from the generic tasklist. A return sends the material back to its author.
 */
@Service
public class MaterialReviews {

    private final MaterialMapper materials;
    private final TasklistService tasks;
    private final NotificationService notifications;
    private final Clock clock;

    MaterialReviews(MaterialMapper materials, TasklistService tasks, NotificationService notifications, Clock clock) {
        this.materials = materials;
        this.tasks = tasks;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The office's first review: a return needs a comment, an approval the confirmation 不涉密. */
    public void firstReview(String taskId, CurrentUser user, FirstReviewForm form) {
        Decision decision = form.getDecision();
        String comment = requireComment(decision, form.getComment());
        if (decision == Decision.APPROVE && !form.isNotClassified()) {
            throw BusinessException.invalid("material.error.confirmNotClassified");
        }
        decideOnForm(taskId, user, MaterialReviewProcess.TASK_FIRST_REVIEW, decision, comment, form.isNotClassified(),
            List.of());
    }

    /** The publicity member's second review: the checklist decides; any failed item returns the material. */
    public void secondReview(String taskId, CurrentUser user, SecondReviewForm form) {
        List<MaterialCheck> checks = new ArrayList<>();
        for (CheckItem item : CheckItem.values()) {
            Boolean passed = form.getPassed().get(item);
            if (passed == null) {
                throw BusinessException.invalid("material.error.checkMissing");
            }
            String note = form.note(item);
            if (!passed && note == null) {
                throw BusinessException.invalid("material.error.checkNoteRequired");
            }
            if (note != null && note.length() > SecondReviewForm.MAX_NOTE) {
                throw BusinessException.invalid("material.error.tooLong");
            }
            checks.add(new MaterialCheck(item, passed, note));
        }
        Decision decision = form.decision();
        String comment = form.decisionComment();
        requireShortComment(comment);
        decideOnForm(taskId, user, MaterialReviewProcess.TASK_SECOND_REVIEW, decision, comment, null, checks);
    }

    /**
     * A decision made through the generic tasklist, in its transaction: the leader's sign-off, or a batch
     * approval of second reviews, which records every checklist item as passed under the one comment.
     */
    void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        Material m = materials.selectById(id);
        MaterialAccess.requireNotAuthor(m, user);
        if (MaterialReviewProcess.TASK_SIGN_OFF.equals(task.step())) {
            record(m, task, user, decision, MaterialForm.clean(comment), null, List.of());
        } else if (MaterialReviewProcess.TASK_SECOND_REVIEW.equals(task.step()) && decision == Decision.APPROVE) {
            List<MaterialCheck> checks = new ArrayList<>();
            for (CheckItem item : CheckItem.values()) {
                checks.add(new MaterialCheck(item, true, null));
            }
            record(m, task, user, decision, MaterialForm.clean(comment), null, checks);
        } else {
            throw BusinessException.invalid("task.notDecidedHere");
        }
    }

    /** One review step decided on its own form, in one transaction that tells the loser of a race who was first. */
    private void decideOnForm(String taskId, CurrentUser user, String step, Decision decision, String comment,
                              Boolean notClassified, List<MaterialCheck> checks) {
        tasks.inTransaction(taskId, user, () -> {
            TaskInfo task = tasks.get(taskId, user);
            Material m = materialAt(task, step);
            MaterialAccess.requireNotAuthor(m, user);
            record(m, task, user, decision, comment, notClassified, checks);
            tasks.complete(task, user, decision.name(), comment, decisionVariables(decision, comment));
        });
    }

    private void record(Material m, TaskInfo task, CurrentUser user, Decision decision, String comment,
                        Boolean notClassified, List<MaterialCheck> checks) {
        MaterialReview review = new MaterialReview();
        review.setMaterialId(m.getId());
        review.setVersionNo(m.getCurrentVersion());
        review.setTaskId(task.id());
        review.setStep(task.step());
        review.setReviewerId(user.getPersonId());
        review.setReviewerName(user.getDisplayName());
        review.setDecision(decision);
        review.setComment(comment);
        review.setNotClassified(notClassified);
        review.setCreatedAt(OffsetDateTime.now(clock));
        materials.insertReview(review);
        for (MaterialCheck check : checks) {
            check.setReviewId(review.getId());
            materials.insertCheck(check);
        }
        if (decision == Decision.RETURN) {
            m.setStatus(MaterialStatus.RETURNED);
            VersionedRow.save(m, materials::update, clock);
            notifications.notify(m.getAuthorId(), Materials.link(m), "material.notify.returned", m.getTitle(),
                task.name(), user.getDisplayName(), comment);
        } else {
            notifications.notify(m.getAuthorId(), Materials.link(m), "material.notify.passed", m.getTitle(),
                task.name(), user.getDisplayName());
        }
    }

    /** The material a task is about, when the task is the given step of a material review. */
    private Material materialAt(TaskInfo task, String step) {
        SubjectRef subject = tasks.subject(task);
        if (!MaterialReviewProcess.SUBJECT_TYPE.equals(subject.type()) || !step.equals(task.step())) {
            throw BusinessException.invalid("task.notDecidedHere");
        }
        return materials.selectById(subject.id());
    }

    private static String requireComment(Decision decision, String comment) {
        if (decision == null) {
            throw BusinessException.invalid("task.decisionRequired");
        }
        String clean = MaterialForm.clean(comment);
        if (decision == Decision.RETURN && clean == null) {
            throw BusinessException.invalid("task.commentRequired");
        }
        requireShortComment(clean);
        return clean;
    }

    private static void requireShortComment(String comment) {
        if (comment != null && comment.length() > 2000) {
            throw BusinessException.invalid("task.commentTooLong");
        }
    }

    private static Map<String, Object> decisionVariables(Decision decision, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Decision.VARIABLE, decision.value());
        variables.put(Decision.COMMENT, comment == null ? "" : comment);
        return variables;
    }
}
