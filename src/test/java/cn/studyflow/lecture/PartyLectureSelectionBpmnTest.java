package cn.studyflow.lecture;

import static cn.studyflow.lecture.LectureSelectionProcess.END_EMPTY;
import static cn.studyflow.lecture.LectureSelectionProcess.END_FINISHED;
import static cn.studyflow.lecture.LectureSelectionProcess.END_REMINDED;
import static cn.studyflow.lecture.LectureSelectionProcess.GATEWAY_ENTRIES;
import static cn.studyflow.lecture.LectureSelectionProcess.GATEWAY_TIE;
import static cn.studyflow.lecture.LectureSelectionProcess.KEY;
import static cn.studyflow.lecture.LectureSelectionProcess.SERVICE_CLOSE;
import static cn.studyflow.lecture.LectureSelectionProcess.SERVICE_OPEN;
import static cn.studyflow.lecture.LectureSelectionProcess.SERVICE_REMIND;
import static cn.studyflow.lecture.LectureSelectionProcess.TASK_BREAK_TIE;
import static cn.studyflow.lecture.LectureSelectionProcess.TASK_COLLECT;
import static cn.studyflow.lecture.LectureSelectionProcess.TASK_SCORE;
import static cn.studyflow.lecture.LectureSelectionProcess.TASK_SEND_UP;
import static cn.studyflow.lecture.LectureSelectionProcess.TIMER_DEADLINE;
import static cn.studyflow.lecture.LectureSelectionProcess.TIMER_ENTRIES_CLOSE;
import static cn.studyflow.lecture.LectureSelectionProcess.TIMER_REMINDER;
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
import cn.studyflow.support.DelegateMocks;
import cn.studyflow.workflow.Workflow;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * processes/party-lecture-selection.bpmn (我来讲党课, one round) on its own, its three delegates mocked: the
 * collection closed by the organiser or by its timer, a round left without entries (every entry withdrawn), the
 * judges scoring in parallel, the reminder before the deadline, the deadline closing the scoring with scores
 * missing, a tie at the cut-off ordered by the organiser, and the sending up. {@code LectureSelectionTest} walks
 * the same through StudyFlow's services.
 */
@DisabledIfSystemProperty(named = "studyflow.test.database", matches = "postgres",
    disabledReason = "runs on an in-memory engine of its own, whichever the database of the run")
