package cn.studyflow.leave;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.notify.Notification;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.Attendance;
import cn.studyflow.task.Action;
import cn.studyflow.task.ApprovalOperations;
import cn.studyflow.task.Copies;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.SignPosition;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The approval operations on a leave request: 转办 to the other leader, 委派 to the secretary, 加签, 退回 to the
 * applicant and to the leader, 撤回 by the applicant, 抄送 and 催办. The request follows each, and an approval
 * after each still marks the roster.
 */
class LeaveOperationsTest extends LeaveGroupTest {

    @Autowired LeaveRequests requests;
    @Autowired LeaveDecisions decisions;
    @Autowired LeaveService leaves;
    @Autowired TasklistService tasks;
    @Autowired ApprovalOperations ops;
    @Autowired Copies copies;

    @Test
    void transferredLeaveIsDecidedByTheOtherLeader() {
        Leave l = asked();
        TaskInfo step = current(l);
        tasks.claim(step.id(), group.leader());

        ops.transfer(step.id(), group.leader(), group.leader2().getUsername(), "我在外地，请代为审批");

        assertThat(current(l).assignee()).isEqualTo(group.leader2().getUsername());
        assertThat(latest(group.leader2()).getMessageKey()).isEqualTo("ops.notify.transferred");
        tasks.decide(step.id(), group.leader2(), Decision.APPROVE, null);
        assertGranted(l, group.leader2());
    }

    @Test
    void delegatedLeaveComesBackToTheLeaderWhoDecides() {
        Leave l = asked();
        TaskInfo step = current(l);
        tasks.claim(step.id(), group.leader());

        ops.delegate(step.id(), group.leader(), group.secretary().getUsername(), "请核对出差通知");
        LeaveRequestProcessTest.refused(() -> tasks.decide(step.id(), group.secretary(), Decision.APPROVE, null),
            HttpStatus.CONFLICT);
        LeaveRequestProcessTest.refused(() -> decisions.refer(step.id(), group.secretary(), null), HttpStatus.BAD_REQUEST);
        ops.resolve(step.id(), group.secretary(), "已核对，通知属实");

        assertThat(current(l).assignee()).isEqualTo(group.leader().getUsername());
        tasks.decide(step.id(), group.leader(), Decision.APPROVE, null);
        assertGranted(l, group.leader());
    }

    @Test
    void anAddedSignerSignsFirstThenTheLeaderApproves() {
        Leave l = asked();
        TaskInfo step = current(l);

        ops.addSigner(step.id(), group.leader(), group.secretary().getUsername(), SignPosition.BEFORE, "请先核对考勤");
        LeaveRequestProcessTest.refused(() -> tasks.decide(step.id(), group.leader(), Decision.APPROVE, null),
            HttpStatus.CONFLICT);
        tasks.decide(signerTask(group.secretary(), step).id(), group.secretary(), Decision.APPROVE, "同意");

        assertThat(leaves.get(l.getId(), group.member()).getStatus()).isEqualTo(LeaveStatus.PENDING);
        tasks.decide(step.id(), group.leader(), Decision.APPROVE, null);
        assertGranted(l, group.leader());
    }

    @Test
    void anAddedSignerWhoReturnsSendsTheLeaveBackToItsApplicant() {
        Leave l = asked();
        TaskInfo step = current(l);
        ops.addSigner(step.id(), group.leader(), group.secretary().getUsername(), SignPosition.BEFORE, null);

        tasks.decide(signerTask(group.secretary(), step).id(), group.secretary(), Decision.RETURN, "本月已请假两次");

        assertThat(current(l).step()).isEqualTo(LeaveRequestProcess.TASK_SUBMIT);
        assertThat(leaves.get(l.getId(), group.member()).getStatus()).isEqualTo(LeaveStatus.RETURNED);
        assertThat(attendance(group.member())).isEqualTo(Attendance.EXPECTED);
    }

