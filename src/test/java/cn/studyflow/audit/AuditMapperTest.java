package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanMapper;
import cn.studyflow.session.StudySession;
import cn.studyflow.session.StudySessionMapper;
import cn.studyflow.status.OrgFiguresScenario;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every statement of AuditMapper.xml that joins or filters: the pool and who may join it, the sessions open to
 * an audit, who audited an organisation last, which audits a person may list, assignments, records,
 * rectification rounds, draws, the dept's yearly overview and the status dashboard's audit figures. The tree: a
 * city over the programme's county (whose dept runs it) over two towns, and another county beside it.
 */
@MapperTest
class AuditMapperTest {

    static final int YEAR = 2031;

    @Autowired AuditMapper audits;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;
    @Autowired PlanMapper plans;
    @Autowired StudySessionMapper sessionMapper;
    @Autowired JdbcTemplate jdbc;

    Org county;
    Org town;
    Org sibling;
    Org otherCounty;
    Person dept;
    Person secretary;
    Person countyAuditor;
    Person townAuditor;
    Person siblingAuditor;
    List<StudySession> townSessions;
    List<StudySession> siblingSessions;
    final OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void tree() {
        Org city = Rows.org(orgs, "潍坊市委", null);
        county = Rows.org(orgs, "青州市委", city);
        town = Rows.org(orgs, "卞桥镇党委", county);
        sibling = Rows.org(orgs, "王坟镇党委", county);
        otherCounty = Rows.org(orgs, "临朐县委", city);
        dept = Rows.person(people, county, "赵明远", true, Role.DEPT);
        secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
        countyAuditor = Rows.person(people, county, "张海燕", true, Role.AUDITOR);
        townAuditor = Rows.person(people, town, "刘志强", true, Role.AUDITOR);
        siblingAuditor = Rows.person(people, sibling, "陈丽娟", true, Role.AUDITOR);
        townSessions = Rows.sessions(sessionMapper, Rows.plan(plans, town, secretary, YEAR), 3, 4, 5);
        siblingSessions = Rows.sessions(sessionMapper, Rows.plan(plans, sibling, secretary, YEAR), 3, 4);
    }

    // ---------------------------------------------------------------- the pool

    @Test
    void thePoolListsItsMembersWithTheirOrganisationsAndOnlyThoseStillAbleToAuditAreActive() {
        Person disabled = Rows.person(people, sibling, "杨晓东", false, Role.AUDITOR);
        Person noLongerAuditor = Rows.person(people, sibling, "黄春梅", true, Role.MEMBER);
        PoolMember a = pool(countyAuditor, true);
        PoolMember b = pool(townAuditor, true);
        PoolMember c = pool(siblingAuditor, false);
        PoolMember d = pool(disabled, true);
        PoolMember e = pool(noLongerAuditor, true);
        pool(otherCounty, Rows.person(people, otherCounty, "周立新", true, Role.AUDITOR));

        assertThat(audits.selectPool(county.getId())).extracting(PoolMember::getId)
            .as("the dept's own people first (tree order), then each town's")
            .startsWith(a.getId()).containsExactlyInAnyOrder(a.getId(), b.getId(), c.getId(), d.getId(), e.getId());
        assertThat(audits.selectActiveAuditors(county.getId())).extracting(PoolMember::getPersonId)
            .containsExactly(countyAuditor.getId(), townAuditor.getId());

        PoolMember read = audits.selectPoolMember(b.getId());
        assertThat(read.getDisplayName()).isEqualTo("刘志强");
        assertThat(read.getUsername()).isEqualTo(townAuditor.getUsername());
        assertThat(read.getPersonOrgId()).isEqualTo(town.getId());
        assertThat(read.getPersonOrgName()).isEqualTo("卞桥镇党委");
        assertThat(read.getPersonOrgPath()).isEqualTo(town.getPath());
        assertThat(read.getSpecialty()).isEqualTo("理论");

        read.setActive(false);
        read.setSpecialty("党史");
        read.setUpdatedAt(now);
        assertThat(audits.updatePoolMember(read)).isOne();
        assertThat(audits.selectActiveAuditors(county.getId())).extracting(PoolMember::getPersonId)
            .containsExactly(countyAuditor.getId());
        assertThat(audits.selectPoolMember(b.getId()).getSpecialty()).isEqualTo("党史");
    }

