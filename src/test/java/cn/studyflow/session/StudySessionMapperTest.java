package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.assessment.StudyPeriod;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanMapper;
import cn.studyflow.status.OrgFiguresScenario;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@MapperTest
class StudySessionMapperTest {

    @Autowired StudySessionMapper sessions;
    @Autowired PlanMapper plans;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;
    @Autowired JdbcTemplate jdbc;

    @Test
    void sessionsOfAPlanAreStoredAllAtOnceAndReadByMonth() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Plan plan = Rows.plan(plans, town, Rows.person(people, town, "李文华", true, Role.SECRETARY), 2031);

        List<StudySession> stored = Rows.sessions(sessions, plan, 5, 1, 3);

        assertThat(stored).extracting(StudySession::getSessionMonth).containsExactly(1, 3, 5);
        StudySession first = sessions.selectById(stored.get(0).getId());
        assertThat(first.getTitle()).isEqualTo("专题1");
        assertThat(first.getOrgId()).isEqualTo(town.getId());
        assertThat(first.getSessionYear()).isEqualTo(2031);
        assertThat(first.getTopicKey()).isEqualTo(2);
        assertThat(first.getStatus()).isEqualTo("SCHEDULED");
        assertThat(first.isEnlarged()).isFalse();
    }

    @Test
    void sessionsOfSeveralOrganisationsAreListedByYearMonthAndOrganisationAndFilteredByYear() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Org sibling = Rows.org(orgs, "王坟镇党委", null);
        Org elsewhere = Rows.org(orgs, "淄川区委", null);
        Person secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
        Rows.sessions(sessions, Rows.plan(plans, town, secretary, 2031), 2, 1);
        Rows.sessions(sessions, Rows.plan(plans, town, secretary, 2032), 1);
        Rows.sessions(sessions, Rows.plan(plans, sibling, secretary, 2031), 1);
        Rows.sessions(sessions, Rows.plan(plans, elsewhere, secretary, 2031), 1);

        List<StudySession> both = sessions.selectByOrgs(List.of(town.getId(), sibling.getId()), null);
        assertThat(both).extracting(s -> s.getSessionYear() + "-" + s.getSessionMonth() + "-" + orgName(s, town))
            .containsExactly("2031-1-town", "2031-1-sibling", "2031-2-town", "2032-1-town");
        assertThat(sessions.selectByOrgs(List.of(town.getId(), sibling.getId()), 2032)).singleElement()
            .satisfies(s -> assertThat(s.getOrgId()).isEqualTo(town.getId()));
        assertThat(sessions.selectByOrgs(List.of(elsewhere.getId()), 2031)).hasSize(1);
        assertThat(sessions.selectByOrgs(List.of(town.getId()), 2030)).isEmpty();
    }

    @Test
    void sessionsAreReadByTheirIdsAndAnIdOfNoSessionIsLeftOut() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Plan plan = Rows.plan(plans, town, Rows.person(people, town, "李文华", true, Role.SECRETARY), 2031);
        List<StudySession> stored = Rows.sessions(sessions, plan, 1, 2, 3);

        List<StudySession> read = sessions.selectByIds(List.of(stored.get(2).getId(), stored.get(0).getId(), -1L));

        assertThat(read).extracting(StudySession::getSessionMonth).containsExactlyInAnyOrder(1, 3);
        assertThat(read).extracting(StudySession::getTitle).containsExactlyInAnyOrder("专题1", "专题3");
    }

    @Test
    void theSessionsOfAnOrganisationFromAYearOnAreListedByYearMonthAndDay() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Org sibling = Rows.org(orgs, "王坟镇党委", null);
        Person secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
        List<StudySession> of2031 = Rows.sessions(sessions, Rows.plan(plans, town, secretary, 2031), 4, 3, 3);
        day(of2031.get(0), LocalDate.of(2031, 3, 20));
        day(of2031.get(1), LocalDate.of(2031, 3, 6));
        List<StudySession> of2032 = Rows.sessions(sessions, Rows.plan(plans, town, secretary, 2032), 1);
        Rows.sessions(sessions, Rows.plan(plans, town, secretary, 2030), 12);
        List<StudySession> siblings = Rows.sessions(sessions, Rows.plan(plans, sibling, secretary, 2031), 3);

        assertThat(sessions.selectByOrgFrom(town.getId(), 2031)).extracting(StudySession::getId)
            .as("March the 6th, March the 20th, April, then 2032; not 2030")
            .containsExactly(of2031.get(1).getId(), of2031.get(0).getId(), of2031.get(2).getId(),
                of2032.get(0).getId());
        assertThat(sessions.selectByOrgFrom(sibling.getId(), 2031)).extracting(StudySession::getId)
            .containsExactly(siblings.get(0).getId());
        assertThat(sessions.selectByOrgFrom(town.getId(), 2033)).isEmpty();
    }

    @Test
    void aPeriodNamesItsPlannedSessionsOfItsYearAndQuarterInItsScope() {
        Org county = Rows.org(orgs, "青州市委", null);
        Org town = Rows.org(orgs, "卞桥镇党委", county);
        Org sibling = Rows.org(orgs, "王坟镇党委", county);
        Org otherCounty = Rows.org(orgs, "临朐县委", null);
        Person secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
        List<StudySession> own = Rows.sessions(sessions, Rows.plan(plans, town, secretary, 2031), 1, 2, 2, 2, 3, 5);
        StudySession january = own.get(0);
        StudySession march = own.get(4);
        StudySession undatedMay = own.get(5);
        day(january, LocalDate.of(2031, 1, 1));
        status(january, "HELD");
        day(march, LocalDate.of(2031, 3, 31));
        status(own.get(1), "CANCELLED");
        status(own.get(2), "PROPOSED");
        status(own.get(3), "REFUSED");
        StudySession siblings = Rows.sessions(sessions, Rows.plan(plans, sibling, secretary, 2031), 2).get(0);
        day(siblings, LocalDate.of(2031, 2, 14));
        StudySession nextYear = Rows.sessions(sessions, Rows.plan(plans, town, secretary, 2032), 1).get(0);
        day(nextYear, LocalDate.of(2032, 1, 10));
        StudySession elsewhere = Rows.sessions(sessions, Rows.plan(plans, otherCounty, secretary, 2031), 2).get(0);
        day(elsewhere, LocalDate.of(2031, 2, 14));
        OffsetDateTime now = OffsetDateTime.now();

        assertThat(sessions.selectPeriodIds(StudyPeriod.of(county.getPath(), 2031, null, now)))
            .as("the year: held, scheduled and undated ones of the county's towns; not cancelled, proposed or refused")
            .containsExactlyInAnyOrder(january.getId(), march.getId(), undatedMay.getId(), siblings.getId());
        assertThat(sessions.selectPeriodIds(StudyPeriod.of(county.getPath(), 2031, 1, now)))
            .as("the first quarter, its first and last day in it; not the undated one")
            .containsExactlyInAnyOrder(january.getId(), march.getId(), siblings.getId());
        StudyPeriod townAlone = new StudyPeriod(null, town.getId(), 2031, 1, LocalDate.of(2031, 1, 1),
            LocalDate.of(2031, 3, 31), now);
        assertThat(sessions.selectPeriodIds(townAlone))
            .containsExactlyInAnyOrder(january.getId(), march.getId());
        assertThat(sessions.selectPeriodIds(StudyPeriod.of(county.getPath(), 2031, 2, now))).isEmpty();
    }

    @Test
    void scheduledSessionsInMonthsAreListedByMonthThenByTheOrganisationsPlaceInTheTree() {
        Org county = Rows.org(orgs, "青州市委", null);
        Org elsewhere = Rows.org(orgs, "淄川区委", null);
        Org town = Rows.org(orgs, "卞桥镇党委", county);
        Org notAsked = Rows.org(orgs, "王坟镇党委", county);
        Person secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
        List<StudySession> ofElsewhere = Rows.sessions(sessions, Rows.plan(plans, elsewhere, secretary, 2031), 3, 4);
        List<StudySession> ofTown = Rows.sessions(sessions, Rows.plan(plans, town, secretary, 2031), 4, 3, 3, 12);
        List<StudySession> ofCounty = Rows.sessions(sessions, Rows.plan(plans, county, secretary, 2031), 4);
        Rows.sessions(sessions, Rows.plan(plans, town, secretary, 2032), 1);
        Rows.sessions(sessions, Rows.plan(plans, notAsked, secretary, 2031), 3);
        jdbc.update("UPDATE sf_study_session SET status = 'CANCELLED' WHERE id = ?", ofElsewhere.get(0).getId());
        jdbc.update("UPDATE sf_study_session SET status = 'HELD' WHERE id = ?", ofTown.get(3).getId());
        List<Long> asked = List.of(elsewhere.getId(), town.getId(), county.getId());

        Map<Long, String> paths = Map.of(county.getId(), county.getPath(), town.getId(), town.getPath(),
            elsewhere.getId(), elsewhere.getPath());
        List<Long> april = Stream.of(ofCounty.get(0), ofTown.get(2), ofElsewhere.get(1))
            .sorted(Comparator.comparing((StudySession s) -> paths.get(s.getOrgId())).thenComparing(StudySession::getId))
            .map(StudySession::getId).toList();

        List<Long> listed = sessions.selectScheduledIn(asked, 203103, 203104).stream().map(StudySession::getId).toList();

        assertThat(listed).as("March before April, in a month by the organisation's path (as text, whatever the ids'"
                + " lengths); the cancelled one left out")
            .containsExactly(ofTown.get(0).getId(), ofTown.get(1).getId(), april.get(0), april.get(1), april.get(2));
        assertThat(listed.indexOf(ofCounty.get(0).getId())).as("a county before its own town")
            .isLessThan(listed.indexOf(ofTown.get(2).getId()));
        assertThat(sessions.selectScheduledIn(asked, 203105, 203201)).extracting(StudySession::getTitle)
            .as("the held December one is no longer scheduled; January of the next year is in").containsExactly("专题1");
        assertThat(sessions.selectScheduledIn(List.of(town.getId()), 203104, 203104)).singleElement()
            .satisfies(s -> assertThat(s.getTitle()).isEqualTo("专题4"));
    }

    @Test
    void aCancelledSessionIsNotPlannedAndTheDashboardCountsOnlyItsOwnScope() {
        OrgFiguresScenario s = new OrgFiguresScenario(orgs, people, jdbc);
        jdbc.update("UPDATE sf_study_session SET status = 'CANCELLED' WHERE org_id = ? AND session_month = 7", s.town.getId());

        assertThat(sessions.selectOrgFigures(s.only(s.town), OrgFiguresScenario.YEAR)).singleElement()
            .satisfies(r -> assertThat(r.getN()).isEqualTo(3));
        assertThat(sessions.selectOrgFigures(s.only(s.sibling), OrgFiguresScenario.YEAR)).isEmpty();
    }

    @Test
    void theDashboardCountsTheSessionsPlannedAndHeldInTheYearPerOrganisationOfTheScope() {
        OrgFiguresScenario s = new OrgFiguresScenario(orgs, people, jdbc);

        assertThat(sessions.selectOrgFigures(s.subtree(s.county), OrgFiguresScenario.YEAR)).singleElement().satisfies(r -> {
            assertThat(r.getOrgId()).isEqualTo(s.town.getId());
            assertThat(r.getN()).isEqualTo(4);
            assertThat(r.getM()).as("held: the 10 March session, marked so; not the undated May one, whose month passed")
                .isEqualTo(1);
        });
    }

    private void day(StudySession s, LocalDate day) {
        jdbc.update("UPDATE sf_study_session SET session_date = ? WHERE id = ?", day == null ? null : Date.valueOf(day),
            s.getId());
    }

    private void status(StudySession s, String status) {
        jdbc.update("UPDATE sf_study_session SET status = ? WHERE id = ?", status, s.getId());
    }

    private static String orgName(StudySession s, Org town) {
        return s.getOrgId().equals(town.getId()) ? "town" : "sibling";
    }
}
