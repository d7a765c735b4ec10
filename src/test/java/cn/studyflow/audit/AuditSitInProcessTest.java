package cn.studyflow.audit;

import static cn.studyflow.audit.AuditSitInProcess.END_INVITATION_DECLINED;
import static cn.studyflow.audit.AuditSitInProcess.END_PASSED;
import static cn.studyflow.audit.AuditSitInProcess.END_RECTIFIED;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_CONCLUDE;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_CONFIRM_AUDITORS;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_NOTICE_RECTIFICATION;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_REDRAW;
import static cn.studyflow.audit.AuditSitInProcess.SERVICE_REPORT_OVERDUE;
import static cn.studyflow.audit.AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT;
import static cn.studyflow.audit.AuditSitInProcess.TASK_FILE_RECORD;
import static cn.studyflow.audit.AuditSitInProcess.TASK_REASSIGN_AUDITOR;
import static cn.studyflow.audit.AuditSitInProcess.TASK_REVIEW_INVITATION;
import static cn.studyflow.audit.AuditSitInProcess.TASK_REVIEW_RECTIFICATION;
import static cn.studyflow.audit.AuditSitInProcess.TASK_SUBMIT_RECTIFICATION;
import static cn.studyflow.audit.AuditSitInProcess.TIMER_RECTIFICATION_OVERDUE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.notify.NotificationTexts;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.PersonNames;
import cn.studyflow.org.Role;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Walks every path of audit-sit-in.bpmn through StudyFlow's services: passed; rectified at once; returned and
 * then rectified; a decline and its redraw; a pool exhausted and a reassignment; an overdue rectification;
 * an invitation approved and one declined. The demo tree: 青州市委 (qz) runs the programme over 卞桥镇 (bq),
 * 王坟镇 (wfz) and 教育局 (jy); its pool holds the auditors of qz, wfz, jy and bq.
 */
class AuditSitInProcessTest extends IntegrationTest {

    static final AtomicInteger EXTRA_AUDITORS = new AtomicInteger();

    @Autowired ProcessEngine engine;
    @Autowired NotificationTexts texts;
    @Autowired PersonNames names;
    @Autowired ApplicationContext context;
    @Autowired AuditService audits;
    @Autowired AuditPlanning planning;
    @Autowired AuditAssignmentSteps assignmentSteps;
    @Autowired AuditRecordSteps recordSteps;
    @Autowired AuditDrawService draws;
    @Autowired AuditMapper mapper;
    @Autowired TasklistService tasks;
    @Autowired Workflow workflow;
    @Autowired NotificationMapper notifications;

    AuditFixtures fx;
    CurrentUser dept;
    CurrentUser qzAuditor;
    CurrentUser wfzAuditor;
    CurrentUser jyAuditor;
    CurrentUser bqAuditor;
    CurrentUser secretary;
    CurrentUser leader;

    @BeforeEach
    void setUp() {
        init(engine);
        fx = new AuditFixtures(context);
        dept = user("qz_dept");
        qzAuditor = user("qz_auditor");
        wfzAuditor = user("wfz_auditor");
        jyAuditor = user("jy_auditor");
        bqAuditor = user("bq_auditor");
        secretary = user("bq_secretary");
        leader = user("bq_leader");
        fx.poolOf(dept, qzAuditor, wfzAuditor, jyAuditor, bqAuditor);
    }

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
        Assertions.assertThat(status(audit)).isEqualTo(AuditStatus.SCHEDULED);
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
        Assertions.assertThat(status(audit)).isEqualTo(AuditStatus.REVIEWING);
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
        Assertions.assertThat(status(audit)).isEqualTo(AuditStatus.RECTIFYING);
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
        Assertions.assertThat(status(audit)).isEqualTo(AuditStatus.RECTIFIED);
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