@Deployment(resources = "processes/party-lecture-selection.bpmn")
class PartyLectureSelectionBpmnTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnEngine.extension();

    static final String OPEN = "openLectureScoringDelegate";
    static final String REMIND = "lectureJudgesReminderDelegate";
    static final String CLOSE = "closeLectureScoringDelegate";

    static final long ROUND_ID = 41;
    static final List<String> JUDGES = List.of("qz_auditor", "jy_leader", "wf_dept");
    static final Date ENTRIES_CLOSE = Date.from(Instant.parse("2099-04-01T01:00:00Z"));
    static final Date REMIND_AT = Date.from(Instant.parse("2099-04-09T01:00:00Z"));
    static final Date DEADLINE = Date.from(Instant.parse("2099-04-10T01:00:00Z"));

    final DelegateMocks delegates = new DelegateMocks();

    @BeforeEach
    void mockDelegates() {
        init(engine.getProcessEngine());
        opensWith(JUDGES, 3);
        closesTied(false);
        delegates.register(REMIND);
    }

    @AfterEach
    void forgetMocks() {
        DelegateMocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void eachJudgeScoresInParallelAndTheOrganiserSendsUpWhenAllHaveScored() throws Exception {
        ProcessInstance instance = opened();
        assertThat(task(instance)).hasCandidateGroup("org:5:dept").hasDueDate(ENTRIES_CLOSE);

        complete(task(instance));

        List<Task> scoring = taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_SCORE).list();
        Assertions.assertThat(scoring).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(JUDGES);
        Assertions.assertThat(scoring).allMatch(t -> DEADLINE.equals(t.getDueDate()));
        complete(scoring.get(0));
        complete(scoring.get(1));
        verify(delegates.get(CLOSE), never()).execute(any());
        complete(scoring.get(2));

        assertThat(instance).hasPassedInOrder(TASK_COLLECT, SERVICE_OPEN, GATEWAY_ENTRIES, TASK_SCORE, SERVICE_CLOSE,
            GATEWAY_TIE).isWaitingAt(TASK_SEND_UP).hasNotPassed(TASK_BREAK_TIE);
        assertThat(task(instance)).hasCandidateGroup("org:5:dept");
        calledOnceAt(CLOSE, SERVICE_CLOSE);
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("no timer left").isZero();
        complete(task(instance));
        assertThat(instance).hasPassed(TASK_SEND_UP, END_FINISHED).isEnded();
        verify(delegates.get(REMIND), never()).execute(any());
    }

    @Test
    void theCollectionClosesByItselfAtItsTime() throws Exception {
        ProcessInstance instance = opened();
        assertThat(job(TIMER_ENTRIES_CLOSE, instance)).hasDueDate(ENTRIES_CLOSE);

        execute(job(TIMER_ENTRIES_CLOSE, instance));

        assertThat(instance).hasPassedInOrder(TIMER_ENTRIES_CLOSE, SERVICE_OPEN).isWaitingAt(TASK_SCORE);
        Assertions.assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_COLLECT).count())
            .as("the organiser's collection step is gone").isZero();
        calledOnceAt(OPEN, SERVICE_OPEN);
    }

    @Test
    void aRoundWhoseEntriesWereAllWithdrawnEndsWithoutJudging() throws Exception {
        DelegateMocks.reset();
        opensWith(List.of(), 0);
        closesTied(false);
        delegates.register(REMIND);
        ProcessInstance instance = opened();

        complete(task(instance));

        assertThat(instance).hasPassedInOrder(TASK_COLLECT, SERVICE_OPEN, GATEWAY_ENTRIES, END_EMPTY)
            .hasNotPassed(TASK_SCORE, SERVICE_CLOSE).isEnded();
        verify(delegates.get(CLOSE), never()).execute(any());
    }

    @Test
    void judgesStillScoringAreRemindedAndKeepTheirTasks() throws Exception {
        ProcessInstance instance = scoring();
        complete(taskQuery().processInstanceId(instance.getId()).taskAssignee("qz_auditor").singleResult());
        assertThat(job(TIMER_REMINDER, instance)).hasDueDate(REMIND_AT);

        execute(job(TIMER_REMINDER, instance));

        assertThat(instance).hasPassed(TIMER_REMINDER, SERVICE_REMIND, END_REMINDED).isWaitingAt(TASK_SCORE);
        calledOnceAt(REMIND, SERVICE_REMIND);
        Assertions.assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_SCORE).list())
            .extracting(Task::getAssignee).containsExactlyInAnyOrder("jy_leader", "wf_dept");
        Assertions.assertThat(job(TIMER_DEADLINE, instance)).as("the deadline is still ahead").isNotNull();
    }

    @Test
    void theDeadlineClosesScoringWithScoresMissingAndTheOrganiserRanks() throws Exception {
        ProcessInstance instance = scoring();
        complete(taskQuery().processInstanceId(instance.getId()).taskAssignee("jy_leader").singleResult());
        assertThat(job(TIMER_DEADLINE, instance)).hasDueDate(DEADLINE);

        execute(job(TIMER_DEADLINE, instance));

        assertThat(instance).hasPassedInOrder(TASK_SCORE, TIMER_DEADLINE, SERVICE_CLOSE, GATEWAY_TIE)
            .isWaitingAt(TASK_SEND_UP);
        Assertions.assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_SCORE).count())
            .as("the two judges who had not finished no longer hold a task").isZero();
        calledOnceAt(CLOSE, SERVICE_CLOSE);
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("the reminder went too").isZero();
    }

    @Test
    void aTieAtTheCutOffIsOrderedByTheOrganiserBeforeSendingUp() throws Exception {
        DelegateMocks.reset();
        opensWith(JUDGES, 3);
        closesTied(true);
        delegates.register(REMIND);
        ProcessInstance instance = scoring();
        taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_SCORE).list().forEach(t -> complete(t));

        assertThat(instance).hasPassedInOrder(SERVICE_CLOSE, GATEWAY_TIE).isWaitingAt(TASK_BREAK_TIE);
        assertThat(task(instance)).hasCandidateGroup("org:5:dept");
        complete(task(instance));
        assertThat(instance).isWaitingAt(TASK_SEND_UP);
        complete(task(instance));

        assertThat(instance).hasPassedInOrder(GATEWAY_TIE, TASK_BREAK_TIE, TASK_SEND_UP, END_FINISHED).isEnded();
    }

    @Test
    void aJudgeWithNothingToScoreLeavesTheOthersToScore() throws Exception {
        DelegateMocks.reset();
        opensWith(List.of("qz_auditor"), 2);
        closesTied(false);
        delegates.register(REMIND);
        ProcessInstance instance = opened();
        complete(task(instance));

        Assertions.assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_SCORE).list())
            .extracting(Task::getAssignee).containsExactly("qz_auditor");
    }

    /** A round as its organiser opens it: waiting for entries. */
    private ProcessInstance opened() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY,
            LectureSelectionProcess.SUBJECT_TYPE + ":" + ROUND_ID,
            withVariables(LectureSelectionProcess.VAR_ROUND_ID, ROUND_ID, Workflow.VAR_ORG_ID, 5L,
                Workflow.VAR_TITLE, "2099年“我来讲党课” · 青州市委",
                LectureSelectionProcess.VAR_ENTRIES_CLOSE_AT, ENTRIES_CLOSE,
                LectureSelectionProcess.VAR_DEADLINE, DEADLINE, LectureSelectionProcess.VAR_REMIND_AT, REMIND_AT));
        assertThat(instance).isWaitingAt(TASK_COLLECT);
        return instance;
    }

    private ProcessInstance scoring() {
        ProcessInstance instance = opened();
        complete(task(instance));
        assertThat(instance).isWaitingAt(TASK_SCORE);
        return instance;
    }

    /** The open delegate as the real one: the judges as a transient list, the number of entries kept. */
    private void opensWith(List<String> judges, int entries) {
        delegates.register(OPEN, execution -> {
            execution.setVariable(LectureSelectionProcess.VAR_JUDGES, Variables.objectValue(judges, true).create());
            execution.setVariable(LectureSelectionProcess.VAR_ENTRY_COUNT, entries);
        });
    }

    private void closesTied(boolean tied) {
        delegates.register(CLOSE, execution -> execution.setVariable(LectureSelectionProcess.VAR_TIED, tied));
    }

    private void calledOnceAt(String delegate, String activityId) {
        delegates.calledOnceAt(delegate, activityId, "LROUND:" + ROUND_ID, LectureSelectionProcess.VAR_ROUND_ID, ROUND_ID);
    }
}
