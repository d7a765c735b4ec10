package cn.studyflow.audit;

import static cn.studyflow.audit.AuditSitInProcess.END_INVITATION_DECLINED;
import static cn.studyflow.audit.AuditSitInProcess.END_PASSED;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_CONCLUDE;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_CONFIRM_AUDITORS;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_NOTICE_RECTIFICATION;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_REDRAW;
import static cn.studyflow.audit.AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT;
import static cn.studyflow.audit.AuditSitInProcess.TASK_FILE_RECORD;
import static cn.studyflow.audit.AuditSitInProcess.TASK_REASSIGN_AUDITOR;
import static cn.studyflow.audit.AuditSitInProcess.TASK_REVIEW_INVITATION;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.studyflow.common.BusinessException;
import cn.studyflow.notify.Notification;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.session.StudySession;
import cn.studyflow.workflow.TaskInfo;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Walks audit-sit-in.bpmn through StudyFlow's services up to the auditors' records: an audit whose records all
 * pass is closed as passed; a decline draws a replacement who is never of the audited organisation; when the pool
 * is exhausted the dept brings in and names the replacement; an invitation approved goes to the auditors the dept
 * names, and one declined needs a reason and ends the process. The rectification paths are in
 * {@code AuditSitInRectificationTest}, the draws and the one-audit-a-day refusals in {@code AuditSitInPlanningTest}.
 */
class AuditSitInProcessTest extends AuditSitInFixture {

    static final AtomicInteger EXTRA_AUDITORS = new AtomicInteger();

    @Autowired AuditDrawService draws;

    @Test
    void auditWhoseRecordsAllPassIsClosedAsPassed() {
        Audit audit = fixedAudit(qzAuditor, wfzAuditor);
        ProcessInstance instance = instance(audit);

        assertThat(instance).isWaitingAt(TASK_ACCEPT_ASSIGNMENT);
        Assertions.assertThat(tasksAt(audit, TASK_ACCEPT_ASSIGNMENT)).extracting(TaskInfo::assignee)
            .containsExactlyInAnyOrder("qz_auditor", "wfz_auditor");
        Assertions.assertThat(latestKey(wfzAuditor)).isEqualTo("audit.notify.assigned");

        accept(audit, qzAuditor);
        accept(audit, wfzAuditor);
        fx.runAsyncJobs(instance.getId());

        assertThat(instance).isWaitingAt(TASK_FILE_RECORD);
        Assertions.assertThat(statusOf(audit)).isEqualTo(AuditStatus.SCHEDULED);
        Assertions.assertThat(latestKey(secretary)).isEqualTo("audit.notify.scheduled");
        file(audit, qzAuditor, Verdict.PASS);
        file(audit, wfzAuditor, Verdict.PASS);
        fx.runAsyncJobs(instance.getId());

        assertThat(instance).hasPassedInOrder(TASK_ACCEPT_ASSIGNMENT, SERVICE_CONFIRM_AUDITORS, TASK_FILE_RECORD,
            SERVICE_CONCLUDE, END_PASSED).hasNotPassed(SERVICE_NOTICE_RECTIFICATION).isEnded();
        Audit closed = mapper.selectAudit(audit.getId());
        Assertions.assertThat(closed.getStatus()).isEqualTo(AuditStatus.PASSED);
        Assertions.assertThat(closed.getVerdict()).isEqualTo(Verdict.PASS);
        Assertions.assertThat(closed.getClosedAt()).isNotNull();
        Assertions.assertThat(audits.records(closed)).hasSize(2)
            .allSatisfy(r -> Assertions.assertThat(r.getPoints()).hasSize(audits.checklist().size()));
        Assertions.assertThat(latestKey(dept)).isEqualTo("audit.notify.passed");
        Assertions.assertThat(latestKey(secretary)).isEqualTo("audit.notify.passed");
    }