    @Test
    void candidatesAreEnabledAuditorsOfTheDeptsSubtreeNotInItsPoolYet() {
        pool(countyAuditor, true);
        Rows.person(people, town, "杨晓东", false, Role.AUDITOR);
        Rows.person(people, town, "黄春梅", true, Role.MEMBER);
        Rows.person(people, otherCounty, "周立新", true, Role.AUDITOR);

        List<PoolMember> candidates = audits.selectPoolCandidates(county.getId(), county.getPath());

        assertThat(candidates).extracting(PoolMember::getPersonId)
            .containsExactlyInAnyOrder(townAuditor.getId(), siblingAuditor.getId());
        assertThat(candidates).extracting(PoolMember::getPersonOrgName).containsExactlyInAnyOrder("卞桥镇党委", "王坟镇党委");
        assertThat(audits.selectPoolCandidates(county.getId(), town.getPath())).extracting(PoolMember::getPersonId)
            .containsExactly(townAuditor.getId());
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void openSessionsAreScheduledOnesInTheMonthsWithoutAStandingAudit() {
        StudySession audited = townSessions.get(0);
        StudySession declinedOnce = townSessions.get(1);
        audit(audited, AuditMode.FIXED, AuditStatus.ASSIGNING, LocalDate.of(YEAR, 3, 10));
        audit(declinedOnce, AuditMode.INVITED, AuditStatus.DECLINED, LocalDate.of(YEAR, 4, 10));
        jdbc.update("UPDATE sf_study_session SET status = 'CANCELLED' WHERE id = ?", siblingSessions.get(1).getId());
        List<Long> both = List.of(town.getId(), sibling.getId());

        assertThat(audits.selectOpenSessions(both, YEAR * 100 + 3, YEAR * 100 + 4)).extracting(SessionOption::getId)
            .as("March before April; in a month, by the organisation's path")
            .containsExactly(siblingSessions.get(0).getId(), declinedOnce.getId());
        assertThat(audits.selectOpenSessions(both, YEAR * 100 + 5, YEAR * 100 + 12)).extracting(SessionOption::getId)
            .containsExactly(townSessions.get(2).getId());
        assertThat(audits.selectOpenSessions(List.of(town.getId()), (YEAR + 1) * 100 + 1, (YEAR + 1) * 100 + 12)).isEmpty();
        assertThat(audits.countStandingAudits(audited.getId())).isOne();
        assertThat(audits.countStandingAudits(declinedOnce.getId())).isZero();

        SessionOption option = audits.selectSessionOption(declinedOnce.getId());
        assertThat(option.getOrgName()).isEqualTo("卞桥镇党委");
        assertThat(option.getOrgPath()).isEqualTo(town.getPath());
        assertThat(option.getSessionMonth()).isEqualTo(4);
        assertThat(option.getTitle()).isEqualTo("专题4");
    }

    @Test
    void theLastAuditorsOfAnOrganisationAreThoseWhoAcceptedItsLatestStandingAudit() {
        Audit earlier = audit(townSessions.get(0), AuditMode.FIXED, AuditStatus.PASSED, LocalDate.of(YEAR, 3, 10));
        assign(earlier, countyAuditor, true, AssignmentStatus.ACCEPTED, null);
        assign(earlier, siblingAuditor, false, AssignmentStatus.ACCEPTED, null);
        Audit latest = audit(townSessions.get(1), AuditMode.RANDOM, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 4, 10));
        AuditAssignment declined = assign(latest, countyAuditor, true, AssignmentStatus.DECLINED, null);
        assign(latest, siblingAuditor, true, AssignmentStatus.ACCEPTED, declined.getId());
        Audit refused = audit(townSessions.get(2), AuditMode.INVITED, AuditStatus.DECLINED, LocalDate.of(YEAR, 5, 10));
        assign(refused, countyAuditor, true, AssignmentStatus.ACCEPTED, null);
        audit(townSessions.get(2), AuditMode.INVITED, AuditStatus.REQUESTED, LocalDate.of(YEAR, 5, 11));
        Audit ofSibling = audit(siblingSessions.get(0), AuditMode.FIXED, AuditStatus.PASSED, LocalDate.of(YEAR, 3, 12));
        assign(ofSibling, townAuditor, true, AssignmentStatus.ACCEPTED, null);

        List<AuditMapper.LastAuditor> last = audits.selectLastAuditors(List.of(town.getId(), sibling.getId()));

        assertThat(last).extracting(l -> l.getOrgId() + ":" + l.getPersonId()).containsExactlyInAnyOrder(
            town.getId() + ":" + siblingAuditor.getId(), sibling.getId() + ":" + townAuditor.getId());
        assertThat(audits.selectLastAuditors(List.of(otherCounty.getId()))).isEmpty();
    }

    // ---------------------------------------------------------------- audits and who may list them

