package cn.studyflow.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.BusinessException;
import cn.studyflow.notify.Notification;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.SessionMoved;
import cn.studyflow.support.StudyGroup;
import cn.studyflow.task.Action;
import cn.studyflow.task.ApprovalOperations;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leave request end to end through StudyFlow's services: asked by a member, approved by the leader so that
 * the roster says "on leave"; referred to the deputy; returned and sent again or given up; withdrawn; reminded
 * and lapsed by its timers; moved with its session. {@code LeaveRequestBpmnTest} walks the model on its own.
 */
class LeaveRequestProcessTest extends LeaveGroupTest {

    @Autowired LeaveRequests requests;
    @Autowired LeaveDecisions decisions;
    @Autowired LeaveService leaves;
    @Autowired TasklistService tasks;
    @Autowired ApprovalOperations ops;
    @Autowired ProcessEngine engine;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;

    @Test
    void leaveApprovedByTheLeaderMarksTheMemberOnLeaveOnTheRoster() {
        Leave asked = requests.ask(group.member(), sessionId, LeaveFixture.trip());

        TaskInfo step = current(asked);
        assertThat(step.step()).isEqualTo(LeaveRequestProcess.TASK_LEADER);
        assertThat(workflow.candidateGroups(step.id())).containsExactly("org:" + group.org().getId() + ":leader");
        assertThat(latest(group.leader()).getMessageKey()).isEqualTo("leave.notify.asked");
        assertThat(latest(group.leader()).getLink()).isEqualTo("/tasks/" + step.id());
        assertThat(attendance(group.member())).isEqualTo(Attendance.EXPECTED);

        tasks.decide(step.id(), group.leader(), Decision.APPROVE, "同意");

        Leave l = leaves.get(asked.getId(), group.member());
        assertThat(l.getStatus()).isEqualTo(LeaveStatus.APPROVED);
        assertThat(l.getDeciderName()).isEqualTo(group.leader().getDisplayName());
        assertThat(attendance(group.member())).isEqualTo(Attendance.LEAVE);
        assertThat(attendance(group.member2())).as("nobody else").isEqualTo(Attendance.EXPECTED);
        assertThat(workflow.isRunning(l.getProcessInstanceId())).isFalse();
        assertThat(latest(group.member()).getMessageKey()).isEqualTo("leave.notify.approved");
        assertThat(leaves.timeline(l)).extracting(Action::getAction)
            .containsExactly("LEAVE_ASK", "APPROVE", "LEAVE_GRANT");
        assertThat(jobs(l)).as("no timer left").isEmpty();
    }

    @Test
    void leaderWhoRefersTheLeaveLetsTheDeputyDecide() {
        Leave asked = requests.ask(group.member(), sessionId, LeaveFixture.trip());
        TaskInfo leaderStep = current(asked);

        decisions.refer(leaderStep.id(), group.leader(), "我本周外出，请副组长审批");

        TaskInfo deputyStep = current(asked);
        assertThat(deputyStep.step()).isEqualTo(LeaveRequestProcess.TASK_DEPUTY);
        assertThat(workflow.candidateGroups(deputyStep.id())).containsExactly("org:" + group.org().getId() + ":deputy");
        assertThat(latest(group.deputy()).getMessageKey()).isEqualTo("leave.notify.referred");
        refused(() -> tasks.decide(deputyStep.id(), group.leader(), Decision.APPROVE, null), HttpStatus.FORBIDDEN);

        tasks.decide(deputyStep.id(), group.deputy(), Decision.APPROVE, null);

        assertThat(leaves.get(asked.getId(), group.member()).getStatus()).isEqualTo(LeaveStatus.APPROVED);
        assertThat(attendance(group.member())).isEqualTo(Attendance.LEAVE);
        assertThat(leaves.timeline(asked)).extracting(Action::getAction)
            .containsExactly("LEAVE_ASK", "LEAVE_REFER", "APPROVE", "LEAVE_GRANT");
    }