    @Test
    void aDeclineDrawsAReplacementWhoIsNeverOfTheAuditedOrganisation() {
        Audit audit = fixedAudit(qzAuditor);
        ProcessInstance instance = instance(audit);

        assignmentSteps.respond(taskOf(audit, TASK_ACCEPT_ASSIGNMENT, qzAuditor).id(), qzAuditor,
            new AuditRequests.Response(false, "当天有市委常委会"));

        assertThat(instance).hasPassed(SERVICE_REDRAW).isWaitingAt(TASK_ACCEPT_ASSIGNMENT);
        List<AuditAssignment> assignments = audits.assignments(audit);
        Assertions.assertThat(assignments).hasSize(2);
        AuditAssignment declined = assignments.get(0);
        AuditAssignment replacement = assignments.get(1);
        Assertions.assertThat(declined.getStatus()).isEqualTo(AssignmentStatus.DECLINED);
        Assertions.assertThat(declined.getDeclineReason()).isEqualTo("当天有市委常委会");
        Assertions.assertThat(declined.isLead()).isFalse();
        Assertions.assertThat(replacement.getUsername()).as("never bq's own auditor").isIn("wfz_auditor", "jy_auditor");
        Assertions.assertThat(replacement.isLead()).as("the lead passes to the replacement").isTrue();
        Assertions.assertThat(replacement.getReplacesId()).isEqualTo(declined.getId());
        Assertions.assertThat(tasksAt(audit, TASK_ACCEPT_ASSIGNMENT)).extracting(TaskInfo::assignee)
            .containsExactly(replacement.getUsername());
        Assertions.assertThat(latestKey(dept)).isEqualTo("audit.notify.declined");

        StoredDraw redraw = mapper.selectDraw(replacement.getDrawId());
        Assertions.assertThat(redraw.getKind()).isEqualTo(StoredDraw.Kind.REPLACEMENT);
        Assertions.assertThat(redraw.getAuditId()).isEqualTo(audit.getId());
        Assertions.assertThat(draws.verify(redraw).matches()).isTrue();
        Assertions.assertThat(draws.inputOf(redraw).excludedPersonIds()).contains(qzAuditor.getPersonId());

        CurrentUser drawn = user(replacement.getUsername());
        accept(audit, drawn);
        fx.runAsyncJobs(instance.getId());
        assertThat(instance).isWaitingAt(TASK_FILE_RECORD);
        Assertions.assertThat(tasksAt(audit, TASK_FILE_RECORD)).extracting(TaskInfo::assignee)
            .containsExactly(replacement.getUsername());
        file(audit, drawn, Verdict.PASS);
        fx.runAsyncJobs(instance.getId());
        assertThat(instance).hasPassed(END_PASSED).isEnded();
    }

    @Test
    void whenThePoolIsExhaustedTheDeptNamesTheReplacement() {
        Audit audit = fixedAudit(qzAuditor, wfzAuditor, jyAuditor);
        ProcessInstance instance = instance(audit);

        assignmentSteps.respond(taskOf(audit, TASK_ACCEPT_ASSIGNMENT, jyAuditor).id(), jyAuditor,
            new AuditRequests.Response(false, "外出培训"));

        assertThat(instance).hasPassed(SERVICE_REDRAW).isWaitingAt(TASK_REASSIGN_AUDITOR, TASK_ACCEPT_ASSIGNMENT);
        TaskInfo reassign = tasksAt(audit, TASK_REASSIGN_AUDITOR).get(0);
        Assertions.assertThat(workflow.candidateGroups(reassign.id())).containsExactly(Role.DEPT.group(dept.getOrgId()));
        Assertions.assertThat(latestKey(dept)).isEqualTo("audit.notify.poolExhausted");
        Assertions.assertThat(audits.eligibleAuditors(audit)).isEmpty();

        // the dept brings a new auditor into the pool and names them
        CurrentUser newcomer = newAuditorOf("qz");
        fx.pool.add(dept, newcomer.getPersonId(), "党史");
        Assertions.assertThat(audits.eligibleAuditors(audit)).extracting(PoolMember::getUsername)
            .containsExactly(newcomer.getUsername());
        assertThatThrownBy(() -> assignmentSteps.reassign(reassign.id(), dept, bqAuditor.getPersonId()))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> Assertions.assertThat(e.getMessageKey()).isEqualTo("audit.error.auditorNotEligible"));
        assignmentSteps.reassign(reassign.id(), dept, newcomer.getPersonId());

        Assertions.assertThat(tasksAt(audit, TASK_ACCEPT_ASSIGNMENT)).extracting(TaskInfo::assignee)
            .containsExactlyInAnyOrder("qz_auditor", "wfz_auditor", newcomer.getUsername());
        accept(audit, qzAuditor);
        accept(audit, wfzAuditor);
        accept(audit, newcomer);
        fx.runAsyncJobs(instance.getId());

