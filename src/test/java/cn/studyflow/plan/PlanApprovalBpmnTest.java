package cn.studyflow.plan;

import static cn.studyflow.plan.PlanApprovalProcess.END_REGISTERED;
import static cn.studyflow.plan.PlanApprovalProcess.KEY;
import static cn.studyflow.plan.PlanApprovalProcess.SUBPROCESS_REVIEW;
import static cn.studyflow.plan.PlanApprovalProcess.TASK_APPROVE_BY_LEADER;
import static cn.studyflow.plan.PlanApprovalProcess.TASK_DRAFT;
import static cn.studyflow.plan.PlanApprovalProcess.TASK_REGISTER_BY_DEPT;
import static cn.studyflow.plan.PlanApprovalProcess.TASK_REVIEW_BY_PUBLICITY;
import static cn.studyflow.plan.PlanApprovalProcess.TIMER_DEADLINE;
import static cn.studyflow.plan.PlanApprovalProcess.TIMER_REMINDER;
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
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/plan-approval.bpmn on its own, on an in-memory engine with its three delegates mocked: every path
 * from the secretary's draft to the dept's registration, each return, both timers and what a failing delegate
 * leaves behind. {@code PlanApprovalProcessTest} walks the same paths through StudyFlow's services.
 */
@DisabledIfSystemProperty(named = "studyflow.test.database", matches = "postgres",
    disabledReason = "runs on an in-memory engine of its own, whichever the database of the run")
