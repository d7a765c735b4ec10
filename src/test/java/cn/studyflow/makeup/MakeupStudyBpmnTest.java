package cn.studyflow.makeup;

import static cn.studyflow.makeup.MakeupStudyProcess.END_DONE;
import static cn.studyflow.makeup.MakeupStudyProcess.END_MADE_UP;
import static cn.studyflow.makeup.MakeupStudyProcess.END_REMINDED;
import static cn.studyflow.makeup.MakeupStudyProcess.END_WAIVED;
import static cn.studyflow.makeup.MakeupStudyProcess.GATEWAY_CHECK;
import static cn.studyflow.makeup.MakeupStudyProcess.KEY;
import static cn.studyflow.makeup.MakeupStudyProcess.SERVICE_ACCEPT;
import static cn.studyflow.makeup.MakeupStudyProcess.SERVICE_OVERDUE;
import static cn.studyflow.makeup.MakeupStudyProcess.SERVICE_REMIND;
import static cn.studyflow.makeup.MakeupStudyProcess.SERVICE_WAIVE;
import static cn.studyflow.makeup.MakeupStudyProcess.SUBPROCESS_WORK;
import static cn.studyflow.makeup.MakeupStudyProcess.TASK_CHECK;
import static cn.studyflow.makeup.MakeupStudyProcess.TASK_SUBMIT;
import static cn.studyflow.makeup.MakeupStudyProcess.TASK_WAIVER;
import static cn.studyflow.makeup.MakeupStudyProcess.TIMER_DUE;
import static cn.studyflow.makeup.MakeupStudyProcess.TIMER_REMINDER;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
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
import java.util.Map;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * processes/makeup-study.bpmn (补学) on its own, its four delegates mocked: the member's notes accepted by the
 * secretary, returned and submitted again, the reminder before the due date, the overdue report that leaves the
 * make-up open with a waiver step for the leader, the waiver that ends everything, and a make-up done late that
 * takes the leader's step with it. {@code MakeupStudyProcessTest} walks the same through StudyFlow's services.
 */
@DisabledIfSystemProperty(named = "studyflow.test.database", matches = "postgres",
    disabledReason = "runs on an in-memory engine of its own, whichever the database of the run")
