package cn.studyflow.audit;

import static cn.studyflow.audit.AuditSitInProcess.END_RECTIFIED;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_CONCLUDE;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_NOTICE_RECTIFICATION;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_REPORT_OVERDUE;
import static cn.studyflow.audit.AuditSitInProcess.TASK_FILE_RECORD;
import static cn.studyflow.audit.AuditSitInProcess.TASK_REVIEW_RECTIFICATION;
import static cn.studyflow.audit.AuditSitInProcess.TASK_SUBMIT_RECTIFICATION;
import static cn.studyflow.audit.AuditSitInProcess.TIMER_RECTIFICATION_OVERDUE;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationTexts;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.PersonNames;
import cn.studyflow.org.Role;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Walks audit-sit-in.bpmn through StudyFlow's services after the records: one rectify verdict sends a notice with
 * the deadline and an accepted report closes the audit as rectified; a returned report goes back to the secretary
 * who wrote it with the comment and is accepted next time, each round kept; an overdue rectification is reported
 * to the dept and the lead auditor and a late report is still taken. Each starts from a fixed audit whose
 * auditors accepted and wait to file their records.
 */
class AuditSitInRectificationTest extends AuditSitInFixture {

    @Autowired NotificationTexts texts;
    @Autowired PersonNames names;
    @Autowired TasklistService tasks;

    @Test
    void oneRectifyVerdictSendsANoticeAndAnAcceptedReportClosesIt() {
        Audit audit = scheduledAudit(qzAuditor, jyAuditor);
        ProcessInstance instance = instance(audit);
        file(audit, qzAuditor, Verdict.PASS);
        file(audit, jyAuditor, Verdict.RECTIFY);
        fx.runAsyncJobs(instance.getId());

        assertThat(instance).isWaitingAt(TASK_SUBMIT_RECTIFICATION);
        TaskInfo report = tasksAt(audit, TASK_SUBMIT_RECTIFICATION).get(0);
        Assertions.assertThat(workflow.candidateGroups(report.id())).containsExactly(Role.SECRETARY.group(secretary.getOrgId()));
        LocalDate deadline = AuditFixtures.today().plusDays(30);
        Assertions.assertThat(report.due().toLocalDate()).isEqualTo(deadline);
        Audit rectifying = mapper.selectAudit(audit.getId());
        Assertions.assertThat(rectifying.getStatus()).isEqualTo(AuditStatus.RECTIFYING);
        Assertions.assertThat(rectifying.getRectificationDeadline()).isEqualTo(deadline);
        Notification notice = latest(secretary);
        Assertions.assertThat(notice.getMessageKey()).isEqualTo("audit.notify.rectify");
        Assertions.assertThat(notice.argList()).contains(deadline.toString());

        recordSteps.submitRectification(audit.getId(), secretary, "已组织专题学习，补齐学习记录，规范考勤。");

        assertThat(instance).isWaitingAt(TASK_REVIEW_RECTIFICATION);
        TaskInfo review = tasksAt(audit, TASK_REVIEW_RECTIFICATION).get(0);
        Assertions.assertThat(review.assignee()).as("the lead auditor reviews").isEqualTo("qz_auditor");
        Assertions.assertThat(statusOf(audit)).isEqualTo(AuditStatus.REVIEWING);
        Assertions.assertThat(latestKey(qzAuditor)).isEqualTo("audit.notify.rectificationSubmitted");

        tasks.decide(review.id(), qzAuditor, Decision.APPROVE, "整改到位");

        assertThat(instance).hasPassedInOrder(TASK_FILE_RECORD, SERVICE_CONCLUDE, SERVICE_NOTICE_RECTIFICATION,
            TASK_SUBMIT_RECTIFICATION, TASK_REVIEW_RECTIFICATION, END_RECTIFIED).isEnded();
        Audit closed = mapper.selectAudit(audit.getId());
        Assertions.assertThat(closed.getStatus()).isEqualTo(AuditStatus.RECTIFIED);
        Assertions.assertThat(closed.getVerdict()).isEqualTo(Verdict.RECTIFY);
        Assertions.assertThat(audits.rectifications(closed)).singleElement()
            .satisfies(r -> Assertions.assertThat(r.getDecision()).isEqualTo("approve"));
        Assertions.assertThat(latestKey(secretary)).isEqualTo("audit.notify.rectified");
        Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
            .as("the overdue timer is gone").isZero();
    }