@Deployment(resources = "processes/plan-approval.bpmn")
class PlanApprovalBpmnTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnEngine.extension();

    static final String REGISTER = "registerPlanDelegate";
    static final String REMINDER = "planDeadlineReminderDelegate";
    static final String ESCALATION = "planDeadlineEscalationDelegate";
    static final String SERVICE_REGISTER = "registerPlan";
    static final String SERVICE_REMIND = "remindSecretary";
    static final String SERVICE_ESCALATE = "escalateToLeader";

    static final long PLAN_ID = 42;
    static final long TOWN = 7;
    static final long COUNTY = 3;
    static final Date DEADLINE = Date.from(Instant.parse("2099-01-31T15:59:59Z"));
    static final Date REMINDER_AT = Date.from(Instant.parse("2099-01-24T00:00:00Z"));

    final DelegateMocks delegates = new DelegateMocks();

    @BeforeEach
    void mockDelegates() {
        init(engine.getProcessEngine());
        delegates.register(REGISTER);
        delegates.register(REMINDER);
        delegates.register(ESCALATION);
    }

    @AfterEach
    void forgetMocks() {
        DelegateMocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void approvedPlanGoesFromSecretaryThroughPublicityLeaderAndDeptToRegistration() throws Exception {
        ProcessInstance instance = start();

        assertThat(instance).isWaitingAt(TASK_DRAFT);
        assertThat(task(instance)).hasCandidateGroup("org:7:secretary").isNotAssigned().hasDueDate(DEADLINE);
        complete(task(instance));

        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_PUBLICITY);
        assertThat(task(instance)).hasCandidateGroup("org:7:publicity").hasDueDate(DEADLINE);
        BpmnWalk.decide(instance, Decision.APPROVE);

        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_LEADER);
        assertThat(task(instance)).hasCandidateGroup("org:7:leader").hasCandidateGroup("org:7:deputy").hasDueDate(DEADLINE);
        BpmnWalk.decide(instance, Decision.APPROVE);

        assertThat(instance).isWaitingAt(TASK_REGISTER_BY_DEPT);
        assertThat(task(instance)).as("the superior's dept registers it").hasCandidateGroup("org:3:dept")
            .hasDueDate(DEADLINE);
        verify(delegates.get(REGISTER), never()).execute(any());
        BpmnWalk.decide(instance, Decision.APPROVE);

        assertThat(instance).hasPassedInOrder(TASK_DRAFT, TASK_REVIEW_BY_PUBLICITY, TASK_APPROVE_BY_LEADER,
            TASK_REGISTER_BY_DEPT, SERVICE_REGISTER, END_REGISTERED).hasPassed(SUBPROCESS_REVIEW).isEnded();
        assertThat(instance).hasNotPassed(SERVICE_REMIND, SERVICE_ESCALATE);
        verify(delegates.get(REGISTER)).execute(any());
        calledOnceAt(REGISTER, SERVICE_REGISTER);
        verify(delegates.get(REMINDER), never()).execute(any());
        verify(delegates.get(ESCALATION), never()).execute(any());
    }

    @ParameterizedTest(name = "returned at {0}")
    @CsvSource({
        TASK_REVIEW_BY_PUBLICITY + ", publicityDecision_gw",
        TASK_APPROVE_BY_LEADER + ", leaderDecision_gw",
        TASK_REGISTER_BY_DEPT + ", deptDecision_gw"})
    void returnedPlanGoesBackToTheSecretaryAndIsReviewedAgainFromThePublicityMember(String step, String gateway)
        throws Exception {
        ProcessInstance instance = start();
        complete(task(instance));
        approveUntil(instance, step);

        complete(task(instance), withVariables(Decision.VARIABLE, Decision.RETURN.value(),
            Decision.COMMENT, "请补充省委全会精神专题"));

        assertThat(instance).hasPassedInOrder(step, gateway).isWaitingAt(TASK_DRAFT);
        assertThat(task(instance)).hasCandidateGroup("org:7:secretary").isNotAssigned();
        verify(delegates.get(REGISTER), never()).execute(any());

        complete(task(instance));
        assertThat(instance).as("a resubmitted plan starts its review again").isWaitingAt(TASK_REVIEW_BY_PUBLICITY);
        approveUntil(instance, null);

        assertThat(instance).hasPassedInOrder(TASK_DRAFT, step, TASK_DRAFT, TASK_REVIEW_BY_PUBLICITY,
            TASK_APPROVE_BY_LEADER, TASK_REGISTER_BY_DEPT, SERVICE_REGISTER).isEnded();
        verify(delegates.get(REGISTER)).execute(any());
        calledOnceAt(REGISTER, SERVICE_REGISTER);
    }

    @Test
    void secretaryIsRemindedWhenTheReminderTimerFiresAndTheReviewGoesOn() throws Exception {
        ProcessInstance instance = start();
        String draft = task(instance).getId();
        assertThat(job(TIMER_REMINDER, instance)).hasDueDate(REMINDER_AT);

        execute(job(TIMER_REMINDER, instance));

        assertThat(instance).hasPassed(TIMER_REMINDER, SERVICE_REMIND).hasNotPassed(SERVICE_ESCALATE)
            .isWaitingAt(TASK_DRAFT);
        Assertions.assertThat(task(instance).getId()).as("the same task, not a new one").isEqualTo(draft);
        verify(delegates.get(REMINDER)).execute(any());
        calledOnceAt(REMINDER, SERVICE_REMIND);
        Assertions.assertThat(delegates.calls(REMINDER).get(0).variable(PlanApprovalProcess.VAR_DEADLINE))
            .as("the reminder tells the deadline").isEqualTo(DEADLINE);
        verify(delegates.get(ESCALATION), never()).execute(any());
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).list()).as("the deadline timer is left")
            .extracting(Job::getId).containsExactly(job(TIMER_DEADLINE, instance).getId());
    }

    @Test
    void leaderIsToldOnceTheDeadlinePassesAndTheReviewGoesOn() throws Exception {
        ProcessInstance instance = start();
        complete(task(instance));
        assertThat(job(TIMER_DEADLINE, instance)).hasDueDate(DEADLINE);

        execute(job(TIMER_DEADLINE, instance));

        assertThat(instance).hasPassed(TIMER_DEADLINE, SERVICE_ESCALATE).isWaitingAt(TASK_REVIEW_BY_PUBLICITY);
        verify(delegates.get(ESCALATION)).execute(any());
        calledOnceAt(ESCALATION, SERVICE_ESCALATE);
        verify(delegates.get(REMINDER), never()).execute(any());

        approveUntil(instance, null);
        assertThat(instance).isEnded();
        calledOnceAt(REGISTER, SERVICE_REGISTER);
    }

    @Test
    void timersFiringWhileTheLeaderDecidesLeaveTheLeadersTaskWhereItIs() throws Exception {
        ProcessInstance instance = start();
        complete(task(instance));
        approveUntil(instance, TASK_APPROVE_BY_LEADER);
        Task leaders = task(instance);

        execute(job(TIMER_REMINDER, instance));
        execute(job(TIMER_DEADLINE, instance));

        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_LEADER);
        Assertions.assertThat(task(instance).getId()).isEqualTo(leaders.getId());
        calledOnceAt(REMINDER, SERVICE_REMIND);
        calledOnceAt(ESCALATION, SERVICE_ESCALATE);
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("each fires once").isZero();
    }

    @Test
    void noTimerIsLeftOnceThePlanIsRegistered() {
        ProcessInstance instance = start();
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).list())
            .extracting(Job::getDuedate)
            .containsExactlyInAnyOrder(REMINDER_AT, DEADLINE);
        complete(task(instance));
        approveUntil(instance, null);

        assertThat(instance).isEnded();
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aDecisionThatIsNeitherApproveNorReturnIsRefusedAndTheStepStays() {
        ProcessInstance instance = start();
        complete(task(instance));
        Task review = task(instance);

        assertThatThrownBy(() -> complete(review, withVariables(Decision.VARIABLE, "maybe")))
            .isInstanceOf(ProcessEngineException.class);

        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_PUBLICITY);
        Assertions.assertThat(task(instance).getId()).isEqualTo(review.getId());
    }

    @Test
    void aRegistrationThatFailsLeavesThePlanWithTheDept() throws Exception {
        DelegateMocks.reset();
        delegates.register(REGISTER, execution -> {
            throw new IllegalStateException("sf_plan is locked");
        });
        ProcessInstance instance = start();
        complete(task(instance));
        approveUntil(instance, TASK_REGISTER_BY_DEPT);
        Task registration = task(instance);

        assertThatThrownBy(() -> BpmnWalk.decide(instance, Decision.APPROVE)).hasMessageContaining("sf_plan is locked");

        assertThat(instance).as("the dept's decision is rolled back with the registration").isWaitingAt(TASK_REGISTER_BY_DEPT);
        Assertions.assertThat(task(instance).getId()).isEqualTo(registration.getId());
        verify(delegates.get(REGISTER)).execute(any());
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(KEY, PlanApprovalProcess.SUBJECT_TYPE + ":" + PLAN_ID,
            withVariables(PlanApprovalProcess.VAR_PLAN_ID, PLAN_ID, Workflow.VAR_ORG_ID, TOWN,
                PlanApprovalProcess.VAR_SUPERIOR_ORG_ID, COUNTY, Workflow.VAR_TITLE, "卞桥镇党委2099年度理论学习中心组学习计划",
                PlanApprovalProcess.VAR_DEADLINE, DEADLINE, PlanApprovalProcess.VAR_REMINDER_AT, REMINDER_AT));
    }

    private static void approveUntil(ProcessInstance instance, String step) {
        BpmnWalk.approveUntil(instance, step, List.of(TASK_REVIEW_BY_PUBLICITY, TASK_APPROVE_BY_LEADER, TASK_REGISTER_BY_DEPT));
    }

    /** The delegate ran once, at {@code activityId} of this plan's instance, and saw its id. */
    private void calledOnceAt(String delegate, String activityId) {
        delegates.calledOnceAt(delegate, activityId, "PLAN:" + PLAN_ID, PlanApprovalProcess.VAR_PLAN_ID, PLAN_ID);
    }
}
