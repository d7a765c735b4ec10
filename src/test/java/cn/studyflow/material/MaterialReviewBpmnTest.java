package cn.studyflow.material;

import static cn.studyflow.material.MaterialReviewProcess.END_ARCHIVED;
import static cn.studyflow.material.MaterialReviewProcess.KEY;
import static cn.studyflow.material.MaterialReviewProcess.SERVICE_ARCHIVE;
import static cn.studyflow.material.MaterialReviewProcess.SERVICE_OVERDUE;
import static cn.studyflow.material.MaterialReviewProcess.SERVICE_REMIND;
import static cn.studyflow.material.MaterialReviewProcess.SUBPROCESS_REVIEW;
import static cn.studyflow.material.MaterialReviewProcess.TASK_FIRST_REVIEW;
import static cn.studyflow.material.MaterialReviewProcess.TASK_SECOND_REVIEW;
import static cn.studyflow.material.MaterialReviewProcess.TASK_SIGN_OFF;
import static cn.studyflow.material.MaterialReviewProcess.TASK_SUBMIT;
import static cn.studyflow.material.MaterialReviewProcess.TIMER_OVERDUE;
import static cn.studyflow.material.MaterialReviewProcess.TIMER_REMINDER;
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
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.studyflow.support.BpmnEngine;
import cn.studyflow.support.BpmnWalk;
import cn.studyflow.support.DelegateMocks;
import cn.studyflow.task.Decision;
import cn.studyflow.workflow.EngineTimers;
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
 * processes/material-review.bpmn (两审一把关) on its own, its three delegates mocked: the author's submission,
 * the office's first review, the publicity member's second review and the leader's sign-off; a return from
 * each; the reminder and the overdue timer. {@code MaterialReviewProcessTest} walks the same through
 * StudyFlow's services.
 */
@DisabledIfSystemProperty(named = "studyflow.test.database", matches = "postgres",
    disabledReason = "runs on an in-memory engine of its own, whichever the database of the run")