    @Test
    void returnToTheApplicantAndFromTheDeputyToTheLeader() {
        Leave l = asked();
        ops.returnTo(current(l).id(), group.leader(), LeaveRequestProcess.TASK_SUBMIT, "请补充出差审批单");

        assertThat(leaves.get(l.getId(), group.member()).getStatus()).isEqualTo(LeaveStatus.RETURNED);
        assertThat(current(l).assignee()).isEqualTo(group.member().getUsername());
        assertThat(latest(group.member()).getMessageKey()).isEqualTo("ops.notify.returnedTo");
        requests.resubmit(l.getId(), group.member(), LeaveFixture.trip());
        decisions.refer(current(l).id(), group.leader(), null);

        ops.returnTo(current(l).id(), group.deputy(), LeaveRequestProcess.TASK_LEADER, "请组长亲自审批");

        assertThat(current(l).step()).isEqualTo(LeaveRequestProcess.TASK_LEADER);
        assertThat(leaves.get(l.getId(), group.member()).getStatus()).isEqualTo(LeaveStatus.PENDING);
        tasks.decide(current(l).id(), group.leader(), Decision.APPROVE, null);
        assertGranted(l, group.leader());
    }

    @Test
    void theApplicantWithdrawsWhileItWaitsAndSendsItAgainButNotOnceTheLeaderHasIt() {
        Leave l = asked();
        assertThat(ops.instanceView(l.getProcessInstanceId(), group.member()).canWithdraw()).isTrue();

        ops.withdraw(l.getProcessInstanceId(), group.member(), "理由写错了");

        assertThat(leaves.get(l.getId(), group.member()).getStatus()).isEqualTo(LeaveStatus.WITHDRAWN);
        assertThat(last(l).getAction()).isEqualTo("WITHDRAW");
        requests.resubmit(l.getId(), group.member(), new LeaveForm(LeaveReason.ILLNESS, "住院治疗"));
        tasks.claim(current(l).id(), group.leader());
        LeaveRequestProcessTest.refused(() -> ops.withdraw(l.getProcessInstanceId(), group.member(), null),
            HttpStatus.CONFLICT);
        LeaveRequestProcessTest.refused(() -> ops.withdraw(l.getProcessInstanceId(), user("wfz_member"), null),
            HttpStatus.NOT_FOUND);
        assertThat(leaves.get(l.getId(), group.member()).getStatus()).isEqualTo(LeaveStatus.PENDING);
    }

    @Test
    void theSecretaryCopiedFindsTheLeaveAndTheApplicantUrgesTheLeader() {
        Leave l = asked();
        TaskInfo step = current(l);

        ops.copy(step.id(), group.leader(), List.of(group.secretary().getUsername()), "请知悉");
        ops.urge(l.getProcessInstanceId(), group.member(), "学习会后天开始，请尽快审批");

        assertThat(copies.isCopiedTo(Leaves.ref(l), group.secretary())).isTrue();
        assertThat(latest(group.secretary()).getMessageKey()).isEqualTo("ops.notify.copied");
        Notification urged = latest(group.leader());
        assertThat(urged.getMessageKey()).isEqualTo("ops.notify.urged");
        assertThat(urged.getLink()).isEqualTo("/tasks/" + step.id());
        LeaveRequestProcessTest.refused(() -> ops.copy(step.id(), group.leader(), List.of("wfz_member"), null),
            HttpStatus.BAD_REQUEST);
        LeaveRequestProcessTest.refused(() -> ops.urge(l.getProcessInstanceId(), user("wfz_member"), null),
            HttpStatus.NOT_FOUND);
        assertThat(current(l).assignee()).as("neither claims").isNull();
    }

    private Leave asked() {
        return requests.ask(group.member(), sessionId, LeaveFixture.trip());
    }

    private void assertGranted(Leave l, CurrentUser decider) {
        Leave granted = leaves.get(l.getId(), group.member());
        assertThat(granted.getStatus()).isEqualTo(LeaveStatus.APPROVED);
        assertThat(granted.getDeciderName()).isEqualTo(decider.getDisplayName());
        assertThat(attendance(group.member())).isEqualTo(Attendance.LEAVE);
    }

    private TaskInfo signerTask(CurrentUser signer, TaskInfo step) {
        return tasks.list(signer, TaskFilter.View.MINE, null, null, null, TaskFilter.Sort.CREATED, false, 0, 100)
            .items().stream().filter(t -> step.id().equals(t.parentTaskId())).findFirst().orElseThrow();
    }

    private Action last(Leave l) {
        List<Action> all = leaves.timeline(l);
        return all.get(all.size() - 1);
    }

}
