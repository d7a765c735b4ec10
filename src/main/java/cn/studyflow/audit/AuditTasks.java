package cn.studyflow.audit;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.Step;
import cn.studyflow.task.StepRunner;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import java.util.function.BiConsumer;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The tasks of audits as the audit's own forms meet them: this person's open task at a step, found by audit
 * for the API, and a step posted by task run through {@link StepRunner} once it is known to be the expected
 * step of an audit.
 */
@Component
@RequiredArgsConstructor
class AuditTasks {

    private final AuditSessions auditSessions;
    private final Workflow workflow;
    private final StepRunner steps;

    /**
     * Runs {@code work} on the checked task and its audit in one transaction, once the task is known to be the
     * {@code expected} step of an audit; a lost race becomes a 409 naming the winner.
     */
    void run(String taskId, CurrentUser user, String expected, BiConsumer<Step, Audit> work) {
        steps.run(taskId, user, step -> {
            if (!AuditSitInProcess.SUBJECT_TYPE.equals(step.subject().type())) {
                throw BusinessException.notFound();
            }
            if (!expected.equals(step.task().step())) {
                throw BusinessException.invalid("task.notDecidedHere");
            }
            work.accept(step, auditSessions.audit(step.subject().id()));
        });
    }

    List<TaskInfo> open(Audit audit) {
        return workflow.activeTasks(audit.getProcessInstanceId());
    }

    /**
     * The open task of {@code step} on this audit that this person may act on, for actions posted by audit
     * rather than by task. 403 when there is none for them.
     */
    String taskIdFor(long auditId, CurrentUser user, String step) {
        Audit audit = auditSessions.audit(auditId);
        if (audit == null) {
            throw BusinessException.notFound();
        }
        return open(audit).stream()
            .filter(t -> step.equals(t.step()))
            .filter(t -> user.getUsername().equals(t.assignee())
                || (t.assignee() == null && workflow.isCandidate(t.id(), user.groups())))
            .map(TaskInfo::id)
            .findFirst()
            .orElseThrow(() -> new BusinessException(HttpStatus.FORBIDDEN, "audit.error.noTaskForYou"));
    }
}