    @Test
    void aLeaderAskingForLeaveCannotGrantItThemselvesAndRefersItToTheDeputy() {
        Leave asked = requests.ask(group.leader(), sessionId, LeaveFixture.trip());
        TaskInfo step = current(asked);

        refused(() -> tasks.decide(step.id(), group.leader(), Decision.APPROVE, null), HttpStatus.FORBIDDEN);
        assertThat(current(asked).assignee()).as("the refusal changed nothing").isNull();
        decisions.refer(step.id(), group.leader(), null);
        tasks.decide(current(asked).id(), group.deputy(), Decision.APPROVE, null);

        assertThat(attendance(group.leader())).isEqualTo(Attendance.LEAVE);
    }

    @Test
    void returnedLeaveStaysExpectedAndIsSentAgainRevised() {
        Leave asked = requests.ask(group.member(), sessionId, LeaveFixture.trip());
        refused(() -> tasks.decide(current(asked).id(), group.leader(), Decision.RETURN, " "), HttpStatus.BAD_REQUEST);

        tasks.decide(current(asked).id(), group.leader(), Decision.RETURN, "请写明推介会的起止日期");

        Leave back = leaves.get(asked.getId(), group.member());
        assertThat(back.getStatus()).isEqualTo(LeaveStatus.RETURNED);
        assertThat(back.getDecisionComment()).isEqualTo("请写明推介会的起止日期");
        assertThat(attendance(group.member())).isEqualTo(Attendance.EXPECTED);
        assertThat(current(asked).step()).isEqualTo(LeaveRequestProcess.TASK_SUBMIT);
        assertThat(current(asked).assignee()).isEqualTo(group.member().getUsername());
        Notification told = latest(group.member());
        assertThat(told.getMessageKey()).isEqualTo("leave.notify.returned");
        assertThat(told.argList()).contains("请写明推介会的起止日期");
        assertThat(leaves.isWithApplicant(back, group.member())).isTrue();
        refused(() -> requests.resubmit(asked.getId(), group.member2(), LeaveFixture.trip()), HttpStatus.NOT_FOUND);

        requests.resubmit(asked.getId(), group.member(), new LeaveForm(LeaveReason.WORK_TRIP, "赴省城参加招商推介会，3月24日至26日"));

        assertThat(leaves.get(asked.getId(), group.member()).getDetail()).endsWith("3月24日至26日");
        assertThat(current(asked).step()).isEqualTo(LeaveRequestProcess.TASK_LEADER);
        tasks.decide(current(asked).id(), group.leader(), Decision.APPROVE, null);
        assertThat(attendance(group.member())).isEqualTo(Attendance.LEAVE);
    }

    @Test
    void returnedLeaveGivenUpEndsAndTheMemberStaysExpected() {
        Leave asked = requests.ask(group.member(), sessionId, LeaveFixture.trip());
        tasks.decide(current(asked).id(), group.leader(), Decision.RETURN, "本次学习会须参加");

        requests.cancel(asked.getId(), group.member(), "改期出差");

        Leave l = leaves.get(asked.getId(), group.member());
        assertThat(l.getStatus()).isEqualTo(LeaveStatus.CANCELLED);
        assertThat(workflow.isRunning(l.getProcessInstanceId())).isFalse();
        assertThat(attendance(group.member())).isEqualTo(Attendance.EXPECTED);
        assertThat(jobs(l)).isEmpty();
        refused(() -> requests.cancel(asked.getId(), group.member(), null), HttpStatus.CONFLICT);
        refused(() -> requests.ask(group.member(), sessionId, LeaveFixture.trip()), HttpStatus.CONFLICT);
    }

    @Test
    void memberWithdrawsBeforeTheLeaderActsAndThenGivesItUp() {
        Leave asked = requests.ask(group.member(), sessionId, LeaveFixture.trip());

        ops.withdraw(asked.getProcessInstanceId(), group.member(), "出差取消了");

        assertThat(leaves.get(asked.getId(), group.member()).getStatus()).isEqualTo(LeaveStatus.WITHDRAWN);
        assertThat(current(asked).step()).isEqualTo(LeaveRequestProcess.TASK_SUBMIT);
        assertThat(current(asked).assignee()).isEqualTo(group.member().getUsername());
        requests.cancel(asked.getId(), group.member(), null);
        assertThat(leaves.get(asked.getId(), group.member()).getStatus()).isEqualTo(LeaveStatus.CANCELLED);
        assertThat(attendance(group.member())).isEqualTo(Attendance.EXPECTED);
    }

