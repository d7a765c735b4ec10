package cn.studyflow.audit;

import static cn.studyflow.audit.AuditSitInProcess.END_OVERDUE_REPORTED;
import static cn.studyflow.audit.AuditSitInProcess.END_PASSED;
import static cn.studyflow.audit.AuditSitInProcess.END_RECTIFIED;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_CONCLUDE;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_NOTICE_RECTIFICATION;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_REPORT_OVERDUE;
import static cn.studyflow.audit.AuditSitInProcess.TASK_REVIEW_RECTIFICATION;
import static cn.studyflow.audit.AuditSitInProcess.TASK_SUBMIT_RECTIFICATION;
import static cn.studyflow.audit.AuditSitInProcess.TIMER_RECTIFICATION_OVERDUE;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.studyflow.support.BpmnEngine;
import cn.studyflow.task.Decision;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * processes/audit-sit-in.bpmn on its own, after the records: a rectify verdict sends a notice and a report to the
 * audited organisation's secretary with its deadline, which the lead auditor accepts; a returned report goes back
 * to the secretary under the same deadline and is reviewed again; an overdue rectification is reported while the
 * same report step still waits. Each starts from a fixed audit whose two auditors accepted and filed their
 * records. {@code AuditSitInRectificationTest} walks the same paths through StudyFlow's services.
 */
@DisabledIfSystemProperty(named = "studyflow.test.database", matches = "postgres",
    disabledReason = "runs on an in-memory engine of its own, whichever the database of the run")
@Deployment(resources = "processes/audit-sit-in.bpmn")
class AuditSitInRectificationBpmnTest extends AuditSitInBpmnFixture {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnEngine.extension();

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
}
