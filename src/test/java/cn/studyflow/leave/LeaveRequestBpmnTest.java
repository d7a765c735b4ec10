package cn.studyflow.leave;

import static cn.studyflow.leave.LeaveRequestProcess.END_CANCELLED;
import static cn.studyflow.leave.LeaveRequestProcess.END_GRANTED;
import static cn.studyflow.leave.LeaveRequestProcess.END_LAPSED;
import static cn.studyflow.leave.LeaveRequestProcess.END_REMINDED;
import static cn.studyflow.leave.LeaveRequestProcess.END_REQUEST;
import static cn.studyflow.leave.LeaveRequestProcess.GATEWAY_DEPUTY;
import static cn.studyflow.leave.LeaveRequestProcess.GATEWAY_LEADER;
import static cn.studyflow.leave.LeaveRequestProcess.GATEWAY_SUBMIT;
import static cn.studyflow.leave.LeaveRequestProcess.KEY;
import static cn.studyflow.leave.LeaveRequestProcess.SERVICE_GRANT;
import static cn.studyflow.leave.LeaveRequestProcess.SERVICE_LAPSE;
import static cn.studyflow.leave.LeaveRequestProcess.SERVICE_REMIND;
import static cn.studyflow.leave.LeaveRequestProcess.SUBPROCESS_DECISION;
import static cn.studyflow.leave.LeaveRequestProcess.TASK_DEPUTY;
import static cn.studyflow.leave.LeaveRequestProcess.TASK_LEADER;
import static cn.studyflow.leave.LeaveRequestProcess.TASK_SUBMIT;
import static cn.studyflow.leave.LeaveRequestProcess.TIMER_REMINDER;
import static cn.studyflow.leave.LeaveRequestProcess.TIMER_SESSION_STARTS;
import static cn.studyflow.leave.LeaveRequestProcess.VAR_CANCELLED;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.studyflow.support.BpmnEngine;
import cn.studyflow.support.BpmnWalk;
import cn.studyflow.support.DelegateMocks;
import cn.studyflow.task.Decision;
import cn.studyflow.workflow.Workflow;
import java.time.Instant;
import java.util.Date;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * processes/leave-request.bpmn (请假) on its own, its three delegates mocked: the applicant's request, the
 * leader's approval, return and referral to the deputy, the deputy's approval and return, giving up after a
 * return, the reminder before the session and the lapse at its start. {@code LeaveRequestProcessTest} walks the
 * same through StudyFlow's services.
 */
@DisabledIfSystemProperty(named = "studyflow.test.database", matches = "postgres",
    disabledReason = "runs on an in-memory engine of its own, whichever the database of the run")