    @Test
    void anAuditIsReadWithItsOrganisationsAndSessionAndChangesOnlyAtTheVersionItWasReadAt() {
        Audit audit = audit(townSessions.get(0), AuditMode.FIXED, AuditStatus.ASSIGNING, LocalDate.of(YEAR, 3, 10));
        Audit read = audits.selectAudit(audit.getId());
        Audit stale = audits.selectAudit(audit.getId());

        assertThat(read.getOrgName()).isEqualTo("卞桥镇党委");
        assertThat(read.getDeptOrgName()).isEqualTo("青州市委");
        assertThat(read.getSessionTitle()).isEqualTo("专题3");
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

    // ---------------------------------------------------------------- draws and the overview

    @Test
    void aProgrammesSessionDrawsAreListedNewestFirstWithoutReplacementDraws() {
        StoredDraw old = draw(StoredDraw.Kind.SESSIONS, dept, now.minusDays(2));
        StoredDraw recent = draw(StoredDraw.Kind.SESSIONS, null, now.minusDays(1));
        draw(StoredDraw.Kind.REPLACEMENT, dept, now);

        assertThat(audits.selectDraws(county.getId(), 0, 10)).extracting(StoredDraw::getId)
            .containsExactly(recent.getId(), old.getId());
        assertThat(audits.selectDraws(county.getId(), 1, 10)).extracting(StoredDraw::getId).containsExactly(old.getId());
        assertThat(audits.countDraws(county.getId())).isEqualTo(2);
        assertThat(audits.countDraws(otherCounty.getId())).isZero();
        StoredDraw read = audits.selectDraw(old.getId());
        assertThat(read.getCreatedByName()).isEqualTo("赵明远");
        assertThat(read.getSeed()).isEqualTo(20310401L);
        assertThat(read.getResultJson()).isEqualTo("{\"sessions\":[1]}");
        assertThat(audits.selectDraw(recent.getId()).getCreatedByName()).as("a draw by the system").isNull();
    }

    @Test
    void theOverviewCountsEveryOrganisationBelowTheDeptAndAveragesTheScoresOfAuditsDone() {
        Audit passed = audit(townSessions.get(0), AuditMode.FIXED, AuditStatus.PASSED, LocalDate.of(YEAR, 3, 10));
        record(passed, countyAuditor, 4, Verdict.PASS);
        record(passed, siblingAuditor, 3, Verdict.PASS);
        Audit rectifying = audit(townSessions.get(1), AuditMode.RANDOM, AuditStatus.RECTIFYING, LocalDate.of(YEAR, 4, 10));
        record(rectifying, countyAuditor, 2, Verdict.RECTIFY);
        Audit scheduled = audit(townSessions.get(2), AuditMode.FIXED, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 5, 10));
        record(scheduled, countyAuditor, 1, Verdict.RECTIFY);
        audit(siblingSessions.get(0), AuditMode.INVITED, AuditStatus.DECLINED, LocalDate.of(YEAR, 3, 20));
        audit(siblingSessions.get(1), AuditMode.INVITED, AuditStatus.REQUESTED, LocalDate.of(YEAR, 4, 20));
        audit(siblingSessions.get(1), AuditMode.FIXED, AuditStatus.PASSED, LocalDate.of(YEAR - 1, 4, 20));

        List<OrgAuditSummary> overview = audits.selectOverview(county.getId(), county.getPath(), YEAR);

        assertThat(overview).extracting(OrgAuditSummary::getOrgId).as("below the dept, not the dept itself")
            .containsExactlyInAnyOrder(town.getId(), sibling.getId());
        OrgAuditSummary ofTown = overview.stream().filter(o -> o.getOrgId().equals(town.getId())).findFirst().orElseThrow();
        assertThat(ofTown.getOrgName()).isEqualTo("卞桥镇党委");
        assertThat(ofTown.getPlanned()).isEqualTo(3);
        assertThat(ofTown.getDone()).isEqualTo(2);
        assertThat(ofTown.getOpenRectifications()).isEqualTo(1);
        assertThat(ofTown.getRecords()).as("records of audits done only").isEqualTo(3);
        assertThat(ofTown.getAvgDiscussion()).isEqualByComparingTo(new BigDecimal("3"));
        assertThat(ofTown.getAvgPreparation()).isEqualByComparingTo(new BigDecimal("3"));
        OrgAuditSummary ofSibling = overview.stream().filter(o -> o.getOrgId().equals(sibling.getId())).findFirst()
            .orElseThrow();
        assertThat(ofSibling.getPlanned()).as("declined and requested audits are not planned").isZero();
        assertThat(ofSibling.getDone()).isZero();
        assertThat(ofSibling.getRecords()).isZero();
        assertThat(ofSibling.getAvgDiscussion()).isNull();
    }

