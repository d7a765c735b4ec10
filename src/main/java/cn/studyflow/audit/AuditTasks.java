package cn.studyflow.audit;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.system.BusinessException;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.SubjectRef;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The tasks of audits as the audit's own forms meet them: finding this person's open task at a step, checking
 * that a task is the expected step of an audit, and running a step in one transaction that reports a lost
 * race by who acted first.
 */
@Component
class AuditTasks {

    private final AuditMapper audits;
    private final AuditAccess access;
    private final Workflow workflow;
    private final TasklistService tasks;
    private final ActionLog actionLog;

    AuditTasks(AuditMapper audits, AuditAccess access, Workflow workflow, TasklistService tasks, ActionLog actionLog) {
        this.audits = audits;
        this.access = access;
        this.workflow = workflow;
        this.tasks = tasks;
        this.actionLog = actionLog;
    }

    /** A task that is the expected step of this audit. */
    record Step(TaskInfo task, Audit audit) {
    }

    /** Runs a step in its own transaction and returns what it made; a lost race becomes a 409 naming the winner. */
    <T> T run(String taskId, CurrentUser user, Supplier<T> step) {
        AtomicReference<T> result = new AtomicReference<>();
        tasks.inTransaction(taskId, user, () -> result.set(step.get()));
        return result.get();
    }

    /** Completes the task within the step's transaction: claim if need be, record the action, move the engine. */
    void complete(TaskInfo task, CurrentUser user, String action, String comment, Map<String, Object> variables) {
        tasks.complete(task, user, action, comment, variables);
    }

    boolean isAssignee(TaskInfo task, CurrentUser user) {
        return tasks.isAssignee(task, user);
    }

    List<TaskInfo> open(Audit audit) {
        return audit.getProcessInstanceId() == null ? List.of() : workflow.activeTasks(audit.getProcessInstanceId());
    }

    /**
     * The open task of {@code step} on this audit that this person may act on, for actions posted by audit
     * rather than by task. 403 when there is none for them.
     */
    String taskIdFor(long auditId, CurrentUser user, String step) {
        Audit audit = audits.selectAudit(auditId);
        if (audit == null) {
            throw BusinessException.notFound();
        }
        return open(audit).stream()
            .filter(t -> step.equals(t.step()))
            .filter(t -> tasks.isAssignee(t, user) || (t.assignee() == null && tasks.isCandidate(t, user)))
            .map(TaskInfo::id)
            .findFirst()
            .orElseThrow(() -> new BusinessException(HttpStatus.FORBIDDEN, "audit.error.noTaskForYou"));
    }

    /** The task, if this person may act on it and it is this step of an audit. */
    Step step(String taskId, CurrentUser user, String expected) {
        if (workflow.task(taskId).isEmpty()) {
            // auditors are often outside the audited organisation's scope, which the generic tasklist
            // judges by; who may see the audit may be told that the step was done
            Action last = actionLog.lastOnTask(taskId);
            if (last != null && AuditSitInProcess.SUBJECT_TYPE.equals(last.getSubjectType())
                && access.canSee(user, last.getSubjectId())) {
                throw Objects.equals(last.getActorId(), user.getPersonId()) ? BusinessException.conflict("task.changed")
                    : BusinessException.conflict("task.handledBy", last.getActorName());
            }
        }
        TaskInfo task = tasks.get(taskId, user);
        SubjectRef subject = tasks.subject(task);
        if (!AuditSitInProcess.SUBJECT_TYPE.equals(subject.type())) {
            throw BusinessException.notFound();
        }
        if (!expected.equals(task.step())) {
            throw BusinessException.invalid("task.notDecidedHere");
        }
        return new Step(task, audits.selectAudit(subject.id()));
    }
}
