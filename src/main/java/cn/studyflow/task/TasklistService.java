package cn.studyflow.task;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Scope;
import cn.studyflow.system.BusinessException;
import cn.studyflow.workflow.PageOf;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generic tasklist: who may see and act on which task, and how an action becomes one transaction of
 * domain write, history record and engine step. When two people act at once, one succeeds and the other
 * is told who was first.
 */
@Service
public class TasklistService {

    public static final int MAX_PAGE_SIZE = 100;

    private final Workflow workflow;
    private final ActionLog actionLog;
    private final OrgService orgService;
    private final Scope scope;
    private final TransactionTemplate transaction;
    private final AddedSigners signers;
    // features depend on this service and supply providers back to it, hence looked up when first used
    private final ObjectProvider<SubjectProvider> providers;

    TasklistService(Workflow workflow, ActionLog actionLog, OrgService orgService, Scope scope,
                PlatformTransactionManager transactionManager, AddedSigners signers,
                ObjectProvider<SubjectProvider> providers) {
        this.workflow = workflow;
        this.actionLog = actionLog;
        this.orgService = orgService;
        this.scope = scope;
        this.transaction = new TransactionTemplate(transactionManager);
        this.signers = signers;
        this.providers = providers;
    }

    public PageOf<TaskInfo> list(CurrentUser user, TaskFilter.View view, String processKey, Long orgId, String title,
                                 TaskFilter.Sort sort, boolean ascending, int page, int size) {
        TaskFilter filter = new TaskFilter(user.getUsername(), user.groups(), view, blankToNull(processKey), orgId,
            title, sort, ascending);
        return workflow.tasks(filter, Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE));
    }

    /** The task, if this user is its assignee or one of its candidates; 403 otherwise. */
    public TaskInfo get(String taskId, CurrentUser user) {
        TaskInfo task = workflow.task(taskId).orElseThrow(() -> gone(taskId, user));
        if (!isAssignee(task, user) && !isCandidate(task, user)) {
            throw BusinessException.forbidden();
        }
        return task;
    }

    public SubjectRef subject(TaskInfo task) {
        return SubjectRef.parse(task.businessKey());
    }

    public SubjectProvider provider(String type) {
        return providers.orderedStream()
            .filter(p -> p.type().equals(type))
            .findFirst()
            .orElseThrow(BusinessException::notFound);
    }

    public boolean isAssignee(TaskInfo task, CurrentUser user) {
        return user.getUsername().equals(task.assignee());
    }

    public boolean isCandidate(TaskInfo task, CurrentUser user) {
        List<String> groups = user.groups();
        return workflow.candidateGroups(task.id()).stream().anyMatch(groups::contains);
    }

    /** The display name of whoever holds a task, for "claimed by" messages. */
    public String assigneeName(TaskInfo task) {
        if (task.assignee() == null) {
            return null;
        }
        Person person = orgService.personByUsername(task.assignee());
        return person == null ? task.assignee() : person.getDisplayName();
    }

    public void claim(String taskId, CurrentUser user) {
        inTransaction(taskId, user, () -> {
            TaskInfo task = get(taskId, user);
            if (isAssignee(task, user)) {
                return;
            }
            requireUnclaimed(task);
            workflow.claim(taskId, user.getUsername());
            actionLog.record(subject(task), task.processInstanceId(), task, "CLAIM", user, null);
        });
    }

    public void unclaim(String taskId, CurrentUser user) {
        inTransaction(taskId, user, () -> {
            TaskInfo task = get(taskId, user);
            if (!isAssignee(task, user)) {
                throw BusinessException.forbidden();
            }
            workflow.unclaim(taskId);
            actionLog.record(subject(task), task.processInstanceId(), task, "UNCLAIM", user, null);
        });
    }

    /** Approves or returns a task from the generic decision form. A return needs a comment. */
    public void decide(String taskId, CurrentUser user, Decision decision, String comment) {
        if (decision == null) {
            throw BusinessException.invalid("task.decisionRequired");
        }
        if (decision == Decision.RETURN && (comment == null || comment.isBlank())) {
            throw BusinessException.invalid("task.commentRequired");
        }
        if (comment != null && comment.length() > 2000) {
            throw BusinessException.invalid("task.commentTooLong");
        }
        inTransaction(taskId, user, () -> {
            TaskInfo task = get(taskId, user);
            if (task.isSignerTask()) {
                // an added signer (加签) signs on their own subtask; the step itself moves when all have signed
                signers.decide(task, user, decision, comment);
                return;
            }
            if (task.delegated()) {
                // 委派: the person it was delegated to hands it back; then the one who delegated it decides
                throw BusinessException.conflict("ops.error.delegated");
            }
            SubjectRef subject = subject(task);
            SubjectProvider provider = provider(subject.type());
            if (provider.form(task) != null) {
                throw BusinessException.invalid("task.notDecidedHere");
            }
            provider.onDecision(subject.id(), task, decision, comment, user);
            Map<String, Object> variables = new HashMap<>();
            variables.put(Decision.VARIABLE, decision.value());
            variables.put(Decision.COMMENT, comment == null ? "" : comment.trim());
            complete(task, user, decision.name(), comment, variables);
        });
    }

    /**
     * Completes a task within the caller's transaction: checks that the user may act, claims an
     * unclaimed group task for them, records the action and moves the engine on.
     */
    public void complete(TaskInfo task, CurrentUser user, String action, String comment, Map<String, Object> variables) {
        if (!isAssignee(task, user)) {
            if (!isCandidate(task, user)) {
                throw BusinessException.forbidden();
            }
            requireUnclaimed(task);
            workflow.claim(task.id(), user.getUsername());
        }
        actionLog.record(subject(task), task.processInstanceId(), task, action, user, comment);
        workflow.complete(task.id(), variables);
    }

    /** Runs a task action in its own transaction and turns a lost race into a message naming the winner. */
    public void inTransaction(String taskId, CurrentUser user, Runnable work) {
        try {
            transaction.executeWithoutResult(status -> work.run());
        } catch (ConcurrencyFailureException e) {
            // the engine's conflicts (WorkflowConflictException) and the domain's optimistic locks alike
            throw handledElsewhere(taskId, user);
        }
    }

    private void requireUnclaimed(TaskInfo task) {
        if (task.isAssigned()) {
            throw BusinessException.conflict("task.claimedBy", assigneeName(task));
        }
    }

    private BusinessException gone(String taskId, CurrentUser user) {
        Action last = actionLog.lastOnTask(taskId);
        if (last == null) {
            return BusinessException.notFound();
        }
        Long orgId = provider(last.getSubjectType()).orgId(last.getSubjectId());
        if (orgId == null || !scope.canSee(user, orgId)) {
            return BusinessException.forbidden();
        }
        return handledElsewhere(taskId, user);
    }

    private BusinessException handledElsewhere(String taskId, CurrentUser user) {
        Action last = actionLog.lastOnTask(taskId);
        if (last == null || Objects.equals(last.getActorId(), user.getPersonId())) {
            return BusinessException.conflict("task.changed");
        }
        String key = switch (last.getAction()) {
            case "CLAIM" -> "task.claimedBy";
            // the approval operations that take a task from its holder say what happened to it
            case "TRANSFER", "DELEGATE", "WITHDRAW", "RETURN_TO", "REMOVE_SIGNER" -> "ops.lostTo." + last.getAction();
            default -> "task.handledBy";
        };
        return BusinessException.conflict(key, last.getActorName());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
