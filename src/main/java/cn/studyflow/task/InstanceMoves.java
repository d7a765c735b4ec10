package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.common.BusinessException;
import cn.studyflow.workflow.Operations;
import cn.studyflow.workflow.PassedStep;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import cn.studyflow.workflow.WorkflowConflictException;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * 退回 and 撤回: an instance moved back to an earlier step it has passed, by a reviewer with a comment or by the
 * submitter who takes a submission back before anyone acted on it. The feature's object follows through
 * {@link SubjectProvider#onReturnedTo} in the same transaction.
 */
@Service
@RequiredArgsConstructor
public class InstanceMoves {

    private final StepRunner steps;
    private final OperationRules rules;
    private final SubjectRegistry subjects;
    private final Workflow workflow;
    private final Operations operations;
    private final ActionLog actionLog;
    private final NotificationService notifications;
    private final OrgService orgService;
    private final ReturnedToSubmitter submitters;

    /**
     * Moves the instance back to an earlier step it has passed, with a comment; the steps in between run again.
     * Whoever finished that step last is told.
     */
    public void returnTo(String taskId, CurrentUser user, String stepId, String comment) {
        String note = StepRunner.comment(Decision.RETURN, comment);
        if (stepId == null || stepId.isBlank()) {
            throw BusinessException.invalid("ops.error.chooseStep");
        }
        steps.run(taskId, user, step -> {
            TaskInfo task = step.task();
            String expected = rules.requireHolder(step, false);
            rules.requireDecidedHere(task);
            PassedStep target = operations.returnTargets(task).stream().filter(p -> p.step().equals(stepId))
                .findFirst().orElseThrow(() -> BusinessException.invalid("ops.error.notEarlierStep"));
            SubjectRef subject = step.subject();
            subjects.provider(subject).onReturnedTo(subject.id(), target.step(), task, "RETURN_TO", note, user);
            List<String> created = operations.moveTo(taskId, expected, target.step(), note);
            submitters.giveBack(task.processInstanceId(), created);
            actionLog.record(subject, task.processInstanceId(), task, "RETURN_TO", user, note, target.name());
            Person previous = target.assignee() == null ? null : orgService.personByUsername(target.assignee());
            if (previous != null && previous.getId() != user.getPersonId()) {
                String link = created.isEmpty() ? subjects.link(subject) : TasklistService.link(created.get(0));
                notifications.notify(previous.getId(), link, "ops.notify.returnedTo", user,
                    task.title(), task.name(), target.name(), note);
            }
        });
    }

    /**
     * The person who submitted to the current step takes the submission back while no one has acted on that
     * step yet; the step they submitted from is theirs again. If the next person acts first, the withdrawal is
     * refused with their name.
     */
    public void withdraw(String processInstanceId, CurrentUser user, String comment) {
        String note = StepRunner.comment(comment);
        SubjectRef subject = rules.instance(processInstanceId, user);
        TaskInfo seen = single(processInstanceId);
        steps.onInstance(seen.id(), user, "ops.error.withdrawLost", () -> {
            TaskInfo task = single(processInstanceId);
            if (!task.id().equals(seen.id())) {
                throw new WorkflowConflictException("Instance " + processInstanceId + " has moved on", null);
            }
            PassedStep previous = withdrawable(task, user);
            subjects.provider(subject).onReturnedTo(subject.id(), previous.step(), task, "WITHDRAW", note, user);
            List<String> created = operations.moveTo(task.id(), null, previous.step(), note);
            // a step whose model names its assignee (the applicant's own) is theirs already
            created.stream().filter(id -> workflow.task(id).filter(TaskInfo::isAssigned).isEmpty())
                .forEach(id -> operations.assign(id, user.getUsername()));
            actionLog.record(subject, processInstanceId, task, "WITHDRAW", user, note, previous.name());
        });
    }

    /** The step the submitter of the current step may take it back to, or null: for the page of the object. */
    PassedStep withdrawTo(List<TaskInfo> open, CurrentUser user) {
        if (open.size() != 1 || open.get(0).isAssigned()) {
            return null;
        }
        return operations.previousStep(open.get(0)).filter(p -> user.getUsername().equals(p.assignee())).orElse(null);
    }

    private TaskInfo single(String processInstanceId) {
        List<TaskInfo> open = workflow.activeTasks(processInstanceId);
        if (open.size() != 1) {
            throw BusinessException.conflict(open.isEmpty() ? "ops.error.ended" : "ops.error.cannotWithdraw");
        }
        return open.get(0);
    }

    private PassedStep withdrawable(TaskInfo task, CurrentUser user) {
        Optional<PassedStep> previous = operations.previousStep(task);
        if (previous.isEmpty() || !user.getUsername().equals(previous.get().assignee())) {
            List<PassedStep> passed = operations.passedSteps(task.processInstanceId());
            if (passed.stream().noneMatch(p -> user.getUsername().equals(p.assignee()))) {
                throw BusinessException.forbidden();
            }
            // name whoever acted last after this person, as every lost race does
            PassedStep last = passed.get(passed.size() - 1);
            throw last.assignee() == null || user.getUsername().equals(last.assignee())
                ? BusinessException.conflict("ops.error.withdrawTooLate")
                : BusinessException.conflict("ops.error.withdrawTooLateBy", rules.displayName(last.assignee()));
        }
        if (task.isAssigned()) {
            throw BusinessException.conflict("ops.error.withdrawTaken", rules.displayName(task.assignee()));
        }
        return previous.get();
    }
}