    @Test
    void theLeaderIsRemindedBeforeTheSessionAndAnUndecidedLeaveLapsesAtItsStart() {
        Leave asked = requests.ask(group.member(), sessionId, LeaveFixture.trip());
        int membersBefore = notifications.countByPerson(group.member().getPersonId());

        execute(asked, LeaveRequestProcess.TIMER_REMINDER);

        Notification reminder = latest(group.leader());
        assertThat(reminder.getMessageKey()).isEqualTo("leave.notify.reminder");
        assertThat(reminder.getLink()).isEqualTo("/tasks/" + current(asked).id());
        assertThat(notifications.countByPerson(group.member().getPersonId())).isEqualTo(membersBefore);
        assertThat(current(asked).step()).isEqualTo(LeaveRequestProcess.TASK_LEADER);

        execute(asked, LeaveRequestProcess.TIMER_SESSION_STARTS);

        Leave l = leaves.get(asked.getId(), group.member());
        assertThat(l.getStatus()).isEqualTo(LeaveStatus.LAPSED);
        assertThat(workflow.isRunning(l.getProcessInstanceId())).as("never left open").isFalse();
        assertThat(attendance(group.member())).isEqualTo(Attendance.EXPECTED);
        assertThat(latest(group.member()).getMessageKey()).isEqualTo("leave.notify.lapsed");
        assertThat(latest(group.leader()).getMessageKey()).isEqualTo("leave.notify.lapsedLeader");
        assertThat(leaves.timeline(l)).extracting(Action::getAction).endsWith("REMIND", "LEAVE_LAPSE");
    }

    @Test
    void aSessionThatMovesTakesTheWaitingTimersWithIt() {
        Leave asked = requests.ask(group.member(), sessionId, LeaveFixture.trip());
        LocalDateTime later = LocalDateTime.now(StudyGroup.ZONE).plusDays(9).withHour(14).truncatedTo(ChronoUnit.HOURS);

        transaction.executeWithoutResult(status -> events.publishEvent(new SessionMoved(sessionId, later)));

        Date start = Date.from(later.atZone(StudyGroup.ZONE).toInstant());
        assertThat(job(asked, LeaveRequestProcess.TIMER_SESSION_STARTS).getDuedate()).isEqualTo(start);
        assertThat(job(asked, LeaveRequestProcess.TIMER_REMINDER).getDuedate())
            .isEqualTo(Date.from(start.toInstant().minus(Duration.ofHours(12))));
        assertThat(engine.getRuntimeService().getVariable(asked.getProcessInstanceId(), LeaveRequestProcess.VAR_STARTS_AT))
            .isEqualTo(start);
        assertThat(leaves.get(asked.getId(), group.member()).getStartsAt().toInstant()).isEqualTo(start.toInstant());
    }

    @Test
    void aCancelledSessionLapsesItsWaitingLeaveAtOnce() {
        Leave asked = requests.ask(group.member(), sessionId, LeaveFixture.trip());
        Date before = new Date();

        transaction.executeWithoutResult(status -> events.publishEvent(new SessionMoved(sessionId, null)));

        Job lapse = job(asked, LeaveRequestProcess.TIMER_SESSION_STARTS);
        assertThat(lapse.getDuedate()).isBetween(new Date(before.getTime() - 1000), new Date());
        engine.getManagementService().executeJob(lapse.getId());
        assertThat(leaves.get(asked.getId(), group.member()).getStatus()).isEqualTo(LeaveStatus.LAPSED);
    }

    // ---- helpers

    private List<Job> jobs(Leave l) {
        return engine.getManagementService().createJobQuery().processInstanceId(l.getProcessInstanceId()).list();
    }

    private Job job(Leave l, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(l.getProcessInstanceId())
            .activityId(activityId).singleResult();
    }

    private void execute(Leave l, String timer) {
        engine.getManagementService().executeJob(job(l, timer).getId());
    }

    static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, HttpStatus status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessException.class,
            e -> assertThat(e.getStatus()).isEqualTo(status));
    }
}