    @Test
    void returnedReportGoesBackToTheSecretaryWithTheCommentAndIsAcceptedNextTime() {
        Audit audit = scheduledAudit(wfzAuditor, jyAuditor);
        ProcessInstance instance = instance(audit);
        file(audit, wfzAuditor, Verdict.RECTIFY);
        file(audit, jyAuditor, Verdict.RECTIFY);
        fx.runAsyncJobs(instance.getId());
        recordSteps.submitRectification(audit.getId(), secretary, "已整改。");

        TaskInfo review = tasksAt(audit, TASK_REVIEW_RECTIFICATION).get(0);
        Assertions.assertThat(review.assignee()).isEqualTo("wfz_auditor");
        tasks.decide(review.id(), wfzAuditor, Decision.RETURN, "请逐条说明整改措施和完成时限");

        assertThat(instance).isWaitingAt(TASK_SUBMIT_RECTIFICATION);
        // the returned report is the task of the secretary who wrote it, no longer only their group's
        Assertions.assertThat(tasksAt(audit, TASK_SUBMIT_RECTIFICATION).get(0).assignee())
            .isEqualTo(secretary.getUsername());
        Assertions.assertThat(statusOf(audit)).isEqualTo(AuditStatus.RECTIFYING);
        Notification returned = latest(secretary);
        Assertions.assertThat(returned.getMessageKey()).isEqualTo("audit.notify.rectificationReturned");
        Assertions.assertThat(texts.args(returned)).contains("请逐条说明整改措施和完成时限", names.byId(wfzAuditor.getPersonId()));

        recordSteps.submitRectification(audit.getId(), secretary, "一、补学两次；二、完善考勤制度，12月底前完成。");
        tasks.decide(tasksAt(audit, TASK_REVIEW_RECTIFICATION).get(0).id(), wfzAuditor, Decision.APPROVE, null);

        assertThat(instance).hasPassedInOrder(TASK_SUBMIT_RECTIFICATION, TASK_REVIEW_RECTIFICATION,
            TASK_SUBMIT_RECTIFICATION, TASK_REVIEW_RECTIFICATION, END_RECTIFIED).isEnded();
        List<Rectification> rounds = audits.rectifications(mapper.selectAudit(audit.getId()));
        Assertions.assertThat(rounds).extracting(Rectification::getRoundNo).containsExactly(1, 2);
        Assertions.assertThat(rounds).extracting(Rectification::getDecision).containsExactly("return", "approve");
        Assertions.assertThat(rounds.get(0).getReviewComment()).isEqualTo("请逐条说明整改措施和完成时限");
        Assertions.assertThat(statusOf(audit)).isEqualTo(AuditStatus.RECTIFIED);
    }

    @Test
    void anOverdueRectificationIsReportedToTheDeptAndTheLeadAuditor() {
        Audit audit = scheduledAudit(qzAuditor);
        ProcessInstance instance = instance(audit);
        file(audit, qzAuditor, Verdict.RECTIFY);
        fx.runAsyncJobs(instance.getId());
        assertThat(instance).isWaitingAt(TASK_SUBMIT_RECTIFICATION);

        execute(job(TIMER_RECTIFICATION_OVERDUE, instance));

        assertThat(instance).hasPassed(SERVICE_REPORT_OVERDUE).isWaitingAt(TASK_SUBMIT_RECTIFICATION);
        Notification told = latest(dept);
        Assertions.assertThat(told.getMessageKey()).isEqualTo("audit.notify.overdue");
        Assertions.assertThat(told.argList()).contains(AuditFixtures.today().plusDays(30).toString());
        Assertions.assertThat(latestKey(qzAuditor)).isEqualTo("audit.notify.overdue");
        Assertions.assertThat(audits.timeline(audit)).extracting(a -> a.getAction()).contains("AUDIT_RECTIFY_OVERDUE");

        // a late report is still taken
        recordSteps.submitRectification(audit.getId(), secretary, "逾期提交的整改报告");
        tasks.decide(tasksAt(audit, TASK_REVIEW_RECTIFICATION).get(0).id(), qzAuditor, Decision.APPROVE, null);
        assertThat(instance).hasPassed(END_RECTIFIED).isEnded();
    }

    // ---------------------------------------------------------------- helpers

    /** A fixed audit every auditor accepted, waiting for the records. */
    private Audit scheduledAudit(CurrentUser... auditors) {
        Audit audit = fixedAudit(auditors);
        for (CurrentUser a : auditors) {
            accept(audit, a);
        }
        fx.runAsyncJobs(audit.getProcessInstanceId());
        assertThat(instance(audit)).isWaitingAt(TASK_FILE_RECORD);
        return audit;
    }
}