@Deployment(resources = "processes/material-review.bpmn")
class MaterialReviewBpmnTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnEngine.extension();

    static final String ARCHIVE = "archiveMaterialDelegate";
    static final String REMINDER = "materialReminderDelegate";
    static final String OVERDUE = "materialOverdueDelegate";

    static final long MATERIAL_ID = 314;
    static final String AUTHOR = "bq_member";
    static final Date DEADLINE = Date.from(Instant.parse("2099-06-07T15:59:59Z"));
    static final Date REMINDER_AT = Date.from(Instant.parse("2099-06-05T15:59:59Z"));

    final DelegateMocks delegates = new DelegateMocks();

    @BeforeEach
    void mockDelegates() {
        init(engine.getProcessEngine());
        delegates.register(ARCHIVE);
        delegates.register(REMINDER);
        delegates.register(OVERDUE);
    }

    @AfterEach
    void forgetMocks() {
        DelegateMocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void approvedMaterialPassesTwoReviewsAndTheLeadersSignOffAndIsArchived() throws Exception {
        ProcessInstance instance = start();

        assertThat(instance).isWaitingAt(TASK_SUBMIT);
        assertThat(task(instance)).as("the author's own step").isAssignedTo(AUTHOR).hasDueDate(DEADLINE);
        complete(task(instance));

        assertThat(instance).isWaitingAt(TASK_FIRST_REVIEW);
        assertThat(task(instance)).hasCandidateGroup("org:7:office").isNotAssigned().hasDueDate(DEADLINE);
        BpmnWalk.decide(instance, Decision.APPROVE);

        assertThat(instance).isWaitingAt(TASK_SECOND_REVIEW);
        assertThat(task(instance)).hasCandidateGroup("org:7:publicity").hasDueDate(DEADLINE);
        BpmnWalk.decide(instance, Decision.APPROVE);

        assertThat(instance).isWaitingAt(TASK_SIGN_OFF);
        assertThat(task(instance)).hasCandidateGroup("org:7:leader").hasCandidateGroup("org:7:deputy")
            .hasDueDate(DEADLINE);
        verify(delegates.get(ARCHIVE), never()).execute(any());
        BpmnWalk.decide(instance, Decision.APPROVE);

        assertThat(instance).hasPassedInOrder(TASK_SUBMIT, TASK_FIRST_REVIEW, "firstReview_gw", TASK_SECOND_REVIEW,
            "secondReview_gw", TASK_SIGN_OFF, SERVICE_ARCHIVE, END_ARCHIVED).hasPassed("signOff_gw", SUBPROCESS_REVIEW).isEnded();
        verify(delegates.get(ARCHIVE)).execute(any());
        calledOnceAt(ARCHIVE, SERVICE_ARCHIVE);
        verify(delegates.get(REMINDER), never()).execute(any());
        verify(delegates.get(OVERDUE), never()).execute(any());
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("no timer left").isZero();
    }

    @ParameterizedTest(name = "returned at {0}")
    @CsvSource({
        TASK_FIRST_REVIEW + ", firstReview_gw",
        TASK_SECOND_REVIEW + ", secondReview_gw",
        TASK_SIGN_OFF + ", signOff_gw"})
    void returnedMaterialGoesBackToItsAuthorAndIsReviewedAgainFromTheOffice(String step, String gateway)
        throws Exception {
        ProcessInstance instance = start();
        complete(task(instance));
        approveUntil(instance, step);

        complete(task(instance), withVariables(Decision.VARIABLE, Decision.RETURN.value(), Decision.COMMENT, "请核对引文出处"));

        assertThat(instance).hasPassedInOrder(step, gateway).isWaitingAt(TASK_SUBMIT);
        assertThat(task(instance)).as("back with its author, not with a group").isAssignedTo(AUTHOR);
        verify(delegates.get(ARCHIVE), never()).execute(any());

        complete(task(instance));
        assertThat(instance).as("a revised version starts from the first review").isWaitingAt(TASK_FIRST_REVIEW);
        approveUntil(instance, null);

        assertThat(instance).hasPassedInOrder(TASK_SUBMIT, step, TASK_SUBMIT, TASK_FIRST_REVIEW, TASK_SECOND_REVIEW,
            TASK_SIGN_OFF, SERVICE_ARCHIVE, END_ARCHIVED).isEnded();
        calledOnceAt(ARCHIVE, SERVICE_ARCHIVE);
    }

    @Test
    void whoeverHoldsTheMaterialIsRemindedBeforeTheDeadlineAndTheReviewGoesOn() throws Exception {
        ProcessInstance instance = start();
        complete(task(instance));
        Task firstReview = task(instance);
        assertThat(job(TIMER_REMINDER, instance)).hasDueDate(REMINDER_AT);

        execute(job(TIMER_REMINDER, instance));

        assertThat(instance).hasPassed(TIMER_REMINDER, SERVICE_REMIND).hasNotPassed(SERVICE_OVERDUE)
            .isWaitingAt(TASK_FIRST_REVIEW);
        Assertions.assertThat(task(instance).getId()).as("the same task, not a new one").isEqualTo(firstReview.getId());
        verify(delegates.get(REMINDER)).execute(any());
        calledOnceAt(REMINDER, SERVICE_REMIND);
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).list()).extracting(Job::getId)
            .as("the overdue timer is left").containsExactly(job(TIMER_OVERDUE, instance).getId());
    }

    @Test
    void theLeaderIsToldWhenTheMaterialIsOverdueAndTheReviewGoesOn() throws Exception {
        ProcessInstance instance = start();
        complete(task(instance));
        approveUntil(instance, TASK_SECOND_REVIEW);
        assertThat(job(TIMER_OVERDUE, instance)).hasDueDate(DEADLINE);

        execute(job(TIMER_OVERDUE, instance));

        assertThat(instance).hasPassed(TIMER_OVERDUE, SERVICE_OVERDUE).isWaitingAt(TASK_SECOND_REVIEW);
        verify(delegates.get(OVERDUE)).execute(any());
        calledOnceAt(OVERDUE, SERVICE_OVERDUE);
        verify(delegates.get(REMINDER), never()).execute(any());

        approveUntil(instance, null);
        assertThat(instance).isEnded();
        calledOnceAt(ARCHIVE, SERVICE_ARCHIVE);
    }

    @Test
    void bothTimersFireOnceEvenWhenTheMaterialIsBackWithItsAuthor() throws Exception {
        ProcessInstance instance = start();
        complete(task(instance));
        complete(task(instance), withVariables(Decision.VARIABLE, Decision.RETURN.value()));
        assertThat(instance).isWaitingAt(TASK_SUBMIT);

        execute(job(TIMER_REMINDER, instance));
        execute(job(TIMER_OVERDUE, instance));

        assertThat(instance).isWaitingAt(TASK_SUBMIT);
        assertThat(task(instance)).isAssignedTo(AUTHOR);
        verify(delegates.get(REMINDER), times(1)).execute(any());
        verify(delegates.get(OVERDUE), times(1)).execute(any());
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aDecisionThatIsNeitherApproveNorReturnIsRefusedAndTheOfficeKeepsTheTask() {
        ProcessInstance instance = start();
        complete(task(instance));
        String office = task(instance).getId();

        assertThatThrownBy(() -> complete(task(instance), withVariables(Decision.VARIABLE, "APPROVE")))
            .as("the decision's value, not its name").isInstanceOf(ProcessEngineException.class);

        assertThat(instance).isWaitingAt(TASK_FIRST_REVIEW);
        Assertions.assertThat(task(instance).getId()).isEqualTo(office);
    }

    @Test
    void anArchiveThatFailsLeavesTheMaterialWithTheLeader() throws Exception {
        DelegateMocks.reset();
        delegates.register(ARCHIVE, execution -> {
            throw new IllegalStateException("archive folder is full");
        });
        ProcessInstance instance = start();
        complete(task(instance));
        approveUntil(instance, TASK_SIGN_OFF);
        String signOff = task(instance).getId();

        assertThatThrownBy(() -> BpmnWalk.decide(instance, Decision.APPROVE)).hasMessageContaining("archive folder is full");

        assertThat(instance).isWaitingAt(TASK_SIGN_OFF);
        Assertions.assertThat(task(instance).getId()).isEqualTo(signOff);
        verify(delegates.get(ARCHIVE)).execute(any());
    }

    @Test
    void aMaterialOfASessionWithNoDayHasNoDueDateAndItsTimersWaitUntilTheSessionIsDated() throws Exception {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY,
            MaterialReviewProcess.SUBJECT_TYPE + ":" + MATERIAL_ID, withVariables(MaterialReviewProcess.VAR_MATERIAL_ID,
                MATERIAL_ID, Workflow.VAR_ORG_ID, 7L, Workflow.VAR_TITLE, "研讨发言", MaterialReviewProcess.VAR_AUTHOR_USERNAME,
                AUTHOR, MaterialReviewProcess.VAR_DEADLINE, null, MaterialReviewProcess.VAR_REMINDER_AT,
                MaterialDeadlines.NO_DAY_YET, MaterialReviewProcess.VAR_OVERDUE_AT, MaterialDeadlines.NO_DAY_YET));
        Assertions.assertThat(task(instance).getDueDate()).as("no invented due date").isNull();
        assertThat(job(TIMER_REMINDER, instance)).hasDueDate(MaterialDeadlines.NO_DAY_YET);
        complete(task(instance));
        Assertions.assertThat(task(instance).getDueDate()).isNull();

        Workflow workflow = EngineTimers.workflow(engine.getProcessEngine());
        workflow.setVariable(instance.getId(), MaterialReviewProcess.VAR_DEADLINE, DEADLINE);
        Assertions.assertThat(workflow.moveTimer(instance.getId(), TIMER_REMINDER, REMINDER_AT)).isOne();
        Assertions.assertThat(workflow.moveTimer(instance.getId(), TIMER_OVERDUE, DEADLINE)).isOne();
        workflow.setTaskDue(instance.getId(), DEADLINE);

        assertThat(job(TIMER_REMINDER, instance)).hasDueDate(REMINDER_AT);
        assertThat(job(TIMER_OVERDUE, instance)).hasDueDate(DEADLINE);
        assertThat(task(instance)).hasDueDate(DEADLINE);
        execute(job(TIMER_REMINDER, instance));
        calledOnceAt(REMINDER, SERVICE_REMIND);
        BpmnWalk.decide(instance, Decision.RETURN);
        assertThat(task(instance)).as("a later step reads the moved deadline").hasDueDate(DEADLINE);
    }

    @Test
    void aTimerMovesWhenTheSessionMovesAndFiresOnlyOnce() throws Exception {
        ProcessInstance instance = start();
        Date later = Date.from(Instant.parse("2099-06-14T06:30:00Z"));
        Workflow workflow = EngineTimers.workflow(engine.getProcessEngine());

        Assertions.assertThat(workflow.moveTimer(instance.getId(), TIMER_OVERDUE, later)).isOne();

        Assertions.assertThat(EngineTimers.due(engine.getProcessEngine(), instance.getId(), TIMER_OVERDUE))
            .isEqualTo(later);
        assertThat(job(TIMER_REMINDER, instance)).as("the other timer is left").hasDueDate(REMINDER_AT);
        execute(job(TIMER_OVERDUE, instance));
        calledOnceAt(OVERDUE, SERVICE_OVERDUE);
        Assertions.assertThat(workflow.moveTimer(instance.getId(), TIMER_OVERDUE, later))
            .as("a timer that fired is not there to move").isZero();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(KEY, MaterialReviewProcess.SUBJECT_TYPE + ":" + MATERIAL_ID,
            withVariables(MaterialReviewProcess.VAR_MATERIAL_ID, MATERIAL_ID, Workflow.VAR_ORG_ID, 7L,
                Workflow.VAR_TITLE, "研讨发言：学习贯彻党的二十届四中全会精神",
                MaterialReviewProcess.VAR_AUTHOR_USERNAME, AUTHOR,
                MaterialReviewProcess.VAR_DEADLINE, DEADLINE, MaterialReviewProcess.VAR_REMINDER_AT, REMINDER_AT,
                MaterialReviewProcess.VAR_OVERDUE_AT, DEADLINE));
    }

    private static void approveUntil(ProcessInstance instance, String step) {
        BpmnWalk.approveUntil(instance, step, List.of(TASK_FIRST_REVIEW, TASK_SECOND_REVIEW, TASK_SIGN_OFF));
    }

    /** The delegate ran once, at {@code activityId} of this material's instance, and saw its id. */
    private void calledOnceAt(String delegate, String activityId) {
        delegates.calledOnceAt(delegate, activityId, "MATERIAL:" + MATERIAL_ID, MaterialReviewProcess.VAR_MATERIAL_ID, MATERIAL_ID);
    }
}
