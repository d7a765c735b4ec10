package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.PersonNames;
import cn.studyflow.common.BusinessException;
import cn.studyflow.workflow.Operations;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import cn.studyflow.workflow.WorkflowConflictException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a step of any process is run. It owns the transaction (domain write, history record and engine
 * step commit together; no controller opens one), the check that this person may act on the task (once per
 * action, giving a {@link Step}), the claim, the decision variables, the comment rules, finding the open task of
 * an instance at a step, and a lost race: when two people act at once, one succeeds and the other gets a 409
 * naming who acted first, logged in one line because it is expected.
 *
 * <p>A feature's step: {@code steps.run(taskId, user, step -> { domain work; step.decide(decision, comment); })}.
 * A step found by its place in the process: {@code steps.runAt(processInstanceId, "draft", user, step -> ...)}.
 */
@Service
@RequiredArgsConstructor
public class StepRunner {

    /** The longest comment any step or operation takes. */
    public static final int MAX_COMMENT = 2000;

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

    private final Workflow workflow;
    private final Operations operations;
    private final ActionLog actionLog;
    private final PersonNames names;
    private final ReturnedToSubmitter submitters;
    private final SubjectRegistry subjects;
    private final TransactionTemplate transaction;

    // ---- comments and decision variables: the rules of every step and operation

    /** A comment as stored: trimmed, null when blank; 400 when longer than {@value #MAX_COMMENT} characters. */
    public static String comment(String text) {
        if (text != null && text.length() > MAX_COMMENT) {
            throw BusinessException.invalid("task.commentTooLong");
        }
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The comment of a decision: a decision is required, and a return needs a comment. */
    public static String comment(Decision decision, String text) {
        if (decision == null) {
            throw BusinessException.invalid("task.decisionRequired");
        }
        String comment = comment(text);
        if (decision == Decision.RETURN && comment == null) {
            throw BusinessException.invalid("task.commentRequired");
        }
        return comment;
    }

    /** The variables every process reads of a decision: {@code decision} and {@code comment}. */
    public static Map<String, Object> variables(Decision decision, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Decision.VARIABLE, decision.value());
        variables.put(Decision.COMMENT, comment == null ? "" : comment.trim());
        return variables;
    }

    // ---- the task a person may act on

    /**
     * The open task, checked once: this person is its assignee or one of its candidates. A task whose business
     * object they may not see answers 404, like one that does not exist; one they may see but not act on, 403;
     * one just completed by someone else, 409 naming them.
     */
    public Step step(String taskId, CurrentUser user) {
        // the task and its candidates in one read
        Workflow.Candidacy found = workflow.candidacy(taskId, user.groups()).orElseThrow(() -> gone(taskId, user));
        return checked(found.task(), user, found.candidate());
    }

    /** The same check for a task already read (found by {@link #openTask}, say). */
    public Step step(TaskInfo task, CurrentUser user) {
        boolean participant;
        try {
            participant = user.getUsername().equals(task.assignee()) || workflow.isCandidate(task.id(), user.groups());
        } catch (WorkflowConflictException e) {
            // completed by someone else between reading the task and its candidates
            throw gone(task.id(), user);
        }
        return checked(task, user, participant);
    }

    /** A step for its assignee or one of its candidates; otherwise 403, or 404 when its object is out of sight. */
    private Step checked(TaskInfo task, CurrentUser user, boolean candidate) {
        if (!candidate && !user.getUsername().equals(task.assignee())) {
            if (workflow.task(task.id()).isEmpty()) {
                // completed by someone else between reading the task and its candidates, whose links went with it
                throw gone(task.id(), user);
            }
            throw subjects.canSee(SubjectRef.parse(task.businessKey()), user) ? BusinessException.forbidden()
                : BusinessException.notFound();
        }
        return new Step(this, task, user);
    }

    /** The open task of an instance at a step of its process, if there is one. */
    public Optional<TaskInfo> openTask(String processInstanceId, String stepId) {
        return processInstanceId == null ? Optional.empty()
            : workflow.activeTasks(processInstanceId).stream().filter(t -> stepId.equals(t.step())).findFirst();
    }

    // ---- running a step

    /** Runs {@code work} on the checked task in one transaction; a lost race becomes a 409 naming the winner. */
    public void run(String taskId, CurrentUser user, Consumer<Step> work) {
        inTransaction(taskId, user, () -> work.accept(step(taskId, user)));
    }

    /** {@link #run} with a result. */
    public <T> T call(String taskId, CurrentUser user, Function<Step, T> work) {
        return inTransaction(taskId, user, () -> work.apply(step(taskId, user)));
    }

    /**
     * Runs {@code work} on the open task of an instance at {@code stepId}, found and checked in the transaction;
     * 409 when the instance is no longer at that step.
     */
    public void runAt(String processInstanceId, String stepId, CurrentUser user, Consumer<Step> work) {
        TaskInfo seen = openTask(processInstanceId, stepId)
            .orElseThrow(() -> BusinessException.conflict("task.changed"));
        inTransaction(seen.id(), user, () -> {
            TaskInfo task = openTask(processInstanceId, stepId).filter(t -> t.id().equals(seen.id()))
                .orElseThrow(() -> new WorkflowConflictException("Task " + seen.id() + " is gone", null));
            work.accept(step(task, user));
        });
    }