    @Test
    void anApprovedInvitationGoesToTheAuditorsTheDeptNames() {
        StudySession session = fx.sessionsThisMonth(secretary, leader, 1).get(0);
        Audit audit = planning.requestInvitation(secretary,
            new AuditRequests.Invitation(session.getId(), AuditFixtures.today(), "请上级指导我镇中心组学习"));
        ProcessInstance instance = instance(audit);

        assertThat(instance).isWaitingAt(TASK_REVIEW_INVITATION);
        TaskInfo review = tasksAt(audit, TASK_REVIEW_INVITATION).get(0);
        Assertions.assertThat(workflow.candidateGroups(review.id())).containsExactly(Role.DEPT.group(dept.getOrgId()));
        Assertions.assertThat(status(audit)).isEqualTo(AuditStatus.REQUESTED);
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

    @Test
    void aRandomDrawCreatesOneAuditPerSessionWithAuditorsFromElsewhereAndCanBeReRun() {
        LocalDate today = AuditFixtures.today();
        fx.sessionsThisMonth(secretary, leader, 2);

        AuditPlanning.DrawOutcome outcome = planning.drawRandom(dept, new AuditRequests.Draw(today, today,
            List.of(secretary.getOrgId()), 2, 1));

        Assertions.assertThat(outcome.audits()).hasSize(2).allSatisfy(a -> {
            Assertions.assertThat(a.getAuditMode()).isEqualTo(AuditMode.RANDOM);
            Assertions.assertThat(a.getOrgId()).isEqualTo(secretary.getOrgId());
            Assertions.assertThat(a.getSessionDate()).isEqualTo(today);
            Assertions.assertThat(a.getDrawId()).isEqualTo(outcome.draw().getId());
            Assertions.assertThat(audits.assignments(a)).extracting(AuditAssignment::getUsername).singleElement()
                .isIn("qz_auditor", "wfz_auditor", "jy_auditor");
            assertThat(instance(a)).isWaitingAt(TASK_ACCEPT_ASSIGNMENT);
        });
        Assertions.assertThat(outcome.audits().stream().map(a -> audits.assignments(a).get(0).getUsername()).distinct())
            .as("both audits sit in today: nobody is drawn for both").hasSize(2);
        AuditDrawService.Verification check = audits.verifyDraw(outcome.draw().getId(), dept);
        Assertions.assertThat(check.matches()).isTrue();
        Assertions.assertThat(check.rerun().picks()).extracting(AuditDraw.Pick::sessionId)
            .containsExactlyInAnyOrderElementsOf(outcome.audits().stream().map(Audit::getSessionId).toList());
    }

    @Test
    void aRandomDrawSkipsAnAuditorBookedThatDayAndIsRefusedWhenTooFewAreFree() {
        LocalDate today = AuditFixtures.today();
        fixedAudit(qzAuditor, wfzAuditor);
        fx.sessionsThisMonth(secretary, leader, 1);

        AuditPlanning.DrawOutcome outcome = planning.drawRandom(dept, new AuditRequests.Draw(today, today,
            List.of(secretary.getOrgId()), 1, 1));
        Assertions.assertThat(audits.assignments(outcome.audits().get(0))).extracting(AuditAssignment::getUsername)
            .as("qz and wfz sit in on the fixed audit today; bq may not audit its own town")
            .containsExactly("jy_auditor");

        fx.sessionsThisMonth(secretary, leader, 1);
        assertThatThrownBy(() -> planning.drawRandom(dept, new AuditRequests.Draw(today, today,
            List.of(secretary.getOrgId()), 1, 1)))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> Assertions.assertThat(e.getMessageKey()).isEqualTo("audit.draw.error.notEnoughAuditors"));
    }

    @Test
    void aFixedAuditRefusesAnAuditorBookedThatDayNamingTheOtherAudit() {
        Audit first = fixedAudit(qzAuditor);
        StudySession session = fx.sessionsThisMonth(secretary, leader, 1).get(0);

        assertThatThrownBy(() -> planning.createFixed(dept, new AuditRequests.Fixed(session.getId(),
            AuditFixtures.today(), List.of(wfzAuditor.getPersonId(), qzAuditor.getPersonId()), null)))
            .isInstanceOfSatisfying(BusinessException.class, e -> {
                Assertions.assertThat(e.getMessageKey()).isEqualTo("audit.error.auditorBusy");
                Assertions.assertThat(e.getArgs()).contains(qzAuditor.getDisplayName(),
                    AuditFixtures.today().toString(), first.getTitle());
            });
        Assertions.assertThat(mapper.countStandingAudits(session.getId())).as("nothing created").isZero();

        Audit other = planning.createFixed(dept, new AuditRequests.Fixed(session.getId(), AuditFixtures.today(),
            List.of(wfzAuditor.getPersonId()), null));
        Assertions.assertThat(audits.assignments(other)).extracting(AuditAssignment::getUsername)
            .containsExactly("wfz_auditor");
    }

