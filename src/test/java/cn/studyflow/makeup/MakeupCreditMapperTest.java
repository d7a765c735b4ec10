package cn.studyflow.makeup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.credits.CreditQuery;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.plan.PlanMapper;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.StudySession;
import cn.studyflow.session.StudySessionMapper;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MakeupCreditMapper.selectFacts, what {@link MakeupCredits} makes make-up lines of: every make-up whatever its status
 * (the rule, not the query, gives only an accepted one credits), dated by its acceptance when accepted and by its
 * assignment otherwise, in [from, until) as instants (the zone's midnights of the year), of the people whose
 * organisation is the one asked (not the deciding one) or of the one person asked; each with its id, person, session,
 * status and that instant, in the order of the instant.
 */
@MapperTest
class MakeupCreditMapperTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired MakeupCreditMapper mapper;
    @Autowired MakeupMapper makeups;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;
    @Autowired PlanMapper plans;
    @Autowired StudySessionMapper sessionMapper;
    @Autowired JdbcTemplate jdbc;

    Org town;
    Org sibling;
    Person member;
    Person colleague;
    Person neighbour;
    Person secretary;
    Iterator<StudySession> sessions;

    @BeforeEach
    void rows() {
        town = Rows.org(orgs, "卞桥镇党委", null);
        sibling = Rows.org(orgs, "王坟镇党委", null);
        secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
        member = Rows.person(people, town, "孙玉兰", true, Role.MEMBER);
        colleague = Rows.person(people, town, "张海燕", true, Role.MEMBER);
        neighbour = Rows.person(people, sibling, "陈丽娟", true, Role.MEMBER);
        sessions = Rows.sessions(sessionMapper, Rows.plan(plans, town, secretary, 2031), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
            11, 12).iterator();
    }

    @Test
    void anAcceptedMakeupIsReadWithItsPersonSessionStatusAndTheInstantOfAcceptance() {
        StudySession session = sessions.next();
        Makeup accepted = makeup(member, session, town, MakeupStatus.ACCEPTED, "2031-03-02T09:00:00+08:00",
            "2031-03-15T16:20:05+08:00");

        assertThat(facts(CreditQuery.ofPerson(member.getId(), 2031))).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(accepted.getId());
            assertThat(f.personId()).isEqualTo(member.getId());
            assertThat(f.sessionId()).isEqualTo(session.getId());
            assertThat(f.status()).isEqualTo(MakeupStatus.ACCEPTED);
            assertThat(f.factAt()).isAtSameInstantAs(OffsetDateTime.parse("2031-03-15T16:20:05+08:00"));
        });
    }

    @Test
    void everyStatusComesThroughDatedByItsAssignmentUnlessAccepted() {
        Makeup assigned = makeup(member, sessions.next(), town, MakeupStatus.ASSIGNED, "2031-02-01T10:00:00+08:00",
            null);
        Makeup submitted = makeup(member, sessions.next(), town, MakeupStatus.SUBMITTED, "2031-02-02T10:00:00+08:00",
            null);
        // sent back by the secretary after the year: still dated by its assignment, so still of this year
        Makeup returned = makeup(member, sessions.next(), town, MakeupStatus.RETURNED, "2031-02-03T10:00:00+08:00",
            "2032-01-05T10:00:00+08:00");
        Makeup waived = makeup(member, sessions.next(), town, MakeupStatus.WAIVED, "2031-02-04T10:00:00+08:00", null);
        Makeup withdrawn = makeup(member, sessions.next(), town, MakeupStatus.WITHDRAWN, "2031-02-05T10:00:00+08:00",
            null);
        // accepted without a recorded decision: its assignment stands in
        Makeup undated = makeup(member, sessions.next(), town, MakeupStatus.ACCEPTED, "2031-02-06T10:00:00+08:00",
            null);

        List<MakeupCreditMapper.Fact> facts = facts(CreditQuery.ofPerson(member.getId(), 2031));
        assertThat(facts).extracting(f -> f.id() + ":" + f.status()).containsExactly(
            assigned.getId() + ":ASSIGNED", submitted.getId() + ":SUBMITTED", returned.getId() + ":RETURNED",
            waived.getId() + ":WAIVED", withdrawn.getId() + ":WITHDRAWN", undated.getId() + ":ACCEPTED");
        assertThat(facts.get(2).factAt()).isAtSameInstantAs(returned.getCreatedAt());
        assertThat(facts.get(5).factAt()).isAtSameInstantAs(undated.getCreatedAt());
        assertThat(facts(CreditQuery.ofPerson(member.getId(), 2032))).as("a return is no acceptance").isEmpty();
    }

    @Test
    void anAcceptedMakeupBelongsToTheYearOfItsAcceptanceNotOfItsAssignment() {
        Makeup acrossNewYear = makeup(member, sessions.next(), town, MakeupStatus.ACCEPTED, "2030-12-20T10:00:00+08:00",
            "2031-01-04T10:00:00+08:00");
        Makeup intoNextYear = makeup(member, sessions.next(), town, MakeupStatus.ACCEPTED, "2031-12-20T10:00:00+08:00",
            "2032-01-03T10:00:00+08:00");
        Makeup stillOpen = makeup(member, sessions.next(), town, MakeupStatus.SUBMITTED, "2030-12-21T10:00:00+08:00",
            null);

        assertThat(ids(CreditQuery.ofPerson(member.getId(), 2031))).containsExactly(acrossNewYear.getId());
        assertThat(ids(CreditQuery.ofPerson(member.getId(), 2030))).containsExactly(stillOpen.getId());
        assertThat(ids(CreditQuery.ofOrg(town.getId(), 2032))).containsExactly(intoNextYear.getId());
    }

    @Test
    void theYearRunsFromTheZonesFirstMidnightToTheNextYearsExclusiveInOrderOfTheDay() {
        Makeup last = makeup(member, sessions.next(), town, MakeupStatus.ASSIGNED, "2031-12-31T23:59:59+08:00", null);
        Makeup justAfter = makeup(member, sessions.next(), town, MakeupStatus.ASSIGNED, "2031-12-31T16:00:00Z", null);
        Makeup justBefore = makeup(member, sessions.next(), town, MakeupStatus.ASSIGNED, "2030-12-31T23:59:59+08:00",
            null);
        Makeup accepted = makeup(member, sessions.next(), town, MakeupStatus.ACCEPTED, "2031-01-01T00:00:00+08:00",
            "2031-06-01T08:00:00+08:00");
        Makeup first = makeup(member, sessions.next(), town, MakeupStatus.ASSIGNED, "2030-12-31T16:00:00Z", null);

        assertThat(ids(CreditQuery.ofPerson(member.getId(), 2031)))
            .as("16:00 UTC on 31 December is midnight in Shanghai; the acceptance in June orders the accepted one")
            .containsExactly(first.getId(), accepted.getId(), last.getId());
        assertThat(ids(CreditQuery.ofPerson(member.getId(), 2030))).containsExactly(justBefore.getId());
        assertThat(ids(CreditQuery.ofPerson(member.getId(), 2032))).containsExactly(justAfter.getId());
    }

    @Test
    void anOrganisationsMakeupsAreThoseOfItsPeopleWhoeverDecidesThemAndAPersonsTheirOwn() {
        StudySession session = sessions.next();
        Makeup mine = makeup(member, session, town, MakeupStatus.ACCEPTED, "2031-04-01T10:00:00+08:00",
            "2031-04-10T10:00:00+08:00");
        Makeup theirs = makeup(colleague, session, town, MakeupStatus.ASSIGNED, "2031-04-02T10:00:00+08:00", null);
        // the sibling decides the make-up of its own member at the town's session
        Makeup neighbours = makeup(neighbour, session, sibling, MakeupStatus.SUBMITTED, "2031-04-03T10:00:00+08:00",
            null);
        // assigned by the town to someone who has since moved to the sibling
        Person moved = Rows.person(people, sibling, "王建国", true, Role.MEMBER);
        Makeup movedOwn = makeup(moved, session, town, MakeupStatus.ASSIGNED, "2031-04-04T10:00:00+08:00", null);

        assertThat(ids(CreditQuery.ofOrg(town.getId(), 2031)))
            .as("by the person's organisation, not the deciding one; by day")
            .containsExactly(theirs.getId(), mine.getId());
        assertThat(facts(CreditQuery.ofOrg(sibling.getId(), 2031))).extracting(MakeupCreditMapper.Fact::personId)
            .containsExactly(neighbour.getId(), moved.getId());
        assertThat(ids(CreditQuery.ofPerson(member.getId(), 2031))).containsExactly(mine.getId());
        assertThat(ids(CreditQuery.ofPerson(moved.getId(), 2031))).containsExactly(movedOwn.getId());
        assertThat(ids(CreditQuery.ofPerson(neighbour.getId(), 2031))).containsExactly(neighbours.getId());
        assertThat(ids(CreditQuery.ofPerson(secretary.getId(), 2031))).as("no make-up of their own").isEmpty();
    }

    private List<MakeupCreditMapper.Fact> facts(CreditQuery q) {
        return mapper.selectFacts(q, q.start(ZONE), q.end(ZONE));
    }

    private List<Long> ids(CreditQuery q) {
        return facts(q).stream().map(MakeupCreditMapper.Fact::id).toList();
    }

    /** A make-up assigned at {@code created}, as assignment inserts it; then its status and, if any, its decision. */
    private Makeup makeup(Person of, StudySession session, Org decidedBy, MakeupStatus status, String created,
                          String decided) {
        Makeup m = new Makeup();
        m.setOrgId(decidedBy.getId());
        m.setSessionId(session.getId());
        m.setPersonId(of.getId());
        m.setAbsence(Attendance.LEAVE);
        m.setStatus(MakeupStatus.ASSIGNED);
        m.setCreatedAt(OffsetDateTime.parse(created));
        m.setUpdatedAt(m.getCreatedAt());
        m.setDueAt(m.getCreatedAt().plusDays(30));
        makeups.insert(m);
        jdbc.update("UPDATE sf_makeup SET status = ? WHERE id = ?", status.name(), m.getId());
        if (decided != null) {
            jdbc.update("UPDATE sf_makeup SET decided_by = ?, decided_at = ? WHERE id = ?", secretary.getId(),
                OffsetDateTime.parse(decided), m.getId());
        }
        return m;
    }
}