    /**
     * Runs work that checks its own task in one transaction, and turns a lost race on {@code taskId} (null when
     * unknown) into a 409 naming the winner. A race shows as a conflict in the engine or in an optimistic update,
     * or as a domain row that the action which won has just written too (a double click, say), once that action
     * has moved the task on.
     */
    public void inTransaction(String taskId, CurrentUser user, Runnable work) {
        inTransaction(taskId, user, () -> {
            work.run();
            return null;
        });
    }

    /** {@link #inTransaction(String, CurrentUser, Runnable)} with a result. */
    public <T> T inTransaction(String taskId, CurrentUser user, Supplier<T> work) {
        return inTransaction(taskId, user, null, work);
    }

    /**
     * Work on an instance whose current task is {@code taskId}: a lost race answers 409 {@code lostKey} naming
     * whoever acted on that task first (a withdrawal that came too late, say).
     */
    public void onInstance(String taskId, CurrentUser user, String lostKey, Runnable work) {
        inTransaction(taskId, user, lostKey, () -> {
            work.run();
            return null;
        });
    }

    private <T> T inTransaction(String taskId, CurrentUser user, String lostKey, Supplier<T> work) {
        try {
            return transaction.execute(status -> work.get());
        } catch (ConcurrencyFailureException e) {
            // the engine's conflicts (WorkflowConflictException) and the domain's optimistic locks alike
            throw lostRace(taskId, user, lostKey, e);
        } catch (DuplicateKeyException e) {
            if (taskId != null && workflow.task(taskId).isEmpty()) {
                throw lostRace(taskId, user, lostKey, e);
            }
            throw e;
        }
    }

    /** The holder's display name of a task, for "claimed by" messages; null when nobody holds it. */
    public String assigneeName(TaskInfo task) {
        if (task.assignee() == null) {
            return null;
        }
        return names.name(task.assignee());
    }

    // ---- what a Step does, in the caller's transaction

    /** A step on work of a closed study year changes it: refused, as every other change of that year is. */
    void requireOpenYear(TaskInfo task) {
        if (task.businessKey() != null) {
            subjects.requireOpenYear(SubjectRef.parse(task.businessKey()));
        }
    }

    void claimFor(TaskInfo task, CurrentUser user) {
        if (task.isAssigned()) {
            throw BusinessException.conflict("task.claimedBy", assigneeName(task));
        }
        // the engine refuses the claim if anyone holds the task by now, this person's other click included
        operations.claim(task.id(), user.getUsername());
    }

    void record(TaskInfo task, String action, CurrentUser user, String comment) {
        actionLog.record(SubjectRef.parse(task.businessKey()), task.processInstanceId(), task, action, user, comment);
    }

    void completeTask(TaskInfo task, Map<String, Object> variables) {
        workflow.complete(task.id(), variables);
        if (Decision.RETURN.value().equals(variables.get(Decision.VARIABLE))) {
            submitters.giveBack(task.processInstanceId());
        }
    }

    // ---- lost races

    private BusinessException lostRace(String taskId, CurrentUser user, String lostKey, RuntimeException cause) {
        BusinessException answer = handledElsewhere(taskId, user, lostKey);
        // expected when two people act at once: one line, no stack trace
        log.info("Task {}: {} lost a race ({}); answered {}", taskId, user.getUsername(),
            cause.getClass().getSimpleName(), answer.getMessageKey());
        return answer;
    }

    /** A task that is no longer open: 404 unless this person may see its object, then who handled it. */
    private BusinessException gone(String taskId, CurrentUser user) {
        Action last = actionLog.lastOnTask(taskId);
        if (last == null || !subjects.canSee(new SubjectRef(last.getSubjectType(), last.getSubjectId()), user)) {
            return BusinessException.notFound();
        }
        return handledElsewhere(taskId, user, null);
    }

    private BusinessException handledElsewhere(String taskId, CurrentUser user, String lostKey) {
        Action last = taskId == null ? null : actionLog.lastOnTask(taskId);
        if (last == null || Objects.equals(last.getActorId(), user.getPersonId())) {
            return BusinessException.conflict("task.changed");
        }
        if (lostKey != null) {
            return BusinessException.conflict(lostKey, last.getActorName());
        }
        String key = switch (last.getAction()) {
            case "CLAIM" -> "task.claimedBy";
            // the approval operations that take a task from its holder say what happened to it
            case "TRANSFER", "DELEGATE", "WITHDRAW", "RETURN_TO", "REMOVE_SIGNER" -> "ops.lostTo." + last.getAction();
            default -> "task.handledBy";
        };
        return BusinessException.conflict(key, last.getActorName());
    }
}
