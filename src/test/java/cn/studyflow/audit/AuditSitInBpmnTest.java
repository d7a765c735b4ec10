package cn.studyflow.audit;

import static cn.studyflow.audit.AuditSitInProcess.END_PENDING_ACCEPTANCE_REPORTED;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_REPORT_PENDING_ACCEPTANCE;
import static cn.studyflow.audit.AuditSitInProcess.TIMER_ACCEPTANCE_OVERDUE;
import static cn.studyflow.audit.AuditSitInProcess.END_INVITATION_DECLINED;
import static cn.studyflow.audit.AuditSitInProcess.END_PASSED;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_CONCLUDE;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_CONFIRM_AUDITORS;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_NOTICE_RECTIFICATION;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_PREPARE_ACCEPTANCE;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_REDRAW;
import static cn.studyflow.audit.AuditSitInProcess.SUBPROCESS_ACCEPTANCE;
import static cn.studyflow.audit.AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT;
import static cn.studyflow.audit.AuditSitInProcess.TASK_FILE_RECORD;
import static cn.studyflow.audit.AuditSitInProcess.TASK_REASSIGN_AUDITOR;
import static cn.studyflow.audit.AuditSitInProcess.TASK_REVIEW_INVITATION;
import static cn.studyflow.audit.AuditSitInProcess.VAR_ACCEPTED;
import static cn.studyflow.audit.AuditSitInProcess.VAR_AUDITOR;
import static cn.studyflow.audit.AuditSitInProcess.VAR_INVITATION_APPROVED;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.studyflow.support.BpmnEngine;
import cn.studyflow.workflow.EngineTimers;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * processes/audit-sit-in.bpmn on its own, up to the auditors' records: fixed and random audits whose auditors
 * accept, attend and pass; an invitation approved by the dept and one declined; a declined assignment redrawn
 * into the same slot, and a pool exhausted so that the dept names the replacement; the acceptance window moved
 * with the session, telling the dept when it closes while the auditors may still answer, and its timer gone
 * once everyone accepted. The rectification paths are in {@code AuditSitInRectificationBpmnTest};
 * {@code AuditSitInProcessTest} walks the same paths through StudyFlow's services.
 */
@DisabledIfSystemProperty(named = "studyflow.test.database", matches = "postgres",
    disabledReason = "runs on an in-memory engine of its own, whichever the database of the run")
@Deployment(resources = "processes/audit-sit-in.bpmn")
class AuditSitInBpmnTest extends AuditSitInBpmnFixture {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnEngine.extension();

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

    private static List<String> assigneesAt(ProcessInstance instance, String step) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(step).list().stream()
            .map(Task::getAssignee).toList();
    }
}
