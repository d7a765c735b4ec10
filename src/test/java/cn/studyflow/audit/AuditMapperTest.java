package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Org;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statements of AuditMapper.xml on an audit and what hangs on it: an audit read with its organisations (its
 * session's title and day are added by {@code AuditSessions}, see {@code AuditSessionsTest}) and changed only at
 * the version it was read at; which audits the dept, the audited organisation, an
 * overseer below the dept and an auditor may list, and in what order; the audits of a draw; assignments, records
 * with their checked points, and rectification rounds reviewed once. The pool, sessions, draws and figures the
 * dept plans and oversees with are in {@code AuditMapperPlanningTest}.
 */
@MapperTest
class AuditMapperTest extends AuditMapperFixture {

    // ---------------------------------------------------------------- audits and who may list them

    @Test
    void anAuditIsReadWithItsOrganisationsAndChangesOnlyAtTheVersionItWasReadAt() {
        Audit audit = audit(townSessions.get(0), AuditMode.FIXED, AuditStatus.ASSIGNING, LocalDate.of(YEAR, 3, 10));
        Audit read = audits.selectAudit(audit.getId());
        Audit stale = audits.selectAudit(audit.getId());

        assertThat(read.getOrgName()).isEqualTo("卞桥镇党委");
        assertThat(read.getDeptOrgName()).isEqualTo("青州市委");
        assertThat(read.getSessionId()).isEqualTo(townSessions.get(0).getId());
        assertThat(read.getAuditMode()).isEqualTo(AuditMode.FIXED);
        read.setStatus(AuditStatus.RECTIFYING);
        read.setVerdict(Verdict.RECTIFY);
        read.setRectificationDeadline(LocalDate.of(YEAR, 4, 30));
        read.setProcessInstanceId("pi-1");
        read.setUpdatedAt(now);
        assertThat(audits.updateAudit(read)).isOne();
        stale.setStatus(AuditStatus.PASSED);
        assertThat(audits.updateAudit(stale)).as("a change read at the old version").isZero();

        Audit after = audits.selectAudit(audit.getId());
        assertThat(after.getStatus()).isEqualTo(AuditStatus.RECTIFYING);
        assertThat(after.getVerdict()).isEqualTo(Verdict.RECTIFY);
        assertThat(after.getRectificationDeadline()).isEqualTo(LocalDate.of(YEAR, 4, 30));
        assertThat(after.getVersion()).isEqualTo(1);
    }

    @Test
    void theDeptSeesEveryAuditOfItsProgrammeNewestFirstEvenARandomOneBeforeItsDay() {
        LocalDate today = LocalDate.of(YEAR, 4, 1);
        Audit fixed = audit(townSessions.get(0), AuditMode.FIXED, AuditStatus.PASSED, LocalDate.of(YEAR, 3, 10));
        Audit random = audit(townSessions.get(1), AuditMode.RANDOM, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 4, 10));
        Audit ofSibling = audit(siblingSessions.get(0), AuditMode.FIXED, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 3, 20));

        AuditQuery all = query(dept, county, true, today, null, null, null, null, false, 0, 10);
        assertThat(audits.selectVisible(all)).extracting(Audit::getId)
            .containsExactly(random.getId(), ofSibling.getId(), fixed.getId());
        assertThat(audits.countVisible(all)).isEqualTo(3);
        assertThat(audits.selectVisible(query(dept, county, true, today, null, null, null, null, false, 1, 1)))
            .extracting(Audit::getId).containsExactly(ofSibling.getId());

        assertThat(audits.selectVisible(query(dept, county, true, today, YEAR, AuditStatus.SCHEDULED, null, null, false, 0, 10)))
            .extracting(Audit::getId).containsExactly(random.getId(), ofSibling.getId());
        assertThat(audits.selectVisible(query(dept, county, true, today, null, null, AuditMode.RANDOM, null, false, 0, 10)))
            .extracting(Audit::getId).containsExactly(random.getId());
        assertThat(audits.countVisible(query(dept, county, true, today, null, null, null, sibling.getId(), false, 0, 10)))
            .isOne();
        assertThat(audits.countVisible(query(dept, county, true, today, YEAR + 1, null, null, null, false, 0, 10))).isZero();
    }

    @Test
    void theAuditedOrganisationSeesItsOwnAuditsButARandomOneOnlyFromItsDay() {
        Audit fixed = audit(townSessions.get(0), AuditMode.FIXED, AuditStatus.PASSED, LocalDate.of(YEAR, 3, 10));
        Audit random = audit(townSessions.get(1), AuditMode.RANDOM, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 4, 10));
        audit(siblingSessions.get(0), AuditMode.FIXED, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 3, 20));

        assertThat(audits.selectVisible(query(secretary, town, false, LocalDate.of(YEAR, 4, 9), null, null, null, null,
            false, 0, 10))).extracting(Audit::getId).as("the day before").containsExactly(fixed.getId());
        assertThat(audits.selectVisible(query(secretary, town, false, LocalDate.of(YEAR, 4, 10), null, null, null, null,
            false, 0, 10))).extracting(Audit::getId).as("on the day").containsExactly(random.getId(), fixed.getId());
    }

    @Test
    void anOverseerBelowTheDeptSeesTheSubtreeButNotARandomAuditBeforeItsDay() {
        Person townManager = Rows.person(people, town, "吴秀英", true, Role.MANAGER);
        Audit fixed = audit(townSessions.get(0), AuditMode.FIXED, AuditStatus.PASSED, LocalDate.of(YEAR, 3, 10));
        audit(townSessions.get(1), AuditMode.RANDOM, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 4, 10));
        audit(siblingSessions.get(0), AuditMode.FIXED, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 3, 20));

        assertThat(audits.selectVisible(query(townManager, town, true, LocalDate.of(YEAR, 4, 1), null, null, null, null,
            false, 0, 10))).extracting(Audit::getId).containsExactly(fixed.getId());
    }

    @Test
    void anAuditorSeesTheAuditsTheyAreAssignedToAndOnlyThoseWhenAskedForTheirOwn() {
        Audit mine = audit(townSessions.get(1), AuditMode.RANDOM, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 4, 10));
        assign(mine, siblingAuditor, true, AssignmentStatus.ACCEPTED, null);
        Audit theirs = audit(townSessions.get(0), AuditMode.FIXED, AuditStatus.PASSED, LocalDate.of(YEAR, 3, 10));
        assign(theirs, countyAuditor, true, AssignmentStatus.ACCEPTED, null);
        Audit ofMyTown = audit(siblingSessions.get(0), AuditMode.FIXED, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 3, 20));
        LocalDate before = LocalDate.of(YEAR, 4, 1);

        assertThat(audits.selectVisible(query(siblingAuditor, sibling, true, before, null, null, null, null, false, 0, 10)))
            .extracting(Audit::getId).as("assigned, even before the day of a random audit; and their own town's")
            .containsExactly(mine.getId(), ofMyTown.getId());
        assertThat(audits.selectVisible(query(siblingAuditor, sibling, true, before, null, null, null, null, true, 0, 10)))
            .extracting(Audit::getId).containsExactly(mine.getId());
        assertThat(audits.countVisible(query(siblingAuditor, sibling, true, before, null, null, null, null, true, 0, 10)))
            .isOne();
    }

    @Test
    void theAuditsOfADrawAreListedInTheOrderTheyWereMade() {
        StoredDraw draw = draw(StoredDraw.Kind.SESSIONS, dept, now);
        Audit first = audit(townSessions.get(0), AuditMode.RANDOM, AuditStatus.ASSIGNING, LocalDate.of(YEAR, 3, 10), draw);
        Audit second = audit(siblingSessions.get(0), AuditMode.RANDOM, AuditStatus.ASSIGNING, LocalDate.of(YEAR, 3, 5), draw);
        audit(townSessions.get(1), AuditMode.FIXED, AuditStatus.ASSIGNING, LocalDate.of(YEAR, 4, 10));

        assertThat(audits.selectByDraw(draw.getId())).extracting(Audit::getId).containsExactly(first.getId(), second.getId());
        assertThat(audits.selectByDraw(draw.getId()).get(1).getOrgName()).isEqualTo("王坟镇党委");
    }

    // ---------------------------------------------------------------- assignments, records, rectifications

    @Test
    void assignmentsAreReadInOrderWithTheAuditorsNamesAndTheLeadAndAnswerKept() {
        Audit audit = audit(townSessions.get(0), AuditMode.FIXED, AuditStatus.ASSIGNING, LocalDate.of(YEAR, 3, 10));
        AuditAssignment lead = assign(audit, countyAuditor, true, AssignmentStatus.PENDING, null);
        assign(audit, siblingAuditor, false, AssignmentStatus.PENDING, null);

        lead.setStatus(AssignmentStatus.DECLINED);
        lead.setDeclineReason("当天有市委常委会");
        lead.setLead(false);
        lead.setRespondedAt(now);
        assertThat(audits.updateAssignment(lead)).isOne();

        List<AuditAssignment> read = audits.selectAssignments(audit.getId());
        assertThat(read).extracting(AuditAssignment::getDisplayName).containsExactly("张海燕", "陈丽娟");
        assertThat(read.get(0).isLead()).isFalse();
        assertThat(read.get(0).getStatus()).isEqualTo(AssignmentStatus.DECLINED);
        assertThat(read.get(0).getDeclineReason()).isEqualTo("当天有市委常委会");
        assertThat(read.get(0).getPersonOrgName()).isEqualTo("青州市委");
        assertThat(read.get(1).getPersonOrgId()).isEqualTo(sibling.getId());
        assertThat(read.get(1).getUsername()).isEqualTo(siblingAuditor.getUsername());
        assertThat(read.get(1).getStatus()).isEqualTo(AssignmentStatus.PENDING);
    }

    @Test
    void recordsAndTheirCheckedPointsAreReadPerAuditWithTheAuditorsName() {
        Audit audit = audit(townSessions.get(0), AuditMode.FIXED, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 3, 10));
        Audit other = audit(siblingSessions.get(0), AuditMode.FIXED, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 3, 20));
        AuditRecord first = record(audit, countyAuditor, 4, Verdict.PASS);
        AuditRecord second = record(audit, siblingAuditor, 2, Verdict.RECTIFY);
        AuditRecord elsewhere = record(other, countyAuditor, 5, Verdict.PASS);
        audits.insertRecordPoint(first.getId(), "ATTENDANCE", true);
        audits.insertRecordPoint(second.getId(), "ATTENDANCE", false);
        audits.insertRecordPoint(elsewhere.getId(), "ATTENDANCE", true);

        List<AuditRecord> records = audits.selectRecords(audit.getId());
        assertThat(records).extracting(AuditRecord::getAuditorName).containsExactly("张海燕", "陈丽娟");
        assertThat(records).extracting(AuditRecord::getVerdict).containsExactly(Verdict.PASS, Verdict.RECTIFY);
        assertThat(records.get(1).getScoreDiscussion()).isEqualTo(2);
        assertThat(records.get(0).getFindings()).isEqualTo("发现" + 4);
        assertThat(audits.selectRecordPoints(audit.getId()))
            .extracting(p -> p.getRecordId() + ":" + p.getPointCode() + ":" + p.isChecked())
            .containsExactlyInAnyOrder(first.getId() + ":ATTENDANCE:true", second.getId() + ":ATTENDANCE:false");
    }

    @Test
    void rectificationRoundsAreReadInOrderAndAReviewIsRecordedOnlyOnce() {
        Audit audit = audit(townSessions.get(0), AuditMode.FIXED, AuditStatus.RECTIFYING, LocalDate.of(YEAR, 3, 10));
        Rectification first = rectification(audit, 1, "已整改。");
        Rectification second = rectification(audit, 2, "一、补学两次；二、完善考勤制度。");

        assertThat(audits.updateRectificationReview(first.getId(), "return", "请逐条说明", countyAuditor.getId(), now)).isOne();
        assertThat(audits.updateRectificationReview(first.getId(), "approve", null, countyAuditor.getId(), now))
            .as("a round already reviewed").isZero();

        List<Rectification> rounds = audits.selectRectifications(audit.getId());
        assertThat(rounds).extracting(Rectification::getId).containsExactly(first.getId(), second.getId());
        assertThat(rounds.get(0).getDecision()).isEqualTo("return");
        assertThat(rounds.get(0).getReviewComment()).isEqualTo("请逐条说明");
        assertThat(rounds.get(0).getReviewedByName()).isEqualTo("张海燕");
        assertThat(rounds.get(0).getSubmittedByName()).isEqualTo("李文华");
        assertThat(rounds.get(1).getDecision()).isNull();
        assertThat(rounds.get(1).getReviewedByName()).as("not reviewed yet").isNull();
        assertThat(rounds.get(1).getSubmittedByName()).isEqualTo("李文华");
    }

    // ---------------------------------------------------------------- rows

    private Rectification rectification(Audit audit, int round, String report) {
        Rectification r = new Rectification();
        r.setAuditId(audit.getId());
        r.setRoundNo(round);
        r.setReport(report);
        r.setSubmittedBy(secretary.getId());
        r.setSubmittedAt(now.plusMinutes(round));
        audits.insertRectification(r);
        return r;
    }

    private AuditQuery query(Person person, Org org, boolean subtree, LocalDate today, Integer year, AuditStatus status,
                             AuditMode mode, Long auditedOrgId, boolean assignedOnly, int offset, int limit) {
        return new AuditQuery(person.getId(), org.getId(), org.getPath(), subtree, today, year, status, mode, auditedOrgId,
            assignedOnly, offset, limit);
    }
}
