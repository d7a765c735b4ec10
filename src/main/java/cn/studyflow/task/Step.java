package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.workflow.TaskInfo;
import java.util.Map;

/**
 * One open task that {@link StepRunner} has checked this person may act on: its assignee, or one of its
 * candidates. Only the runner makes one, so holding a step means the check was done, once, in this action.
 * Completing it claims an unclaimed group task for the person first, records the action and moves the engine.
 */
public final class Step {

    private final StepRunner runner;
    private final CurrentUser user;
    private TaskInfo task;

    Step(StepRunner runner, TaskInfo task, CurrentUser user) {
        this.runner = runner;
        this.task = task;
        this.user = user;
    }

    public TaskInfo task() {
        return task;
    }

    public CurrentUser user() {
        return user;
    }

    /** The business object of the task's process. */
    public SubjectRef subject() {
        return SubjectRef.parse(task.businessKey());
    }

    public boolean isAssignee() {
        return user.getUsername().equals(task.assignee());
    }

    /**
     * Takes the task: claims an unclaimed group task for this person now (409 naming the holder when someone
     * else has it). Call it before the feature's domain work, so that of two people acting at once the second
     * stops at the engine's lock on the task instead of writing the domain a second time.
     */
    public Step take() {
        if (!isAssignee()) {
            runner.claimFor(task, user);
            task = task.claimedBy(user.getUsername());
        }
        return this;
    }

    /** Takes the task, records {@code action} in the history and completes the task with {@code variables}. */
    public void complete(String action, String comment, Map<String, Object> variables) {
        runner.requireOpenYear(task);
        take();
        runner.record(task, action, user, comment);
        runner.completeTask(task, variables);
    }

    /** Completes the task with a reviewer's decision; the action recorded is the decision's name. */
    public void decide(Decision decision, String comment) {
        decide(decision, comment, decision.name());
    }

    /** Completes the task with a reviewer's decision, recorded as {@code action} (a batch approval, say). */
    public void decide(Decision decision, String comment, String action) {
        complete(action, comment, StepRunner.variables(decision, comment));
    }
}
