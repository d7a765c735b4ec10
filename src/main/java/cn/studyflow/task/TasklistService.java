package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Scope;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import cn.studyflow.workflow.WorkflowConflictException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
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
    /** Most tasks approved in one batch. */
    public static final int MAX_BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(TasklistService.class);

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
        boolean participant;
        try {
            participant = isAssignee(task, user) || isCandidate(task, user);
        } catch (WorkflowConflictException e) {
            // completed by someone else between reading the task and its candidates
            throw gone(taskId, user);
        }
        if (!participant) {
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
        return workflow.isCandidate(task.id(), user.groups());
    }

    /**
     * Whether the user may give the task back to its groups: a task assigned to one person by name (an
     * auditor's, say) has no groups, and would be left to nobody.
     */
    public boolean canUnclaim(TaskInfo task, CurrentUser user) {
        return isAssignee(task, user) && !workflow.candidateGroups(task.id()).isEmpty();
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
            if (!canUnclaim(task, user)) {
                throw BusinessException.conflict("task.personal");
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
        requireShortComment(comment);
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
            if (provider(subject(task).type()).form(task) != null) {
                throw BusinessException.invalid("task.notDecidedHere");
            }
            decideNow(task, user, decision, comment, decision.name());
        });
    }

    /** Whether a task may be approved from the tasklist together with others. */
    public boolean isBatchApprovable(TaskInfo task) {
        SubjectProvider provider = provider(subject(task).type());
        return provider.form(task) == null || provider.batchApprovable(task);
    }

    /**
     * Approves several tasks at the same step of the same process with one comment, each in its own
     * transaction, and reports for each whether it was approved or why not. There is no batch return:
     * a return needs a comment of its own.
     */
    public List<BatchResult> decideAll(List<String> taskIds, CurrentUser user, String comment) {
        List<String> ids = taskIds == null ? List.of()
            : taskIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        if (ids.isEmpty()) {
            throw BusinessException.invalid("task.batchEmpty");
        }
        if (ids.size() > MAX_BATCH) {
            throw BusinessException.invalid("task.batchTooMany", MAX_BATCH);
        }
        requireShortComment(comment);
        Map<String, TaskInfo> found = new LinkedHashMap<>();
        ids.forEach(id -> workflow.task(id).ifPresent(task -> found.put(id, task)));
        if (found.values().stream().map(t -> t.processKey() + "/" + t.step()).distinct().count() > 1) {
            throw BusinessException.invalid("task.batchMixedSteps");
        }
        List<BatchResult> results = new ArrayList<>();
        for (String id : ids) {
            TaskInfo known = found.get(id);
            String title = known == null ? null : known.title();
            try {
                inTransaction(id, user, () -> {
                    TaskInfo task = get(id, user);
                    if (!isBatchApprovable(task)) {
                        throw BusinessException.invalid("task.notBatchable");
                    }
                    decideNow(task, user, Decision.APPROVE, comment, "BATCH_APPROVE");
                });
                results.add(new BatchResult(id, title, true, null, List.of()));
            } catch (BusinessException e) {
                results.add(new BatchResult(id, title, false, e.getMessageKey(),
                    e.getArgs() == null ? List.of() : Arrays.asList(e.getArgs())));
            } catch (RuntimeException e) {
                // one broken task must not hide how the others went; its own transaction is rolled back
                log.error("Batch approval of task {} failed", id, e);
                results.add(new BatchResult(id, title, false, "error.internal", List.of()));
            }
        }
        return results;
    }

    private void decideNow(TaskInfo task, CurrentUser user, Decision decision, String comment, String action) {
        // Take the task before the feature's domain work: of two people deciding at once, the second
        // then stops at the engine's lock on the task instead of writing the domain a second time.
        TaskInfo taken = take(task, user);
        SubjectRef subject = subject(taken);
        provider(subject.type()).onDecision(subject.id(), taken, decision, comment, user);
        Map<String, Object> variables = new HashMap<>();
        variables.put(Decision.VARIABLE, decision.value());
        variables.put(Decision.COMMENT, comment == null ? "" : comment.trim());
        complete(taken, user, action, comment, variables);
    }

    private static void requireShortComment(String comment) {
        if (comment != null && comment.length() > 2000) {
            throw BusinessException.invalid("task.commentTooLong");
        }
    }

    /**
     * Completes a task within the caller's transaction: checks that the user may act, claims an
     * unclaimed group task for them, records the action and moves the engine on.
     */
    public void complete(TaskInfo task, CurrentUser user, String action, String comment, Map<String, Object> variables) {
        TaskInfo taken = take(task, user);
        actionLog.record(subject(taken), taken.processInstanceId(), taken, action, user, comment);
        workflow.complete(taken.id(), variables);
    }

    /**
     * Runs a task action in its own transaction and turns a lost race into a message naming the winner. A
     * race shows as a conflict in the engine or in an optimistic update, or as a domain row that the action
     * which won has just written too (a double click, say), once that action has moved the task on.
     */
    public void inTransaction(String taskId, CurrentUser user, Runnable work) {
        try {
            transaction.executeWithoutResult(status -> work.run());
        } catch (ConcurrencyFailureException e) {
            // the engine's conflicts (WorkflowConflictException) and the domain's optimistic locks alike
            throw handledElsewhere(taskId, user);
        } catch (DuplicateKeyException e) {
            if (workflow.task(taskId).isEmpty()) {
                throw handledElsewhere(taskId, user);
            }
            throw e;
        }
    }

    /** The task held by this user: their own, or an unclaimed task of their groups claimed for them now. */
    private TaskInfo take(TaskInfo task, CurrentUser user) {
        if (isAssignee(task, user)) {
            return task;
        }
        if (!isCandidate(task, user)) {
            throw BusinessException.forbidden();
        }
        requireUnclaimed(task);
        // the engine refuses the claim if the task has changed hands meanwhile
        workflow.claim(task.id(), user.getUsername());
        return task.claimedBy(user.getUsername());
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
