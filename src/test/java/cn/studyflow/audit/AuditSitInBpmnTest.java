package cn.studyflow.audit;

import static cn.studyflow.audit.AuditSitInProcess.END_PENDING_ACCEPTANCE_REPORTED;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_REPORT_PENDING_ACCEPTANCE;
import static cn.studyflow.audit.AuditSitInProcess.TIMER_ACCEPTANCE_OVERDUE;
import static cn.studyflow.audit.AuditSitInProcess.END_INVITATION_DECLINED;
import static cn.studyflow.audit.AuditSitInProcess.END_OVERDUE_REPORTED;
import static cn.studyflow.audit.AuditSitInProcess.END_PASSED;
import static cn.studyflow.audit.AuditSitInProcess.END_RECTIFIED;
import static cn.studyflow.audit.AuditSitInProcess.KEY;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_CONCLUDE;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_CONFIRM_AUDITORS;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_NOTICE_RECTIFICATION;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_PREPARE_ACCEPTANCE;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_REDRAW;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_REPORT_OVERDUE;
import static cn.studyflow.audit.AuditSitInProcess.SUBPROCESS_ACCEPTANCE;
import static cn.studyflow.audit.AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT;
import static cn.studyflow.audit.AuditSitInProcess.TASK_FILE_RECORD;
import static cn.studyflow.audit.AuditSitInProcess.TASK_REASSIGN_AUDITOR;
import static cn.studyflow.audit.AuditSitInProcess.TASK_REVIEW_INVITATION;
import static cn.studyflow.audit.AuditSitInProcess.TASK_REVIEW_RECTIFICATION;
import static cn.studyflow.audit.AuditSitInProcess.TASK_SUBMIT_RECTIFICATION;
import static cn.studyflow.audit.AuditSitInProcess.TIMER_RECTIFICATION_OVERDUE;
import static cn.studyflow.audit.AuditSitInProcess.VAR_ACCEPTED;
import static cn.studyflow.audit.AuditSitInProcess.VAR_AUDITOR;
import static cn.studyflow.audit.AuditSitInProcess.VAR_AUDITORS;
import static cn.studyflow.audit.AuditSitInProcess.VAR_AUDIT_ID;
import static cn.studyflow.audit.AuditSitInProcess.VAR_INVITATION_APPROVED;
import static cn.studyflow.audit.AuditSitInProcess.VAR_LEAD_AUDITOR;
import static cn.studyflow.audit.AuditSitInProcess.VAR_POOL_EXHAUSTED;
import static cn.studyflow.audit.AuditSitInProcess.VAR_RECTIFICATION_DEADLINE;
import static cn.studyflow.audit.AuditSitInProcess.VAR_VERDICT;
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
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.studyflow.support.BpmnEngine;
import cn.studyflow.support.DelegateMocks;
import cn.studyflow.task.Decision;
import cn.studyflow.workflow.EngineTimers;
import cn.studyflow.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * processes/audit-sit-in.bpmn on its own, its six delegates mocked as the real ones hand variables on: fixed,
 * random and invited audits; an invitation declined; a decline redrawn and a pool exhausted; records that
 * pass; a rectification accepted, returned, and overdue. The acceptance and record steps end asynchronously,
 * so the tests run their continuations as the job executor would. {@code AuditSitInProcessTest} walks the
 * same paths through StudyFlow's services.
 */
@DisabledIfSystemProperty(named = "studyflow.test.database", matches = "postgres",
    disabledReason = "runs on an in-memory engine of its own, whichever the database of the run")
