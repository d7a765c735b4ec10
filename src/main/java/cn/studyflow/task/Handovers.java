package cn.studyflow.task;

import static cn.studyflow.task.OperationRules.pick;
import static cn.studyflow.task.OperationRules.requireChosen;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.common.BusinessException;
import cn.studyflow.workflow.Operations;
import cn.studyflow.workflow.TaskInfo;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * 转办 transfer and 委派 delegate: the holder of a step hands it to someone else, for good or until they
 * resolve it. Each is one step run by {@link StepRunner}, recorded in the history and notified.
 */
@Service
@RequiredArgsConstructor
public class Handovers {

    private final StepRunner steps;
    private final OperationRules rules;
    private final Operations operations;
    private final ActionLog actionLog;
    private final NotificationService notifications;
    private final OrgService orgService;

    /** Hands the task to another holder of the step's roles; it leaves the actor's list. */
    public void transfer(String taskId, CurrentUser user, String to, String comment) {
        String note = StepRunner.comment(comment);
        requireChosen(to);
        steps.run(taskId, user, step -> {
            String expected = rules.requireHolder(step, false);
            Person target = pick(rules.transferable(step.task(), user), to);
            operations.transfer(taskId, expected, target.getUsername());
            handedOver(step, "TRANSFER", note, target, "ops.notify.transferred");
        });
    }

    /** Asks a colleague to handle the task; it comes back to the actor when they resolve it. */
    public void delegate(String taskId, CurrentUser user, String to, String comment) {
        String note = StepRunner.comment(comment);
        requireChosen(to);
        steps.run(taskId, user, step -> {
            String expected = rules.requireHolder(step, false);
            rules.requireDecidedHere(step.task());
            Person target = pick(rules.colleagues(step.task(), user), to);
            operations.delegate(taskId, expected, user.getUsername(), target.getUsername());
            handedOver(step, "DELEGATE", note, target, "ops.notify.delegated");
        });
    }

    /** The person a task was delegated to hands it back, with their opinion, to the one who delegated it. */
    public void resolve(String taskId, CurrentUser user, String comment) {
        String note = StepRunner.comment(comment);
        steps.run(taskId, user, step -> {
            TaskInfo task = step.task();
            if (!task.delegated()) {
                throw BusinessException.conflict("ops.error.notDelegated");
            }
            if (!step.isAssignee()) {
                throw BusinessException.forbidden();
            }
            operations.resolve(taskId, user.getUsername());
            Person owner = orgService.personByUsername(task.owner());
            actionLog.record(step.subject(), task.processInstanceId(), task, "RESOLVE", user, note,
                owner == null ? task.owner() : owner.getDisplayName());
            if (owner != null) {
                notifications.notify(owner.getId(), TasklistService.link(taskId), "ops.notify.resolved",
                    user, task.title(), orEmpty(note));
            }
        });
    }

    private void handedOver(Step step, String action, String note, Person target, String notice) {
        TaskInfo task = step.task();
        actionLog.record(step.subject(), task.processInstanceId(), task, action, step.user(), note,
            target.getDisplayName());
        notifications.notify(target.getId(), TasklistService.link(task.id()), notice, step.user(),
            task.title(), task.name(), orEmpty(note));
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
