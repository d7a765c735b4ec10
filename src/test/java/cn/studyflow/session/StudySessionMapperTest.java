package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
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

        assertThat(sessions.selectScheduledIn(asked, 203103, 203104)).extracting(StudySession::getId)
            .as("March before April; in a month by path: the county, its town, then the other county, made before the"
                + " town; the cancelled one left out")
            .containsExactly(ofTown.get(0).getId(), ofTown.get(1).getId(), ofCounty.get(0).getId(),
                ofTown.get(2).getId(), ofElsewhere.get(1).getId());
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

    private static String orgName(StudySession s, Org town) {
        return s.getOrgId().equals(town.getId()) ? "town" : "sibling";
    }
}