@Deployment(resources = "processes/audit-sit-in.bpmn")
class AuditSitInBpmnTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnEngine.extension();

    static final String PREPARE = "prepareAcceptanceDelegate";
    static final String REDRAW = "redrawAuditorDelegate";
    static final String CONFIRM = "confirmAuditorsDelegate";
    static final String CONCLUDE = "concludeAuditDelegate";
    static final String NOTICE = "noticeRectificationDelegate";
    static final String OVERDUE = "rectificationOverdueDelegate";
    static final String ACCEPTANCE_OVERDUE = "acceptanceOverdueDelegate";

    static final long AUDIT_ID = 99;
    static final long TOWN = 7;
    static final long DEPT = 3;
    static final String LEAD = "qz_auditor";
    static final String SECOND = "wfz_auditor";
    static final Date RECTIFY_BY = Date.from(Instant.parse("2099-07-31T15:59:59Z"));
    static final Date ACCEPT_BY = Date.from(Instant.parse("2099-06-23T06:30:00Z"));

    final DelegateMocks delegates = new DelegateMocks();

    /** Who the pending assignments name (what AuditService.pendingAuditors would answer). */
    final List<String> asked = new ArrayList<>(List.of(LEAD, SECOND));
    /** Who accepted, in the order the confirmation lists them. */
    final List<String> confirmed = new ArrayList<>();
    /** The next replacement a redraw finds; null: the pool is exhausted. */
    String replacement;
    Verdict verdict = Verdict.PASS;

    @BeforeEach
    void mockDelegates() {
        init(engine.getProcessEngine());
        delegates.register(PREPARE, execution ->
            execution.setVariable(VAR_AUDITORS, Variables.objectValue(new ArrayList<>(asked), true).create()));
        delegates.register(REDRAW, execution -> {
            execution.setVariable(VAR_POOL_EXHAUSTED, replacement == null);
            if (replacement != null) {
                execution.setVariable(VAR_AUDITOR, replacement);
            }
        });
        delegates.register(CONFIRM, execution -> {
            execution.setVariable(VAR_LEAD_AUDITOR, confirmed.get(0));
            execution.setVariable(VAR_AUDITORS, Variables.objectValue(new ArrayList<>(confirmed), true).create());
        });
        delegates.register(CONCLUDE, execution -> execution.setVariable(VAR_VERDICT, verdict.name()));
        delegates.register(NOTICE, execution -> execution.setVariable(VAR_RECTIFICATION_DEADLINE, RECTIFY_BY));
        delegates.register(OVERDUE);
        delegates.register(ACCEPTANCE_OVERDUE);
    }

    @AfterEach
    void forgetMocks() {
        DelegateMocks.reset();
        BpmnAwareTests.reset();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = AuditMode.class, names = {"FIXED", "RANDOM"})
    void assignedAuditIsAcceptedAttendedAndClosedAsPassed(AuditMode mode) throws Exception {
        ProcessInstance instance = start(mode);

        assertThat(instance).hasNotPassed(TASK_REVIEW_INVITATION).isWaitingAt(TASK_ACCEPT_ASSIGNMENT);
        Assertions.assertThat(assigneesAt(instance, TASK_ACCEPT_ASSIGNMENT)).containsExactlyInAnyOrder(LEAD, SECOND);
        verify(delegates.get(PREPARE)).execute(any());
        calledOnceAt(PREPARE, SERVICE_PREPARE_ACCEPTANCE);

        accept(instance, LEAD);
        assertThat(instance).as("one auditor is still to answer").isWaitingAt(TASK_ACCEPT_ASSIGNMENT);
        accept(instance, SECOND);
        runContinuations(instance);

        assertThat(instance).isWaitingAt(TASK_FILE_RECORD);
        calledOnceAt(CONFIRM, SERVICE_CONFIRM_AUDITORS);
        Assertions.assertThat(assigneesAt(instance, TASK_FILE_RECORD)).containsExactlyInAnyOrder(LEAD, SECOND);
        verify(delegates.get(CONCLUDE), never()).execute(any());

        fileRecord(instance, LEAD);
        assertThat(instance).as("the other record is still to come").isWaitingAt(TASK_FILE_RECORD);
        fileRecord(instance, SECOND);
        runContinuations(instance);

        assertThat(instance).hasPassedInOrder(SERVICE_PREPARE_ACCEPTANCE, TASK_ACCEPT_ASSIGNMENT, SERVICE_CONFIRM_AUDITORS,
            TASK_FILE_RECORD, SERVICE_CONCLUDE, "verdict_gw", END_PASSED).hasPassed(SUBPROCESS_ACCEPTANCE).isEnded();
        assertThat(instance).hasNotPassed(SERVICE_REDRAW, SERVICE_NOTICE_RECTIFICATION);
        calledOnceAt(CONCLUDE, SERVICE_CONCLUDE);
        verify(delegates.get(NOTICE), never()).execute(any());
    }

    @Test
    void invitedAuditWaitsForTheDeptAndAsksTheAuditorsOnceApproved() throws Exception {
        ProcessInstance instance = start(AuditMode.INVITED);

        assertThat(instance).isWaitingAt(TASK_REVIEW_INVITATION);
        assertThat(task(instance)).hasCandidateGroup("org:3:dept").isNotAssigned();
        verify(delegates.get(PREPARE), never()).execute(any());

        complete(task(instance), withVariables(VAR_INVITATION_APPROVED, true));

        assertThat(instance).hasPassedInOrder(TASK_REVIEW_INVITATION, "invitationDecision_gw", SERVICE_PREPARE_ACCEPTANCE)
            .isWaitingAt(TASK_ACCEPT_ASSIGNMENT);
        Assertions.assertThat(assigneesAt(instance, TASK_ACCEPT_ASSIGNMENT)).containsExactlyInAnyOrder(LEAD, SECOND);
        calledOnceAt(PREPARE, SERVICE_PREPARE_ACCEPTANCE);
    }

    @Test
    void declinedInvitationEndsTheAuditWithoutAskingAnyAuditor() throws Exception {
        ProcessInstance instance = start(AuditMode.INVITED);

        complete(task(instance), withVariables(VAR_INVITATION_APPROVED, false));

        assertThat(instance).hasPassedInOrder(TASK_REVIEW_INVITATION, "invitationDecision_gw", END_INVITATION_DECLINED)
            .hasNotPassed(SERVICE_PREPARE_ACCEPTANCE).isEnded();
        verify(delegates.get(PREPARE), never()).execute(any());
    }

    @Test
    void aDeclinedAssignmentIsRedrawnAndTheReplacementIsAskedInTheSameSlot() throws Exception {
        ProcessInstance instance = start(AuditMode.RANDOM);
        replacement = "jy_auditor";

        respond(instance, SECOND, false);

        assertThat(instance).hasPassed(SERVICE_REDRAW).isWaitingAt(TASK_ACCEPT_ASSIGNMENT);
        verify(delegates.get(REDRAW)).execute(any());
        Assertions.assertThat(delegates.calls(REDRAW)).singleElement().satisfies(call -> {
            Assertions.assertThat(call.activityId()).isEqualTo(SERVICE_REDRAW);
            Assertions.assertThat(call.businessKey()).isEqualTo("AUDIT:" + AUDIT_ID);
            Assertions.assertThat(call.variable(VAR_AUDITOR)).as("the redraw knows who declined").isEqualTo(SECOND);
            Assertions.assertThat(call.variable(VAR_ACCEPTED)).isEqualTo(false);
        });
        Assertions.assertThat(assigneesAt(instance, TASK_ACCEPT_ASSIGNMENT)).containsExactlyInAnyOrder(LEAD, "jy_auditor");
        assertThat(instance).hasNotPassed(TASK_REASSIGN_AUDITOR);

        accept(instance, "jy_auditor");
        accept(instance, LEAD);
        runContinuations(instance);

        assertThat(instance).isWaitingAt(TASK_FILE_RECORD);
        Assertions.assertThat(assigneesAt(instance, TASK_FILE_RECORD)).containsExactlyInAnyOrder(LEAD, "jy_auditor");
    }

    @Test
    void whenThePoolIsExhaustedTheDeptNamesTheReplacement() throws Exception {
        ProcessInstance instance = start(AuditMode.FIXED);
        replacement = null;

        respond(instance, SECOND, false);

        assertThat(instance).hasPassedInOrder(SERVICE_REDRAW, "poolExhausted_gw").isWaitingAt(TASK_REASSIGN_AUDITOR);
        Task reassign = taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_REASSIGN_AUDITOR).singleResult();
        assertThat(reassign).hasCandidateGroup("org:3:dept").isNotAssigned();
        Assertions.assertThat(assigneesAt(instance, TASK_ACCEPT_ASSIGNMENT)).as("the other auditor's slot is untouched")
            .containsExactly(LEAD);

        complete(reassign, withVariables(VAR_AUDITOR, "wf_auditor"));

        Assertions.assertThat(assigneesAt(instance, TASK_ACCEPT_ASSIGNMENT)).containsExactlyInAnyOrder(LEAD, "wf_auditor");
        accept(instance, "wf_auditor");
        accept(instance, LEAD);
        runContinuations(instance);
        assertThat(instance).hasPassed(TASK_REASSIGN_AUDITOR, SERVICE_CONFIRM_AUDITORS).isWaitingAt(TASK_FILE_RECORD);
    }

    @Test
    void aRectifyVerdictSendsANoticeAndAnAcceptedReportClosesTheAudit() throws Exception {
        ProcessInstance instance = attendedWith(Verdict.RECTIFY);

        assertThat(instance).hasPassedInOrder(SERVICE_CONCLUDE, "verdict_gw", SERVICE_NOTICE_RECTIFICATION)
            .isWaitingAt(TASK_SUBMIT_RECTIFICATION);
        calledOnceAt(NOTICE, SERVICE_NOTICE_RECTIFICATION);
        assertThat(task(instance)).as("the audited organisation's secretary reports")
            .hasCandidateGroup("org:7:secretary").hasDueDate(RECTIFY_BY);
        assertThat(job(TIMER_RECTIFICATION_OVERDUE, instance)).hasDueDate(RECTIFY_BY);

        complete(task(instance));

        assertThat(instance).isWaitingAt(TASK_REVIEW_RECTIFICATION);
        assertThat(task(instance)).as("the lead auditor reviews the report").isAssignedTo(LEAD);
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("the overdue timer is gone")
            .isZero();
        complete(task(instance), withVariables(Decision.VARIABLE, Decision.APPROVE.value()));

        assertThat(instance).hasPassedInOrder(TASK_SUBMIT_RECTIFICATION, TASK_REVIEW_RECTIFICATION, END_RECTIFIED)
            .hasNotPassed(END_PASSED, SERVICE_REPORT_OVERDUE).isEnded();
        verify(delegates.get(OVERDUE), never()).execute(any());
    }

    @Test
    void aReturnedReportGoesBackToTheSecretaryAndTheNextOneIsReviewedAgain() throws Exception {
        ProcessInstance instance = attendedWith(Verdict.RECTIFY);
        complete(task(instance));

        complete(task(instance), withVariables(Decision.VARIABLE, Decision.RETURN.value(),
            Decision.COMMENT, "请逐条说明整改措施和完成时限"));

        assertThat(instance).hasPassedInOrder(TASK_REVIEW_RECTIFICATION, "rectificationDecision_gw")
            .isWaitingAt(TASK_SUBMIT_RECTIFICATION);
        assertThat(task(instance)).hasCandidateGroup("org:7:secretary").hasDueDate(RECTIFY_BY);
        assertThat(job(TIMER_RECTIFICATION_OVERDUE, instance)).as("the deadline holds again").hasDueDate(RECTIFY_BY);

        complete(task(instance));
        assertThat(task(instance)).isAssignedTo(LEAD);
        complete(task(instance), withVariables(Decision.VARIABLE, Decision.APPROVE.value()));

        assertThat(instance).hasPassedInOrder(TASK_SUBMIT_RECTIFICATION, TASK_REVIEW_RECTIFICATION,
            TASK_SUBMIT_RECTIFICATION, TASK_REVIEW_RECTIFICATION, END_RECTIFIED).isEnded();
        calledOnceAt(NOTICE, SERVICE_NOTICE_RECTIFICATION);
    }

    @Test
    void anOverdueRectificationIsReportedAndTheReportIsStillAwaited() throws Exception {
        ProcessInstance instance = attendedWith(Verdict.RECTIFY);
        String report = task(instance).getId();

        execute(job(TIMER_RECTIFICATION_OVERDUE, instance));

        assertThat(instance).hasPassedInOrder(TIMER_RECTIFICATION_OVERDUE, SERVICE_REPORT_OVERDUE, END_OVERDUE_REPORTED)
            .isWaitingAt(TASK_SUBMIT_RECTIFICATION);
        Assertions.assertThat(task(instance).getId()).as("the same report step, not a new one").isEqualTo(report);
        verify(delegates.get(OVERDUE), times(1)).execute(any());
        calledOnceAt(OVERDUE, SERVICE_REPORT_OVERDUE);

        complete(task(instance));
        complete(task(instance), withVariables(Decision.VARIABLE, Decision.APPROVE.value()));
        assertThat(instance).hasPassed(END_RECTIFIED).isEnded();
    }

    private ProcessInstance start(AuditMode mode) {
        return runtimeService().startProcessInstanceByKey(KEY, AuditSitInProcess.SUBJECT_TYPE + ":" + AUDIT_ID,
            withVariables(VAR_AUDIT_ID, AUDIT_ID, Workflow.VAR_ORG_ID, TOWN, Workflow.VAR_TITLE, "卞桥镇党委理论学习中心组学习会巡听",
                AuditSitInProcess.VAR_DEPT_ORG_ID, DEPT, AuditSitInProcess.VAR_MODE, mode.name(),
                AuditSitInProcess.VAR_ACCEPT_BY, ACCEPT_BY));
    }

    @Test
    void theAcceptanceWindowMovesWithTheSessionAndWhenItClosesTheDeptIsToldWhileTheAuditorsMayStillAnswer()
        throws Exception {
        ProcessInstance instance = start(AuditMode.FIXED);
        assertThat(job(TIMER_ACCEPTANCE_OVERDUE, instance)).hasDueDate(ACCEPT_BY);
        Date moved = Date.from(Instant.parse("2099-06-30T01:00:00Z"));

        Assertions.assertThat(EngineTimers.workflow(engine.getProcessEngine())
            .moveTimer(instance.getId(), TIMER_ACCEPTANCE_OVERDUE, moved)).isOne();

        Assertions.assertThat(EngineTimers.due(engine.getProcessEngine(), instance.getId(), TIMER_ACCEPTANCE_OVERDUE))
            .isEqualTo(moved);
        accept(instance, LEAD);
        execute(job(TIMER_ACCEPTANCE_OVERDUE, instance));
        assertThat(instance).hasPassed(TIMER_ACCEPTANCE_OVERDUE, SERVICE_REPORT_PENDING_ACCEPTANCE,
            END_PENDING_ACCEPTANCE_REPORTED).isWaitingAt(TASK_ACCEPT_ASSIGNMENT);
        calledOnceAt(ACCEPTANCE_OVERDUE, SERVICE_REPORT_PENDING_ACCEPTANCE);
        accept(instance, SECOND);
        runContinuations(instance);
        assertThat(instance).isWaitingAt(TASK_FILE_RECORD);
    }

    @Test
    void theAcceptanceTimerIsGoneOnceEveryAuditorAccepted() throws Exception {
        ProcessInstance instance = start(AuditMode.RANDOM);
        accept(instance, LEAD);
        accept(instance, SECOND);
        runContinuations(instance);

        assertThat(instance).isWaitingAt(TASK_FILE_RECORD);
        Assertions.assertThat(EngineTimers.due(engine.getProcessEngine(), instance.getId(), TIMER_ACCEPTANCE_OVERDUE))
            .isNull();
        verify(delegates.get(ACCEPTANCE_OVERDUE), never()).execute(any());
    }

    /** A fixed audit whose two auditors accepted and filed their records, concluded with {@code verdict}. */
    private ProcessInstance attendedWith(Verdict verdict) throws Exception {
        this.verdict = verdict;
        ProcessInstance instance = start(AuditMode.FIXED);
        accept(instance, LEAD);
        accept(instance, SECOND);
        runContinuations(instance);
        fileRecord(instance, LEAD);
        fileRecord(instance, SECOND);
        runContinuations(instance);
        calledOnceAt(CONCLUDE, SERVICE_CONCLUDE);
        return instance;
    }

    private void accept(ProcessInstance instance, String auditor) {
        respond(instance, auditor, true);
        confirmed.add(auditor);
    }

    private static void respond(ProcessInstance instance, String auditor, boolean accepted) {
        complete(taskOf(instance, TASK_ACCEPT_ASSIGNMENT, auditor), withVariables(VAR_ACCEPTED, accepted));
    }

    private static void fileRecord(ProcessInstance instance, String auditor) {
        complete(taskOf(instance, TASK_FILE_RECORD, auditor));
    }

    private static Task taskOf(ProcessInstance instance, String step, String assignee) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(step).taskAssignee(assignee).singleResult();
    }

    private static List<String> assigneesAt(ProcessInstance instance, String step) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(step).list().stream()
            .map(Task::getAssignee).toList();
    }

    /** Runs the asynchronous continuations that the job executor would, until none is left; timers stay. */
    private static void runContinuations(ProcessInstance instance) {
        List<Job> due;
        while (!(due = jobQuery().processInstanceId(instance.getId()).messages().list()).isEmpty()) {
            due.forEach(job -> execute(job));
        }
    }

    /** The delegate ran once, at {@code activityId} of this audit's instance, and saw its id. */
    private void calledOnceAt(String delegate, String activityId) throws Exception {
        verify(delegates.get(delegate)).execute(any());
        delegates.calledOnceAt(delegate, activityId, "AUDIT:" + AUDIT_ID, VAR_AUDIT_ID, AUDIT_ID);
    }
}