    // ---------------------------------------------------------------- the status dashboard

    @Test
    void theDashboardCountsAuditsDoneTheirAverageScoreAndOpenRectificationsPerOrganisationOfTheScope() {
        OrgFiguresScenario s = new OrgFiguresScenario(orgs, people, jdbc);

        assertThat(audits.selectOrgFigures(s.subtree(s.county), OrgFiguresScenario.YEAR)).singleElement().satisfies(r -> {
            assertThat(r.getOrgId()).isEqualTo(s.town.getId());
            assertThat(r.getN()).as("done this year").isEqualTo(2);
            assertThat(r.getM()).as("rectification open").isEqualTo(1);
            assertThat(r.getAmount()).as("the average of the records' scores").isCloseTo(3.0, within(0.001));
        });
        assertThat(audits.selectOrgFigures(s.only(s.sibling), OrgFiguresScenario.YEAR)).isEmpty();
    }

    // ---------------------------------------------------------------- rows

    private PoolMember pool(Person person, boolean active) {
        return pool(county, person, active);
    }

    private PoolMember pool(Org deptOrg, Person person) {
        return pool(deptOrg, person, true);
    }

    private PoolMember pool(Org deptOrg, Person person, boolean active) {
        PoolMember m = new PoolMember();
        m.setDeptOrgId(deptOrg.getId());
        m.setPersonId(person.getId());
        m.setSpecialty("理论");
        m.setActive(active);
        m.setCreatedAt(now);
        m.setUpdatedAt(now);
        audits.insertPoolMember(m);
        return m;
    }

    private Audit audit(StudySession session, AuditMode mode, AuditStatus status, LocalDate day) {
        return audit(session, mode, status, day, null);
    }

    private Audit audit(StudySession session, AuditMode mode, AuditStatus status, LocalDate day, StoredDraw draw) {
        Audit a = new Audit();
        a.setDeptOrgId(county.getId());
        a.setOrgId(session.getOrgId());
        a.setSessionId(session.getId());
        a.setAuditMode(mode);
        a.setStatus(status);
        a.setSessionDate(day);
        a.setAuditYear(day.getYear());
        a.setTitle("巡听：" + session.getTitle());
        a.setDrawId(draw == null ? null : draw.getId());
        a.setCreatedBy(dept.getId());
        a.setCreatedAt(now);
        a.setUpdatedAt(now);
        audits.insertAudit(a);
        return a;
    }

    private AuditAssignment assign(Audit audit, Person auditor, boolean lead, AssignmentStatus status, Long replaces) {
        AuditAssignment x = new AuditAssignment();
        x.setAuditId(audit.getId());
        x.setPersonId(auditor.getId());
        x.setLead(lead);
        x.setStatus(status);
        x.setReplacesId(replaces);
        x.setAssignedAt(now);
        audits.insertAssignment(x);
        return x;
    }

    private AuditRecord record(Audit audit, Person auditor, int score, Verdict verdict) {
        AuditRecord r = new AuditRecord();
        r.setAuditId(audit.getId());
        r.setAuditorId(auditor.getId());
        r.setExpectedAttendance(12);
        r.setActualAttendance(11);
        r.setScorePreparation(score);
        r.setScoreDiscussion(score);
        r.setScoreDiscipline(score);
        r.setScoreApplication(score);
        r.setFindings("发现" + score);
        r.setVerdict(verdict);
        r.setCreatedAt(now);
        audits.insertRecord(r);
        return r;
    }

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

    private StoredDraw draw(StoredDraw.Kind kind, Person by, OffsetDateTime at) {
        StoredDraw d = new StoredDraw();
        d.setDeptOrgId(county.getId());
        d.setKind(kind);
        d.setSeed(20310401L);
        d.setInputsJson("{}");
        d.setResultJson("{\"sessions\":[1]}");
        d.setCreatedBy(by == null ? null : by.getId());
        d.setCreatedAt(at);
        audits.insertDraw(d);
        return d;
    }

    private AuditQuery query(Person person, Org org, boolean subtree, LocalDate today, Integer year, AuditStatus status,
                             AuditMode mode, Long auditedOrgId, boolean assignedOnly, int offset, int limit) {
        return new AuditQuery(person.getId(), org.getId(), org.getPath(), subtree, today, year, status, mode, auditedOrgId,
            assignedOnly, offset, limit);
    }
}
