package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.studyflow.org.Org;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.session.StudySession;
import cn.studyflow.status.OrgFiguresScenario;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements of AuditMapper.xml that the dept plans and oversees its programme with: the pool and who may
 * join it; which sessions an audit stands on, who is booked on which audit and who audited an organisation last;
 * the programme's session draws; the dept's yearly overview and the status dashboard's audit figures. An audit,
 * who may list it and what hangs on it are in {@code AuditMapperTest}; the sessions as audits see them (through
 * {@code session}'s API) in {@code AuditSessionsTest}.
 */
@MapperTest
class AuditMapperPlanningTest extends AuditMapperFixture {

    @Autowired JdbcTemplate jdbc;

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
    void theSessionsAnAuditStandsOnAreThoseWithAnAuditNotDeclined() {
        StudySession audited = townSessions.get(0);
        StudySession declinedOnce = townSessions.get(1);
        StudySession declinedThenAudited = siblingSessions.get(0);
        audit(audited, AuditMode.FIXED, AuditStatus.ASSIGNING, LocalDate.of(YEAR, 3, 10));
        audit(audited, AuditMode.INVITED, AuditStatus.DECLINED, LocalDate.of(YEAR, 3, 10));
        audit(declinedOnce, AuditMode.INVITED, AuditStatus.DECLINED, LocalDate.of(YEAR, 4, 10));
        audit(declinedThenAudited, AuditMode.INVITED, AuditStatus.DECLINED, LocalDate.of(YEAR, 3, 12));
        audit(declinedThenAudited, AuditMode.FIXED, AuditStatus.PASSED, LocalDate.of(YEAR, 3, 12));

        assertThat(audits.selectStandingSessionIds(List.of(audited.getId(), declinedOnce.getId(),
            declinedThenAudited.getId(), townSessions.get(2).getId(), siblingSessions.get(1).getId())))
            .as("each once, however many audits stand on it").containsExactlyInAnyOrder(audited.getId(),
                declinedThenAudited.getId());
        assertThat(audits.selectStandingSessionIds(List.of(declinedOnce.getId()))).isEmpty();
        assertThat(audits.countStandingAudits(audited.getId())).isOne();
        assertThat(audits.countStandingAudits(declinedOnce.getId())).isZero();
    }

    @Test
    void bookingsAreTheAssignmentsNotDeclinedOfAuditsNotDeclinedBetweenTwoDaysByPersonAndDay() {
        Audit first = audit(townSessions.get(0), AuditMode.FIXED, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 3, 10));
        assign(first, countyAuditor, true, AssignmentStatus.ACCEPTED, null);
        AuditAssignment declined = assign(first, siblingAuditor, false, AssignmentStatus.DECLINED, null);
        Audit later = audit(siblingSessions.get(0), AuditMode.RANDOM, AuditStatus.ASSIGNING, LocalDate.of(YEAR, 3, 20));
        assign(later, countyAuditor, true, AssignmentStatus.PENDING, null);
        assign(later, townAuditor, false, AssignmentStatus.PENDING, declined.getId());
        Audit refused = audit(townSessions.get(1), AuditMode.INVITED, AuditStatus.DECLINED, LocalDate.of(YEAR, 3, 15));
        assign(refused, townAuditor, true, AssignmentStatus.ACCEPTED, null);
        Audit outside = audit(townSessions.get(2), AuditMode.FIXED, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 3, 21));
        assign(outside, townAuditor, true, AssignmentStatus.ACCEPTED, null);

        List<AuditMapper.Booked> booked = audits.selectBookings(LocalDate.of(YEAR, 3, 10), LocalDate.of(YEAR, 3, 20));

        assertThat(booked).extracting(b -> b.getPersonId() + ":" + b.getAuditId()).containsExactly(
            countyAuditor.getId() + ":" + first.getId(), countyAuditor.getId() + ":" + later.getId(),
            townAuditor.getId() + ":" + later.getId());
        assertThat(booked.get(1)).satisfies(b -> {
            assertThat(b.getDisplayName()).isEqualTo("张海燕");
            assertThat(b.getTitle()).isEqualTo(later.getTitle());
            assertThat(b.getSessionId()).isEqualTo(siblingSessions.get(0).getId());
            assertThat(b.getSitInDay()).isEqualTo(LocalDate.of(YEAR, 3, 20));
            assertThat(b.getStartTime()).as("the session's hours are AuditSessions' to add").isNull();
        });
        assertThat(audits.selectBookings(LocalDate.of(YEAR, 3, 11), LocalDate.of(YEAR, 3, 19))).isEmpty();
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
}