@Deployment(resources = "processes/leave-request.bpmn")
class LeaveRequestBpmnTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnEngine.extension();

    static final String GRANT = "grantLeaveDelegate";
    static final String REMINDER = "leaveReminderDelegate";
    static final String LAPSE = "lapseLeaveDelegate";

    static final long LEAVE_ID = 271;
    static final String APPLICANT = "bq_member";
    static final Date STARTS_AT = Date.from(Instant.parse("2099-06-10T01:00:00Z"));
    static final Date REMIND_AT = Date.from(Instant.parse("2099-06-09T13:00:00Z"));

    final DelegateMocks delegates = new DelegateMocks();

    @BeforeEach
    void mockDelegates() {
        init(engine.getProcessEngine());
        delegates.register(GRANT);
        delegates.register(REMINDER);
        delegates.register(LAPSE);
    }

    @AfterEach
    void forgetMocks() {
        DelegateMocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void leaveApprovedByTheLeaderIsGrantedAndNoTimerIsLeft() throws Exception {
        ProcessInstance instance = asked();

        assertThat(instance).isWaitingAt(TASK_LEADER);
        assertThat(task(instance)).hasCandidateGroup("org:7:leader").isNotAssigned().hasDueDate(STARTS_AT);
        Assertions.assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(TASK_LEADER);
        verify(delegates.get(GRANT), never()).execute(any());
        BpmnWalk.decide(instance, Decision.APPROVE);

        assertThat(instance).hasPassedInOrder(TASK_SUBMIT, GATEWAY_SUBMIT, TASK_LEADER, GATEWAY_LEADER, SERVICE_GRANT,
            END_GRANTED, END_REQUEST).hasPassed(SUBPROCESS_DECISION).hasNotPassed(TASK_DEPUTY).isEnded();
        calledOnceAt(GRANT, SERVICE_GRANT);
        verify(delegates.get(REMINDER), never()).execute(any());
        verify(delegates.get(LAPSE), never()).execute(any());
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("no timer left").isZero();
    }

    @Test
    void leaderReferringToTheDeputyLetsTheDeputyDecide() throws Exception {
        ProcessInstance instance = asked();

        complete(task(instance), withVariables(Decision.VARIABLE, LeaveRequestProcess.DECISION_REFER,
            Decision.COMMENT, "我也在外出差，请副组长审批"));

        assertThat(instance).hasPassedInOrder(TASK_LEADER, GATEWAY_LEADER).isWaitingAt(TASK_DEPUTY);
        assertThat(task(instance)).hasCandidateGroup("org:7:deputy").isNotAssigned().hasDueDate(STARTS_AT);
        Assertions.assertThat(engine.getTaskService().getIdentityLinksForTask(task(instance).getId()))
            .as("the leader no longer holds it").noneMatch(l -> "org:7:leader".equals(l.getGroupId()));
        BpmnWalk.decide(instance, Decision.APPROVE);

        assertThat(instance).hasPassedInOrder(TASK_LEADER, TASK_DEPUTY, GATEWAY_DEPUTY, SERVICE_GRANT, END_GRANTED)
            .isEnded();
        calledOnceAt(GRANT, SERVICE_GRANT);
    }

    @ParameterizedTest(name = "returned by {0}")
    @ValueSource(strings = {TASK_LEADER, TASK_DEPUTY})
    void returnedLeaveGoesBackToItsApplicantAndIsDecidedAgainByTheLeader(String step) throws Exception {
        ProcessInstance instance = asked();
        if (TASK_DEPUTY.equals(step)) {
            complete(task(instance), withVariables(Decision.VARIABLE, LeaveRequestProcess.DECISION_REFER));
        }

        complete(task(instance), withVariables(Decision.VARIABLE, Decision.RETURN.value(), Decision.COMMENT, "请写明出差事由"));

        assertThat(instance).isWaitingAt(TASK_SUBMIT);
        assertThat(task(instance)).as("back with the applicant, not with a group").isAssignedTo(APPLICANT);
        complete(task(instance), withVariables(VAR_CANCELLED, false));
        assertThat(instance).as("a revised request starts again at the leader").isWaitingAt(TASK_LEADER);
        BpmnWalk.decide(instance, Decision.APPROVE);

        assertThat(instance).hasPassedInOrder(TASK_SUBMIT, step, TASK_SUBMIT, TASK_LEADER, SERVICE_GRANT, END_GRANTED)
            .isEnded();
        calledOnceAt(GRANT, SERVICE_GRANT);
    }

    @Test
    void applicantWhoGivesUpAReturnedLeaveEndsItWithoutLeave() throws Exception {
        ProcessInstance instance = asked();
        complete(task(instance), withVariables(Decision.VARIABLE, Decision.RETURN.value(), Decision.COMMENT, "本次学习会须参加"));

        complete(task(instance), withVariables(VAR_CANCELLED, true));

        assertThat(instance).hasPassedInOrder(TASK_LEADER, TASK_SUBMIT, GATEWAY_SUBMIT, END_CANCELLED, END_REQUEST)
            .hasNotPassed(SERVICE_GRANT).isEnded();
        verify(delegates.get(GRANT), never()).execute(any());
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void whoeverHoldsAnUndecidedLeaveIsRemindedBeforeTheSessionAndItStillWaits() throws Exception {
        ProcessInstance instance = asked();
        String leaderTask = task(instance).getId();
        assertThat(job(TIMER_REMINDER, instance)).hasDueDate(REMIND_AT);

        execute(job(TIMER_REMINDER, instance));

        assertThat(instance).hasPassed(TIMER_REMINDER, SERVICE_REMIND, END_REMINDED).isWaitingAt(TASK_LEADER);
        Assertions.assertThat(task(instance).getId()).as("the same task, not a new one").isEqualTo(leaderTask);
        calledOnceAt(REMINDER, SERVICE_REMIND);
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).list()).extracting(Job::getId)
            .as("the lapse at the start is left").containsExactly(job(TIMER_SESSION_STARTS, instance).getId());
    }

    @ParameterizedTest(name = "undecided at {0}")
    @ValueSource(strings = {TASK_LEADER, TASK_DEPUTY, TASK_SUBMIT})
    void leaveStillUndecidedWhenTheSessionStartsLapsesAndNothingIsLeftOpen(String step) throws Exception {
        ProcessInstance instance = asked();
        if (TASK_DEPUTY.equals(step)) {
            complete(task(instance), withVariables(Decision.VARIABLE, LeaveRequestProcess.DECISION_REFER));
        } else if (TASK_SUBMIT.equals(step)) {
            complete(task(instance), withVariables(Decision.VARIABLE, Decision.RETURN.value(), Decision.COMMENT, "补充"));
        }
        assertThat(instance).isWaitingAt(step);
        assertThat(job(TIMER_SESSION_STARTS, instance)).hasDueDate(STARTS_AT);

        execute(job(TIMER_SESSION_STARTS, instance));

        assertThat(instance).hasPassedInOrder(TIMER_SESSION_STARTS, SERVICE_LAPSE, END_LAPSED)
            .hasNotPassed(SERVICE_GRANT, END_REQUEST).isEnded();
        calledOnceAt(LAPSE, SERVICE_LAPSE);
        verify(delegates.get(GRANT), never()).execute(any());
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("the reminder went too").isZero();
    }

    @Test
    void aDecisionThatIsNoneOfTheLeadersIsRefusedAndTheLeaderKeepsTheTask() {
        ProcessInstance instance = asked();
        String leader = task(instance).getId();

        assertThatThrownBy(() -> complete(task(instance), withVariables(Decision.VARIABLE, "APPROVE")))
            .as("the decision's value, not its name").isInstanceOf(ProcessEngineException.class);

        assertThat(instance).isWaitingAt(TASK_LEADER);
        Assertions.assertThat(task(instance).getId()).isEqualTo(leader);
    }

    @Test
    void aGrantThatFailsLeavesTheLeaveWithTheLeader() throws Exception {
        DelegateMocks.reset();
        delegates.register(GRANT, execution -> {
            throw new IllegalStateException("roster locked");
        });
        ProcessInstance instance = asked();
        String leader = task(instance).getId();

        assertThatThrownBy(() -> BpmnWalk.decide(instance, Decision.APPROVE)).hasMessageContaining("roster locked");

        assertThat(instance).isWaitingAt(TASK_LEADER);
        Assertions.assertThat(task(instance).getId()).isEqualTo(leader);
    }

    /** The request as the applicant sends it: the instance starts at their step, which they complete at once. */
    private ProcessInstance asked() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY,
            LeaveRequestProcess.SUBJECT_TYPE + ":" + LEAVE_ID,
            withVariables(LeaveRequestProcess.VAR_LEAVE_ID, LEAVE_ID, Workflow.VAR_ORG_ID, 7L,
                Workflow.VAR_TITLE, "王建国 · 学习贯彻党的二十届四中全会精神",
                LeaveRequestProcess.VAR_APPLICANT_USERNAME, APPLICANT,
                LeaveRequestProcess.VAR_STARTS_AT, STARTS_AT, LeaveRequestProcess.VAR_REMIND_AT, REMIND_AT,
                VAR_CANCELLED, false));
        assertThat(instance).isWaitingAt(TASK_SUBMIT);
        assertThat(task(instance)).isAssignedTo(APPLICANT);
        complete(task(instance), withVariables(VAR_CANCELLED, false));
        return instance;
    }

    private void calledOnceAt(String delegate, String activityId) {
        delegates.calledOnceAt(delegate, activityId, "LEAVE:" + LEAVE_ID, LeaveRequestProcess.VAR_LEAVE_ID, LEAVE_ID);
    }
}