    @Test
    void anInvitationCannotBeGivenToAnAuditorBookedThatDay() {
        fixedAudit(jyAuditor);
        StudySession session = fx.sessionsThisMonth(secretary, leader, 1).get(0);
        Audit audit = planning.requestInvitation(secretary,
            new AuditRequests.Invitation(session.getId(), AuditFixtures.today(), null));
        TaskInfo review = tasksAt(audit, TASK_REVIEW_INVITATION).get(0);

        assertThatThrownBy(() -> assignmentSteps.decideInvitation(review.id(), dept,
            new AuditRequests.InvitationDecision(true, List.of(jyAuditor.getPersonId()), null, null)))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> Assertions.assertThat(e.getMessageKey()).isEqualTo("audit.error.auditorBusy"));
        assertThat(instance(audit)).isWaitingAt(TASK_REVIEW_INVITATION);
        Assertions.assertThat(audits.assignments(audit)).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private Audit fixedAudit(CurrentUser... auditors) {
        StudySession session = fx.sessionsThisMonth(secretary, leader, 1).get(0);
        List<Long> ids = Arrays.stream(auditors).map(CurrentUser::getPersonId).toList();
        return planning.createFixed(dept, new AuditRequests.Fixed(session.getId(), AuditFixtures.today(), ids, null));
    }

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

    private void accept(Audit audit, CurrentUser auditor) {
        assignmentSteps.respond(taskOf(audit, TASK_ACCEPT_ASSIGNMENT, auditor).id(), auditor, new AuditRequests.Response(true, null));
    }

    private void file(Audit audit, CurrentUser auditor, Verdict verdict) {
        recordSteps.fileRecord(audit.getId(), auditor, AuditSitInProcessTest.record(verdict));
    }

    static AuditRecordForm record(Verdict verdict) {
        AuditRecordForm form = new AuditRecordForm();
        form.setExpectedAttendance(15);
        form.setActualAttendance(13);
        form.setScorePreparation(4);
        form.setScoreDiscussion(verdict == Verdict.PASS ? 4 : 2);
        form.setScoreDiscipline(5);
        form.setScoreApplication(3);
        form.setFindings(verdict == Verdict.PASS ? "准备充分，发言联系实际。" : "研讨发言照本宣科，未联系本镇实际。");
        form.setCheckedPoints(List.of("plan", "chair", "attendance"));
        form.setVerdict(verdict);
        return form;
    }

    private CurrentUser newAuditorOf(String orgCode) {
        CurrentUser colleague = user(orgCode + "_auditor");
        String username = orgCode + "_auditor_x" + EXTRA_AUDITORS.incrementAndGet();
        orgService.createPerson(username, "新巡听员" + EXTRA_AUDITORS.get(), colleague.getOrg(), "x", List.of(Role.AUDITOR));
        return user(username);
    }

    private List<TaskInfo> tasksAt(Audit audit, String step) {
        return workflow.activeTasks(audit.getProcessInstanceId()).stream().filter(t -> step.equals(t.step())).toList();
    }

    private TaskInfo taskOf(Audit audit, String step, CurrentUser assignee) {
        return tasksAt(audit, step).stream().filter(t -> assignee.getUsername().equals(t.assignee())).findFirst()
            .orElseThrow(() -> new AssertionError("No " + step + " task for " + assignee.getUsername()));
    }

    private AuditStatus status(Audit audit) {
        return mapper.selectAudit(audit.getId()).getStatus();
    }

    private ProcessInstance instance(Audit audit) {
        String id = audit.getProcessInstanceId() != null ? audit.getProcessInstanceId()
            : mapper.selectAudit(audit.getId()).getProcessInstanceId();
        ProcessInstance running = runtimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
        if (running != null) {
            return running;
        }
        throw new AssertionError("Instance " + id + " has ended already");
    }

    private Notification latest(CurrentUser who) {
        return notifications.selectByPerson(who.getPersonId(), 0, 1).get(0);
    }

    private String latestKey(CurrentUser who) {
        return latest(who).getMessageKey();
    }
}
