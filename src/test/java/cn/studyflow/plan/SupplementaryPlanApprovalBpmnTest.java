package cn.studyflow.plan;

import static cn.studyflow.plan.PlanApprovalProcess.SUPPLEMENTARY_KEY;
import static cn.studyflow.plan.PlanApprovalProcess.TASK_APPROVE_BY_LEADER;
import static cn.studyflow.plan.PlanApprovalProcess.TASK_DRAFT;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.studyflow.support.BpmnEngine;
import cn.studyflow.support.DelegateMocks;
import cn.studyflow.task.Decision;
import cn.studyflow.workflow.Workflow;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * processes/supplementary-plan-approval.bpmn on its own, its delegate mocked: the monthly supplementary plan
 * needs the leader only, has no deadline timers, and goes back to the secretary when the leader returns it.
 */
@DisabledIfSystemProperty(named = "studyflow.test.database", matches = "postgres",
    disabledReason = "runs on an in-memory engine of its own, whichever the database of the run")
@Deployment(resources = "processes/supplementary-plan-approval.bpmn")
class SupplementaryPlanApprovalBpmnTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnEngine.extension();

    static final String REGISTER = "registerPlanDelegate";
    static final String SERVICE_REGISTER = "registerPlan";
    static final String END_APPROVED = "planApproved";
    static final String LEADER_DECISION = "leaderDecision_gw";
    static final long PLAN_ID = 57;

    final DelegateMocks delegates = new DelegateMocks();

    @BeforeEach
    void mockDelegates() {
        init(engine.getProcessEngine());
        delegates.register(REGISTER);
    }

    @AfterEach
    void forgetMocks() {
        DelegateMocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void approvedSupplementaryPlanNeedsOnlyTheLeaderAndTakesEffect() throws Exception {
        ProcessInstance instance = start();

        assertThat(instance).isWaitingAt(TASK_DRAFT);
        assertThat(task(instance)).hasCandidateGroup("org:7:secretary").isNotAssigned();
        Assertions.assertThat(task(instance).getDueDate()).as("no deadline for a monthly plan").isNull();
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("no timers").isZero();
        complete(task(instance));

        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_LEADER);
        assertThat(task(instance)).hasCandidateGroup("org:7:leader").hasCandidateGroup("org:7:deputy");
        complete(task(instance), withVariables(Decision.VARIABLE, Decision.APPROVE.value()));

        assertThat(instance).hasPassedInOrder(TASK_DRAFT, TASK_APPROVE_BY_LEADER, LEADER_DECISION, SERVICE_REGISTER,
            END_APPROVED).isEnded();
        assertThat(instance).hasNotPassed(PlanApprovalProcess.TASK_REVIEW_BY_PUBLICITY,
            PlanApprovalProcess.TASK_REGISTER_BY_DEPT);
        verify(delegates.get(REGISTER)).execute(any());
        calledOnceAtRegistration();
    }

    @Test
    void returnedSupplementaryPlanGoesBackToTheSecretaryAndBackToTheLeaderWhenResubmitted() throws Exception {
        ProcessInstance instance = start();
        complete(task(instance));

        complete(task(instance), withVariables(Decision.VARIABLE, Decision.RETURN.value(), Decision.COMMENT, "加上本月新讲话"));

        assertThat(instance).hasPassedInOrder(TASK_APPROVE_BY_LEADER, LEADER_DECISION).isWaitingAt(TASK_DRAFT);
        assertThat(task(instance)).hasCandidateGroup("org:7:secretary");
        verify(delegates.get(REGISTER), never()).execute(any());

        complete(task(instance));
        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_LEADER);
        complete(task(instance), withVariables(Decision.VARIABLE, Decision.APPROVE.value()));

        assertThat(instance).hasPassedInOrder(TASK_DRAFT, TASK_APPROVE_BY_LEADER, TASK_DRAFT, TASK_APPROVE_BY_LEADER,
            SERVICE_REGISTER, END_APPROVED).isEnded();
        calledOnceAtRegistration();
    }

    @Test
    void aDecisionThatIsNeitherApproveNorReturnIsRefusedAndTheLeaderKeepsTheTask() {
        ProcessInstance instance = start();
        complete(task(instance));
        String leaders = task(instance).getId();

        assertThatThrownBy(() -> complete(task(instance), withVariables(Decision.VARIABLE, "later")))
            .isInstanceOf(ProcessEngineException.class);

        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_LEADER);
        Assertions.assertThat(task(instance).getId()).isEqualTo(leaders);
        Assertions.assertThat(delegates.calls(REGISTER)).isEmpty();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(SUPPLEMENTARY_KEY, PlanApprovalProcess.SUBJECT_TYPE + ":" + PLAN_ID,
            withVariables(PlanApprovalProcess.VAR_PLAN_ID, PLAN_ID, Workflow.VAR_ORG_ID, 7L,
                Workflow.VAR_TITLE, "卞桥镇党委2099年3月补充学习计划"));
    }

    private void calledOnceAtRegistration() {
        Assertions.assertThat(delegates.calls(REGISTER)).singleElement().satisfies(call -> {
            Assertions.assertThat(call.activityId()).isEqualTo(SERVICE_REGISTER);
            Assertions.assertThat(call.businessKey()).isEqualTo("PLAN:" + PLAN_ID);
            Assertions.assertThat(call.variable(PlanApprovalProcess.VAR_PLAN_ID)).isEqualTo(PLAN_ID);
        });
    }
}
