package cn.studyflow.leave;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.task.Decision;
import cn.studyflow.task.Step;
import cn.studyflow.task.StepRunner;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The leader's and the deputy's decisions: approve or return with a comment on the generic task form (the
 * approval itself marks the roster through {@link LeaveCallbacks#grant}), the leader's referral to the deputy,
 * and the request following the process when it is moved back (退回 to the applicant, or 撤回 by them).
 */
@Service
@RequiredArgsConstructor
public class LeaveDecisions {

    private final LeaveMapper leaves;
    private final StepRunner steps;
    private final NotificationService notifications;
    private final Clock clock;

    /** A decision made through the generic tasklist, in its transaction (a batch approval and an added signer's too). */
    void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        if (!isDecision(task)) {
            throw BusinessException.invalid("task.notDecidedHere");
        }
        Leave l = leaves.selectById(id);
        requireNotApplicant(l, user);
        l.decided(user, comment, clock);
        if (decision == Decision.RETURN) {
            l.setStatus(LeaveStatus.RETURNED);
            notifications.notify(l.getPersonId(), Leaves.link(l), "leave.notify.returned", user,
                l.getDecisionComment());
        }
        VersionedRow.save(l, leaves::update, clock);
    }

    /** The leader lets the deputy decide: the request moves to the deputies, who are told. */
    public void refer(String taskId, CurrentUser user, String comment) {
        String note = StepRunner.comment(comment);
        steps.run(taskId, user, step -> {
            // a leader who asked for leave refers it: that is how their own leave is decided
            Leave l = leaveAt(step, LeaveRequestProcess.TASK_LEADER);
            step.take();
            step.complete("LEAVE_REFER", note, Map.of(Decision.VARIABLE, LeaveRequestProcess.DECISION_REFER,
                Decision.COMMENT, note == null ? "" : note));
            List<TaskInfo> open = steps.openTask(l.getProcessInstanceId(), LeaveRequestProcess.TASK_DEPUTY).stream().toList();
            String link = open.isEmpty() ? Leaves.link(l) : TasklistService.link(open.get(0).id());
            notifications.notifyRole(l.getOrgId(), Role.DEPUTY, link, "leave.notify.referred", user,
                l.getApplicantName());
        });
    }

    /** 退回 to the applicant's step or 撤回 by the applicant: the request is theirs again. */
    void onReturnedTo(long id, String step, String action) {
        if (!LeaveRequestProcess.TASK_SUBMIT.equals(step)) {
            return;
        }
        Leave l = leaves.selectById(id);
        l.setStatus("WITHDRAW".equals(action) ? LeaveStatus.WITHDRAWN : LeaveStatus.RETURNED);
        VersionedRow.save(l, leaves::update, clock);
    }

    static boolean isDecision(TaskInfo task) {
        return LeaveRequestProcess.TASK_LEADER.equals(task.step()) || LeaveRequestProcess.TASK_DEPUTY.equals(task.step());
    }

    /** Nobody decides their own leave: a leader who asks refers it to the deputy. */
    private static void requireNotApplicant(Leave l, CurrentUser user) {
        if (l.getPersonId() == user.getPersonId()) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "leave.error.ownLeave");
        }
    }

    private Leave leaveAt(Step step, String stepId) {
        if (!LeaveRequestProcess.SUBJECT_TYPE.equals(step.subject().type()) || !stepId.equals(step.task().step())
            || step.task().isSignerTask() || step.task().delegated()) {
            throw BusinessException.invalid("task.notDecidedHere");
        }
        return leaves.selectById(step.subject().id());
    }
}
