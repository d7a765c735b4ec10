package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.common.BusinessException;
import cn.studyflow.workflow.Operations;
import cn.studyflow.workflow.SignPosition;
import cn.studyflow.workflow.Signer;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * 加签 / 减签: the holder of a step adds a signer before or after their own decision, or removes one who has not
 * signed yet; and what happens when an added signer signs. Signing {@code approve} closes their subtask: once every
 * signer before has signed, the step is the holder's to decide again; once every signer after has signed, the
 * step completes with the holder's approval. Signing {@code return} returns the step at once, as a return by
 * its holder would, and drops the other signers. Called by {@link TasklistService#decide} for signer tasks.
 */
@Service
@RequiredArgsConstructor
class AddedSigners {

    private final StepRunner steps;
    private final OperationRules rules;
    private final Operations operations;
    private final Workflow workflow;
    private final ActionLog actionLog;
    private final NotificationService notifications;
    private final OrgService orgService;
    private final SubjectRegistry subjects;
    private final ReturnedToSubmitter submitters;

    /**
     * Adds a signer before the actor's decision (前加签), or after it (后加签): adding a signer after is the
     * actor's approval, which moves the process on once every signer after has signed.
     */
    void add(String taskId, CurrentUser user, String to, SignPosition position, String comment) {
        String note = StepRunner.comment(comment);
        OperationRules.requireChosen(to);
        if (position == null) {
            throw BusinessException.invalid("ops.error.positionRequired");
        }
        steps.run(taskId, user, step -> {
            TaskInfo task = step.task();
            List<Signer> open = task.isSignerTask() ? List.of() : operations.signers(taskId);
            String expected = rules.requireHolder(step, !open.isEmpty());
            rules.requireDecidedHere(task);
            if (!open.isEmpty() && open.get(0).position() != position) {
                throw BusinessException.conflict("ops.error.mixedPositions");
            }
            if (open.stream().anyMatch(s -> s.assignee().equals(to))) {
                throw BusinessException.invalid("ops.error.alreadySigner");
            }
            Person target = OperationRules.pick(rules.colleagues(task, user), to);
            boolean after = position == SignPosition.AFTER;
            // signers after share the one approval the holder gave when adding the first of them
            String approval = after ? (open.isEmpty() ? note : open.get(0).holderComment()) : null;
            String signerTask = operations.addSigner(taskId, expected, user.getUsername(), target.getUsername(),
                position, approval);
            if (after && open.isEmpty()) {
                actionLog.record(step.subject(), task.processInstanceId(), task, Decision.APPROVE.name(), user, note);
            }
            actionLog.record(step.subject(), task.processInstanceId(), task, after ? "ADD_SIGNER_AFTER" : "ADD_SIGNER",
                user, after ? null : note, target.getDisplayName());
            notifications.notify(target.getId(), TasklistService.link(signerTask),
                after ? "ops.notify.signerAddedAfter" : "ops.notify.signerAddedBefore",
                user, task.title(), task.name(), Handovers.orEmpty(note));
        });
    }

    /** Removes an added signer who has not signed yet (减签). */
    void remove(String taskId, CurrentUser user, String signer, String comment) {
        String note = StepRunner.comment(comment);
        OperationRules.requireChosen(signer);
        steps.run(taskId, user, step -> {
            TaskInfo task = step.task();
            if (task.isSignerTask() || !step.isAssignee()) {
                throw BusinessException.forbidden();
            }
            Signer found = operations.signers(taskId).stream().filter(s -> s.assignee().equals(signer)).findFirst()
                .orElseThrow(() -> BusinessException.invalid("ops.error.noSuchSigner"));
            TaskInfo signerTask = workflow.task(found.taskId())
                .orElseThrow(() -> BusinessException.conflict("task.changed"));
            operations.removeSigner(found.taskId(), found.assignee());
            Person removed = orgService.personByUsername(found.assignee());
            actionLog.record(step.subject(), task.processInstanceId(), signerTask, "REMOVE_SIGNER", user, note,
                removed == null ? found.assignee() : removed.getDisplayName());
            if (removed != null) {
                notifications.notify(removed.getId(), subjects.link(step.subject()), "ops.notify.signerRemoved",
                    user, task.title(), task.name());
            }
        });
    }

    /** A signer's decision on their own subtask; runs in the caller's transaction. */
    void decide(TaskInfo task, CurrentUser user, Decision decision, String comment) {
        Signer signer = operations.signer(task.id()).orElseThrow(() -> BusinessException.conflict("task.changed"));
        if (!user.getUsername().equals(signer.assignee())) {
            throw BusinessException.forbidden();
        }
        TaskInfo step = workflow.task(signer.parentTaskId())
            .orElseThrow(() -> BusinessException.conflict("task.changed"));
        SubjectRef subject = SubjectRef.parse(step.businessKey());
        SubjectProvider provider = subjects.provider(subject);
        String link = TasklistService.link(step.id());
        String subjectLink = subjects.link(subject);
        Person holder = orgService.personByUsername(signer.addedBy());
        actionLog.record(subject, step.processInstanceId(), task, decision.name(), user, comment);
        operations.completeSigner(task.id(), user.getUsername());

        if (decision == Decision.RETURN) {
            operations.dropSigners(step.id());
            provider.onDecision(subject.id(), step, Decision.RETURN, comment, user);
            workflow.complete(step.id(), StepRunner.variables(Decision.RETURN, comment));
            submitters.giveBack(step.processInstanceId());
            notifyHolder(holder, subjectLink, "ops.notify.signerReturned", user, step.title(),
                comment);
            return;
        }
        List<Signer> open = operations.signers(step.id());
        if (!open.isEmpty()) {
            notifyHolder(holder, link, "ops.notify.signerApproved", user, step.title());
        } else if (signer.position() == SignPosition.AFTER) {
            // the holder approved when adding signers after; their approval now moves the process on
            CurrentUser approver = holder == null ? user : orgService.asUser(holder);
            provider.onDecision(subject.id(), step, Decision.APPROVE, signer.holderComment(), approver);
            workflow.complete(step.id(), StepRunner.variables(Decision.APPROVE, signer.holderComment()));
            notifyHolder(holder, subjectLink, "ops.notify.signedAfter", step.title());
        } else {
            notifyHolder(holder, link, "ops.notify.signedBefore", step.title());
        }
    }

    private void notifyHolder(Person holder, String link, String key, Object... args) {
        if (holder != null) {
            notifications.notify(holder.getId(), link, key, args);
        }
    }
}
