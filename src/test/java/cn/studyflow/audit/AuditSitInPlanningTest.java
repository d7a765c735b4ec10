package cn.studyflow.audit;

import static cn.studyflow.audit.AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT;
import static cn.studyflow.audit.AuditSitInProcess.TASK_REVIEW_INVITATION;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.studyflow.common.BusinessException;
import cn.studyflow.session.StudySession;
import cn.studyflow.workflow.TaskInfo;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Planning audits through StudyFlow's services, where nobody sits in on two audits the same day: a random draw
 * makes one audit per session with auditors from elsewhere, each waiting for acceptance, and its check re-runs it
 * to the same picks; a random draw skips an auditor booked that day and is refused when too few are free; a fixed
 * audit refuses an auditor booked that day, naming the other audit, and creates nothing; an invitation cannot be
 * given to an auditor booked that day.
 */
class AuditSitInPlanningTest extends AuditSitInFixture {

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
}
