package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.PageOf;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Scope;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The generic tasklist: which tasks a person sees, claim and unclaim, and the decisions taken on the generic
 * approve-or-return form, alone or in a batch. Each action is one step run by {@link StepRunner}.
 */
@Service
@RequiredArgsConstructor
public class TasklistService {

    public static final int MAX_PAGE_SIZE = 100;
    /** Most tasks approved in one batch. */
    public static final int MAX_BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(TasklistService.class);

    private final Workflow workflow;
    private final ActionLog actionLog;
    private final StepRunner steps;
    private final SubjectRegistry subjects;
    private final AddedSigners signers;

    /** The page of a task. */
    public static String link(String taskId) {
        return "/tasks/" + taskId;
    }

    public PageOf<TaskInfo> list(CurrentUser user, TaskFilter.View view, String processKey, Long orgId, String title,
                                 TaskFilter.Sort sort, boolean ascending, int page, int size) {
        TaskFilter filter = new TaskFilter(user.getUsername(), user.groups(), view, blankToNull(processKey), orgId,
            title, sort, ascending);
        return workflow.tasks(filter, Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE));
    }

    /**
     * The task, if this user is its assignee or one of its candidates: 404 when they may not see its business
     * object, 403 when they may see it but not act. See {@link StepRunner#step(String, CurrentUser)}.
     */
    public TaskInfo get(String taskId, CurrentUser user) {
        return steps.step(taskId, user).task();
    }

    public SubjectRef subject(TaskInfo task) {
        return SubjectRef.parse(task.businessKey());
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
        return steps.assigneeName(task);
    }

    /** Claims a task of one's groups. Claiming what one already holds writes nothing and is no error. */
    public void claim(String taskId, CurrentUser user) {
        try {
            steps.run(taskId, user, step -> {
                if (!step.isAssignee()) {
                    step.take();
                    actionLog.record(step.subject(), step.task().processInstanceId(), step.task(), "CLAIM", user, null);
                }
            });
        } catch (BusinessException e) {
            // the same person's second click, which lost the race to their first: they hold the task
            boolean mine = e.getStatus().value() == 409
                && workflow.task(taskId).map(t -> user.getUsername().equals(t.assignee())).orElse(false);
            if (!mine) {
                throw e;
            }
        }
    }

    public void unclaim(String taskId, CurrentUser user) {
        steps.run(taskId, user, step -> {
            if (!step.isAssignee()) {
                throw BusinessException.forbidden();
            }
            if (!canUnclaim(step.task(), user)) {
                throw BusinessException.conflict("task.personal");
            }
            workflow.unclaim(taskId);
            actionLog.record(step.subject(), step.task().processInstanceId(), step.task(), "UNCLAIM", user, null);
        });
    }

    /** Approves or returns a task from the generic decision form. A return needs a comment. */
    public void decide(String taskId, CurrentUser user, Decision decision, String comment) {
        String note = StepRunner.comment(decision, comment);
        steps.run(taskId, user, step -> {
            TaskInfo task = step.task();
            if (task.isSignerTask()) {
                // an added signer (加签) signs on their own subtask; the step itself moves when all have signed
                signers.decide(task, user, decision, note);
                return;
            }
            if (task.delegated()) {
                // 委派: the person it was delegated to hands it back; then the one who delegated it decides
                throw BusinessException.conflict("ops.error.delegated");
            }
            if (subjects.provider(step.subject()).form(task) != null) {
                throw BusinessException.invalid("task.notDecidedHere");
            }
            decideNow(step, decision, note, decision.name());
        });
    }

    /**
     * Whether a task may be approved from the tasklist together with others: only a step decided on the generic
     * form. A step with a form of its own (a checklist, a confirmation) asks for what a batch cannot give.
     */
    public boolean isBatchApprovable(TaskInfo task) {
        return subjects.provider(subject(task)).form(task) == null;
    }

    /**
     * Approves several tasks at the same step of the same process with one comment, each in its own
     * transaction, and reports for each whether it was approved or why not. There is no batch return:
     * a return needs a comment of its own. A task whose business object the person may not read is reported
     * "not found" and nothing more, its title included.
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
        String note = StepRunner.comment(comment);
        // what the person may not read stays out of every answer: its step, its title, why it was refused
        Map<String, TaskInfo> visible = new LinkedHashMap<>();
        for (String id : ids) {
            workflow.task(id).filter(t -> isVisible(t, user)).ifPresent(t -> visible.put(id, t));
        }
        if (visible.values().stream().map(t -> t.processKey() + "/" + t.step()).distinct().count() > 1) {
            throw BusinessException.invalid("task.batchMixedSteps");
        }
        List<BatchResult> results = new ArrayList<>();
        for (String id : ids) {
            TaskInfo known = visible.get(id);
            String title = known == null ? null : known.title();
            try {
                steps.run(id, user, step -> {
                    if (!isBatchApprovable(step.task())) {
                        throw BusinessException.invalid("task.notBatchable");
                    }
                    decideNow(step, Decision.APPROVE, note, "BATCH_APPROVE");
                });
                results.add(new BatchResult(id, title, true, null, List.of()));
            } catch (BusinessException e) {
                // beyond one's reach, a task is only "not found": neither its title nor why
                boolean hidden = known == null && e.getStatus().value() != 409;
                results.add(hidden ? new BatchResult(id, null, false, "error.notFound", List.of())
                    : new BatchResult(id, title, false, e.getMessageKey(),
                        e.getArgs() == null ? List.of() : Arrays.asList(e.getArgs())));
            } catch (RuntimeException e) {
                // one broken task must not hide how the others went; its own transaction is rolled back
                log.error("Batch approval of task {} failed", id, e);
                results.add(new BatchResult(id, title, false, "error.internal", List.of()));
            }
        }
        return results;
    }

    private boolean isVisible(TaskInfo task, CurrentUser user) {
        try {
            return subjects.canSee(subject(task), user);
        } catch (BusinessException e) {
            // a task of no business object StudyFlow knows
            return false;
        }
    }

    private void decideNow(Step step, Decision decision, String comment, String action) {
        // take the task before the feature's domain work: of two people deciding at once, the second then stops
        // at the engine's lock on the task instead of writing the domain a second time
        step.take();
        SubjectRef subject = step.subject();
        subjects.provider(subject).onDecision(subject.id(), step.task(), decision, comment, step.user());
        step.decide(decision, comment, action);
    }

    /**
     * Completes a task within the caller's transaction: checks that the user may act, claims an unclaimed group
     * task for them, records the action and moves the engine on.
     * @deprecated features use {@link StepRunner}: {@code steps.run(taskId, user, step -> step.complete(...))}
     */
    @Deprecated
    public void complete(TaskInfo task, CurrentUser user, String action, String comment,
                         Map<String, Object> variables) {
        steps.step(task, user).complete(action, comment, variables);
    }

    /**
     * Runs a task action in its own transaction and turns a lost race into a message naming the winner.
     * @deprecated use {@link StepRunner#inTransaction(String, CurrentUser, Runnable)} or {@link StepRunner#run}
     */
    @Deprecated
    public void inTransaction(String taskId, CurrentUser user, Runnable work) {
        steps.inTransaction(taskId, user, work);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
