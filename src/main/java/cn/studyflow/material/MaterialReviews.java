package cn.studyflow.material;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.task.Decision;
import cn.studyflow.task.Step;
import cn.studyflow.task.StepRunner;
import cn.studyflow.workflow.TaskInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The reviewers' decisions (两审一把关): the office's first review and the publicity member's second review
 * on their own forms, each one step in its own transaction, and the leader's sign-off or a batch approval of
 * second reviews from the generic tasklist. A return sends the material back to its author.
 */
@Service
@RequiredArgsConstructor
public class MaterialReviews {

    private final MaterialMapper materials;
    private final MaterialReads reads;
    private final StepRunner steps;
    private final NotificationService notifications;
    private final Clock clock;

    /** The office's first review: a return needs a comment, an approval the confirmation 不涉密. */
    public void firstReview(String taskId, CurrentUser user, FirstReviewForm form) {
        Decision decision = form.getDecision();
        // cleaned as every material text is (strip, blank to null), then the rules of every decision
        String comment = StepRunner.comment(decision, MaterialForm.clean(form.getComment()));
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
        String comment = StepRunner.comment(form.decisionComment());
        decideOnForm(taskId, user, MaterialReviewProcess.TASK_SECOND_REVIEW, decision, comment, null, checks);
    }

    /**
     * A decision made through the generic tasklist, in its transaction: the leader's sign-off, or a batch
     * approval of second reviews, which records every checklist item as passed under the one comment.
     */
    void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        Material m = reads.row(id);
        MaterialAccess.requireNotAuthor(m, user);
        // only the sign-off is decided on the generic form (alone or in a batch); the reviews with a checklist or
        // a confirmation are decided on their own forms, item by item, so no check is recorded that was not ticked
        if (MaterialReviewProcess.TASK_SIGN_OFF.equals(task.step())) {
            record(m, task, user, decision, MaterialForm.clean(comment), null, List.of());
        } else {
            throw BusinessException.invalid("task.notDecidedHere");
        }
    }

    /** One review step decided on its own form, run as one step: a lost race tells who was first. */
    private void decideOnForm(String taskId, CurrentUser user, String stepId, Decision decision, String comment,
                              Boolean notClassified, List<MaterialCheck> checks) {
        steps.run(taskId, user, step -> {
            Material m = materialAt(step, stepId);
            MaterialAccess.requireNotAuthor(m, user);
            record(m, step.task(), user, decision, comment, notClassified, checks);
            step.decide(decision, comment);
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
                task.name(), user, comment);
        } else {
            notifications.notify(m.getAuthorId(), Materials.link(m), "material.notify.passed", m.getTitle(),
                task.name(), user);
        }
    }

    /** The material a task is about, when the task is the given step of a material review. */
    private Material materialAt(Step step, String stepId) {
        if (!MaterialReviewProcess.SUBJECT_TYPE.equals(step.subject().type()) || !stepId.equals(step.task().step())) {
            throw BusinessException.invalid("task.notDecidedHere");
        }
        return reads.row(step.subject().id());
    }
}