@Deployment(resources = "processes/makeup-study.bpmn")
class MakeupStudyBpmnTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnEngine.extension();

    static final String ACCEPT = "acceptMakeupDelegate";
    static final String REMINDER = "makeupReminderDelegate";
    static final String OVERDUE = "makeupOverdueDelegate";
    static final String WAIVE = "waiveMakeupDelegate";

    static final long MAKEUP_ID = 314;
    static final String MEMBER = "bq_member2";
    static final Date DUE_AT = Date.from(Instant.parse("2099-06-25T01:00:00Z"));
    static final Date REMIND_AT = Date.from(Instant.parse("2099-06-22T01:00:00Z"));

    final DelegateMocks delegates = new DelegateMocks();

    @BeforeEach
    void mockDelegates() {
        init(engine.getProcessEngine());
        delegates.register(ACCEPT);
        delegates.register(REMINDER);
        delegates.register(OVERDUE);
        delegates.register(WAIVE);
    }

    @AfterEach
    void forgetMocks() {
        DelegateMocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void makeupAcceptedByTheSecretaryIsMadeUpAndNoTimerIsLeft() throws Exception {
        ProcessInstance instance = assigned();

        assertThat(task(instance)).isAssignedTo(MEMBER).hasDueDate(DUE_AT);
        complete(task(instance));
        assertThat(instance).isWaitingAt(TASK_CHECK);
        assertThat(task(instance)).hasCandidateGroup("org:7:secretary").isNotAssigned().hasDueDate(DUE_AT);
        verify(delegates.get(ACCEPT), never()).execute(any());
        BpmnWalk.decide(instance, Decision.APPROVE);

        assertThat(instance).hasPassedInOrder(TASK_SUBMIT, TASK_CHECK, GATEWAY_CHECK, SERVICE_ACCEPT, END_MADE_UP,
            END_DONE).hasPassed(SUBPROCESS_WORK).hasNotPassed(SERVICE_OVERDUE, TASK_WAIVER).isEnded();
        calledOnceAt(ACCEPT, SERVICE_ACCEPT);
        verify(delegates.get(REMINDER), never()).execute(any());
        verify(delegates.get(OVERDUE), never()).execute(any());
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("no timer left").isZero();
    }

    @Test
    void returnedMakeupGoesBackToTheMemberAndIsCheckedAgain() throws Exception {
        ProcessInstance instance = assigned();
        complete(task(instance));

        complete(task(instance), withVariables(Decision.VARIABLE, Decision.RETURN.value(), Decision.COMMENT, "心得过于简略"));

        assertThat(instance).isWaitingAt(TASK_SUBMIT);
        assertThat(task(instance)).as("back with the member, not with a group").isAssignedTo(MEMBER);
        complete(task(instance));
        assertThat(instance).isWaitingAt(TASK_CHECK);
        BpmnWalk.decide(instance, Decision.APPROVE);

        assertThat(instance).hasPassedInOrder(TASK_SUBMIT, TASK_CHECK, TASK_SUBMIT, TASK_CHECK, SERVICE_ACCEPT, END_DONE)
            .isEnded();
        calledOnceAt(ACCEPT, SERVICE_ACCEPT);
    }

    @ParameterizedTest(name = "reminded at {0}")
    @ValueSource(strings = {TASK_SUBMIT, TASK_CHECK})
    void theReminderBeforeTheDueDateLeavesTheStepWhereItWas(String step) throws Exception {
        ProcessInstance instance = assigned();
        if (TASK_CHECK.equals(step)) {
            complete(task(instance));
        }
        String open = task(instance).getId();
        assertThat(job(TIMER_REMINDER, instance)).hasDueDate(REMIND_AT);

        execute(job(TIMER_REMINDER, instance));

        assertThat(instance).hasPassed(TIMER_REMINDER, SERVICE_REMIND, END_REMINDED).isWaitingAt(step);
        Assertions.assertThat(task(instance).getId()).as("the same task, not a new one").isEqualTo(open);
        calledOnceAt(REMINDER, SERVICE_REMIND);
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).list()).extracting(Job::getId)
            .as("the due timer is left").containsExactly(job(TIMER_DUE, instance).getId());
    }

    @Test
    void atTheDueDateTheLeaderIsToldAndTheMakeupStaysOpenBesideTheWaiverStep() throws Exception {
        ProcessInstance instance = assigned();
        String memberTask = task(instance).getId();
        assertThat(job(TIMER_DUE, instance)).hasDueDate(DUE_AT);

        execute(job(TIMER_DUE, instance));

        assertThat(instance).hasPassed(TIMER_DUE, SERVICE_OVERDUE).isWaitingAt(TASK_SUBMIT, TASK_WAIVER);
        calledOnceAt(OVERDUE, SERVICE_OVERDUE);
        Task waiver = taskAt(instance, TASK_WAIVER);
        assertThat(waiver).hasCandidateGroup("org:7:leader").isNotAssigned();
        Assertions.assertThat(taskAt(instance, TASK_SUBMIT).getId()).as("the member's task stays").isEqualTo(memberTask);
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count())
            .as("the reminder, undue, went with nothing: it was earlier").isOne();
    }

    @Test
    void theLeaderWhoWaivesEndsTheMakeupAndTheMembersTask() throws Exception {
        ProcessInstance instance = assigned();
        execute(job(TIMER_REMINDER, instance));
        execute(job(TIMER_DUE, instance));

        complete(taskAt(instance, TASK_WAIVER), withVariables(Decision.VARIABLE, MakeupStudyProcess.DECISION_WAIVE,
            Decision.COMMENT, "长期病休，经党委研究免予补学"));

        assertThat(instance).hasPassedInOrder(TIMER_DUE, SERVICE_OVERDUE, TASK_WAIVER, SERVICE_WAIVE, END_WAIVED)
            .hasNotPassed(SERVICE_ACCEPT, END_DONE).isEnded();
        calledOnceAt(WAIVE, SERVICE_WAIVE);
        verify(delegates.get(ACCEPT), never()).execute(any());
        Assertions.assertThat(taskQuery().processInstanceId(instance.getId()).count()).as("no task left").isZero();
    }

    @Test
    void aMakeupAcceptedAfterItsDueDateTakesTheLeadersWaiverStepWithIt() throws Exception {
        ProcessInstance instance = assigned();
        execute(job(TIMER_DUE, instance));

        complete(taskAt(instance, TASK_SUBMIT));
        complete(taskAt(instance, TASK_CHECK), withVariables(Decision.VARIABLE, Decision.APPROVE.value()));

        assertThat(instance).hasPassed(SERVICE_ACCEPT, END_MADE_UP, END_DONE).hasNotPassed(SERVICE_WAIVE).isEnded();
        calledOnceAt(ACCEPT, SERVICE_ACCEPT);
        verify(delegates.get(WAIVE), never()).execute(any());
        Assertions.assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aDecisionThatIsNeitherAcceptNorReturnIsRefusedAndTheSecretaryKeepsTheTask() {
        ProcessInstance instance = assigned();
        complete(task(instance));
        String check = task(instance).getId();

        assertThatThrownBy(() -> complete(task(instance), withVariables(Decision.VARIABLE, "APPROVE")))
            .as("the decision's value, not its name").isInstanceOf(ProcessEngineException.class);

        assertThat(instance).isWaitingAt(TASK_CHECK);
        Assertions.assertThat(task(instance).getId()).isEqualTo(check);
    }

    @Test
    void anAcceptanceThatFailsLeavesTheMakeupWithTheSecretary() throws Exception {
        DelegateMocks.reset();
        delegates.register(ACCEPT, execution -> {
            throw new IllegalStateException("roster locked");
        });
        ProcessInstance instance = assigned();
        complete(task(instance));
        String check = task(instance).getId();

        assertThatThrownBy(() -> BpmnWalk.decide(instance, Decision.APPROVE)).hasMessageContaining("roster locked");

        assertThat(instance).isWaitingAt(TASK_CHECK);
        Assertions.assertThat(task(instance).getId()).isEqualTo(check);
    }

    /** The make-up as a held session assigns it: the instance waits for the member's notes. */
    private ProcessInstance assigned() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY,
            MakeupStudyProcess.SUBJECT_TYPE + ":" + MAKEUP_ID,
            withVariables(MakeupStudyProcess.VAR_MAKEUP_ID, MAKEUP_ID, Workflow.VAR_ORG_ID, 7L,
                Workflow.VAR_TITLE, "卞桥镇成员二 · 学习贯彻党的二十届四中全会精神",
                MakeupStudyProcess.VAR_MEMBER_USERNAME, MEMBER,
                MakeupStudyProcess.VAR_DUE_AT, DUE_AT, MakeupStudyProcess.VAR_REMIND_AT, REMIND_AT));
        assertThat(instance).isWaitingAt(TASK_SUBMIT);
        return instance;
    }

    private static Task taskAt(ProcessInstance instance, String step) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(step).singleResult();
    }

    private void calledOnceAt(String delegate, String activityId) {
        delegates.calledOnceAt(delegate, activityId, "MAKEUP:" + MAKEUP_ID, MakeupStudyProcess.VAR_MAKEUP_ID, MAKEUP_ID);
    }
}