        assertThat(instance).hasPassed(TASK_REASSIGN_AUDITOR).isWaitingAt(TASK_FILE_RECORD);
        Assertions.assertThat(tasksAt(audit, TASK_FILE_RECORD)).extracting(TaskInfo::assignee)
            .containsExactlyInAnyOrder("qz_auditor", "wfz_auditor", newcomer.getUsername());
    }

    @Test
    void anApprovedInvitationGoesToTheAuditorsTheDeptNames() {
        StudySession session = fx.sessionsThisMonth(secretary, leader, 1).get(0);
        Audit audit = planning.requestInvitation(secretary,
            new AuditRequests.Invitation(session.getId(), AuditFixtures.today(), "请上级指导我镇中心组学习"));
        ProcessInstance instance = instance(audit);

        assertThat(instance).isWaitingAt(TASK_REVIEW_INVITATION);
        TaskInfo review = tasksAt(audit, TASK_REVIEW_INVITATION).get(0);
        Assertions.assertThat(workflow.candidateGroups(review.id())).containsExactly(Role.DEPT.group(dept.getOrgId()));
        Assertions.assertThat(statusOf(audit)).isEqualTo(AuditStatus.REQUESTED);
        Assertions.assertThat(latestKey(dept)).isEqualTo("audit.notify.invited");

        assignmentSteps.decideInvitation(review.id(), dept, new AuditRequests.InvitationDecision(true,
            List.of(jyAuditor.getPersonId(), qzAuditor.getPersonId()), qzAuditor.getPersonId(), null));

        assertThat(instance).isWaitingAt(TASK_ACCEPT_ASSIGNMENT);
        Assertions.assertThat(tasksAt(audit, TASK_ACCEPT_ASSIGNMENT)).extracting(TaskInfo::assignee)
            .containsExactlyInAnyOrder("qz_auditor", "jy_auditor");
        Assertions.assertThat(audits.assignments(audit)).filteredOn(AuditAssignment::isLead).singleElement()
            .satisfies(a -> Assertions.assertThat(a.getUsername()).isEqualTo("qz_auditor"));
        Assertions.assertThat(latestKey(secretary)).isEqualTo("audit.notify.invitationApproved");

        accept(audit, qzAuditor);
        accept(audit, jyAuditor);
        fx.runAsyncJobs(instance.getId());
        file(audit, qzAuditor, Verdict.PASS);
        file(audit, jyAuditor, Verdict.PASS);
        fx.runAsyncJobs(instance.getId());
        assertThat(instance).hasPassedInOrder(TASK_REVIEW_INVITATION, TASK_ACCEPT_ASSIGNMENT, TASK_FILE_RECORD,
            END_PASSED).isEnded();
    }

    @Test
    void aDeclinedInvitationNeedsAReasonAndEndsTheProcess() {
        StudySession session = fx.sessionsThisMonth(secretary, leader, 1).get(0);
        Audit audit = planning.requestInvitation(secretary,
            new AuditRequests.Invitation(session.getId(), AuditFixtures.today(), null));
        ProcessInstance instance = instance(audit);
        TaskInfo review = tasksAt(audit, TASK_REVIEW_INVITATION).get(0);

        assertThatThrownBy(() -> assignmentSteps.decideInvitation(review.id(), dept,
            new AuditRequests.InvitationDecision(false, null, null, "  ")))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> Assertions.assertThat(e.getMessageKey()).isEqualTo("audit.error.reasonRequired"));
        assertThat(instance).isWaitingAt(TASK_REVIEW_INVITATION);

        assignmentSteps.decideInvitation(review.id(), dept,
            new AuditRequests.InvitationDecision(false, null, null, "本月已安排对该镇的固定巡听"));

        assertThat(instance).hasPassed(END_INVITATION_DECLINED).isEnded();
        Audit declined = mapper.selectAudit(audit.getId());
        Assertions.assertThat(declined.getStatus()).isEqualTo(AuditStatus.DECLINED);
        Assertions.assertThat(declined.getDeclineReason()).isEqualTo("本月已安排对该镇的固定巡听");
        Notification told = latest(secretary);
        Assertions.assertThat(told.getMessageKey()).isEqualTo("audit.notify.invitationDeclined");
        Assertions.assertThat(told.argList()).contains("本月已安排对该镇的固定巡听");
        // a declined invitation leaves the session free for another audit
        Assertions.assertThat(mapper.countStandingAudits(session.getId())).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private CurrentUser newAuditorOf(String orgCode) {
        CurrentUser colleague = user(orgCode + "_auditor");
        String username = orgCode + "_auditor_x" + EXTRA_AUDITORS.incrementAndGet();
        orgService.createPerson(username, "新巡听员" + EXTRA_AUDITORS.get(), colleague.getOrg(), "x", List.of(Role.AUDITOR));
        return user(username);
    }
}
