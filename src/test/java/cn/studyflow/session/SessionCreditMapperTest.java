package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.credits.CreditQuery;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SessionCreditMapper.selectRosterFacts, what {@link SessionCredits} makes attendance and lead lines of: the roster
 * rows of held sessions only (not scheduled, not cancelled), dated from the first to the last day of the query
 * inclusive, of the people whose organisation is the one asked (not the session's) or of the one person asked; each
 * with the person, the session, its title, day and times, the part (chair and speaker being who led) and every
 * attendance as the roster has it (the rule, not the query, decides that absence earns nothing).
 */
@MapperTest
class SessionCreditMapperTest {

    @Autowired SessionCreditMapper mapper;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;
    @Autowired JdbcTemplate jdbc;

    SessionRows rows;
    Org town;
    Org sibling;
    Person secretary;
    Person member;
    Person late;
    Person neighbour;

    @BeforeEach
    void people() {
        rows = new SessionRows(jdbc);
        town = Rows.org(orgs, "卞桥镇党委", null);
        sibling = Rows.org(orgs, "王坟镇党委", null);
        secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
        member = Rows.person(people, town, "孙玉兰", true, Role.MEMBER);
        late = Rows.person(people, town, "张海燕", true, Role.MEMBER);
        neighbour = Rows.person(people, sibling, "陈丽娟", true, Role.MEMBER);
    }

    @Test
    void aHeldSessionGivesEveryRosterRowWithItsPartAttendanceDayAndTimes() {
        long held = held(town, "学习贯彻党的二十届三中全会精神", LocalDate.of(2031, 3, 18));
        jdbc.update("UPDATE sf_study_session SET start_time = ?, end_time = ? WHERE id = ?", LocalTime.of(8, 30),
            LocalTime.of(11, 45), held);
        rows.roster(held, secretary.getId(), Part.CHAIR, Attendance.PRESENT);
        rows.roster(held, member.getId(), Part.SPEAKER, Attendance.ABSENT);
        rows.roster(held, late.getId(), Part.MEMBER, Attendance.LATE);

        assertThat(mapper.selectRosterFacts(CreditQuery.ofOrg(town.getId(), 2031)))
            .extracting(r -> r.personId() + ":" + r.part() + ":" + r.attendance())
            .as("in the order of the person's id; absence comes through for the ledger to show it earns nothing")
            .containsExactly(secretary.getId() + ":CHAIR:PRESENT", member.getId() + ":SPEAKER:ABSENT",
                late.getId() + ":MEMBER:LATE");
        assertThat(mapper.selectRosterFacts(CreditQuery.ofPerson(secretary.getId(), 2031))).singleElement()
            .satisfies(r -> {
                assertThat(r.personId()).isEqualTo(secretary.getId());
                assertThat(r.sessionId()).isEqualTo(held);
                assertThat(r.title()).isEqualTo("学习贯彻党的二十届三中全会精神");
                assertThat(r.sessionDate()).isEqualTo(LocalDate.of(2031, 3, 18));
                assertThat(r.startTime()).isEqualTo(LocalTime.of(8, 30));
                assertThat(r.endTime()).isEqualTo(LocalTime.of(11, 45));
                assertThat(r.part()).isEqualTo(Part.CHAIR);
                assertThat(r.attendance()).isEqualTo(Attendance.PRESENT);
            });
    }

    @Test
    void onlyHeldSessionsCountNotScheduledOrCancelledOnes() {
        long held = held(town, "专题一", LocalDate.of(2031, 4, 8));
        long scheduled = rows.session(town.getId(), "专题二", LocalDate.of(2031, 4, 9), 2031, 4, SessionService.SCHEDULED);
        long cancelled = rows.session(town.getId(), "专题三", LocalDate.of(2031, 4, 10), 2031, 4,
            SessionService.CANCELLED);
        for (long session : new long[] {held, scheduled, cancelled}) {
            rows.roster(session, secretary.getId(), Part.CHAIR, Attendance.PRESENT);
            rows.roster(session, member.getId(), Part.MEMBER, Attendance.PRESENT);
        }

        assertThat(mapper.selectRosterFacts(CreditQuery.ofOrg(town.getId(), 2031)))
            .extracting(SessionCreditMapper.Row::sessionId).containsExactly(held, held);
        assertThat(mapper.selectRosterFacts(CreditQuery.ofPerson(member.getId(), 2031)))
            .extracting(SessionCreditMapper.Row::sessionId).containsExactly(held);
    }

    @Test
    void theDaysOfTheQueryCountFromTheFirstToTheLastInclusiveInOrderOfDay() {
        long before = held(town, "上年末", LocalDate.of(2030, 12, 31));
        long last = held(town, "岁末", LocalDate.of(2031, 12, 31));
        long middle = held(town, "年中", LocalDate.of(2031, 6, 30));
        long first = held(town, "年初", LocalDate.of(2031, 1, 1));
        long after = held(town, "次年初", LocalDate.of(2032, 1, 1));
        for (long session : new long[] {before, last, middle, first, after}) {
            rows.roster(session, member.getId(), Part.MEMBER, Attendance.PRESENT);
        }

        assertThat(mapper.selectRosterFacts(CreditQuery.ofOrg(town.getId(), 2031)))
            .extracting(SessionCreditMapper.Row::sessionId).containsExactly(first, middle, last);
        assertThat(mapper.selectRosterFacts(CreditQuery.ofPerson(member.getId(), 2030)))
            .extracting(SessionCreditMapper.Row::sessionId).containsExactly(before);
        assertThat(mapper.selectRosterFacts(new CreditQuery(null, member.getId(), LocalDate.of(2031, 6, 30),
            LocalDate.of(2031, 6, 30)))).extracting(SessionCreditMapper.Row::sessionId)
            .as("a query of one day").containsExactly(middle);
        assertThat(mapper.selectRosterFacts(CreditQuery.ofPerson(member.getId(), 2033))).isEmpty();
    }

    @Test
    void anOrganisationsFactsAreThoseOfItsPeopleWhereverTheySatAndAPersonsAreTheirOwn() {
        long atHome = held(town, "镇党委专题", LocalDate.of(2031, 5, 12));
        long nextDoor = held(sibling, "兄弟镇扩大学习", LocalDate.of(2031, 5, 20));
        rows.roster(atHome, member.getId(), Part.MEMBER, Attendance.PRESENT);
        rows.roster(atHome, neighbour.getId(), Part.GUEST, Attendance.PRESENT);
        rows.roster(nextDoor, neighbour.getId(), Part.CHAIR, Attendance.PRESENT);
        rows.roster(nextDoor, member.getId(), Part.SPEAKER, Attendance.LATE);

        assertThat(mapper.selectRosterFacts(CreditQuery.ofOrg(town.getId(), 2031)))
            .extracting(r -> r.sessionId() + ":" + r.personId())
            .as("the town's member, also at the sibling's session; not the sibling's guest at the town's")
            .containsExactly(atHome + ":" + member.getId(), nextDoor + ":" + member.getId());
        assertThat(mapper.selectRosterFacts(CreditQuery.ofOrg(sibling.getId(), 2031)))
            .extracting(r -> r.sessionId() + ":" + r.personId() + ":" + r.part())
            .containsExactly(atHome + ":" + neighbour.getId() + ":GUEST",
                nextDoor + ":" + neighbour.getId() + ":CHAIR");
        assertThat(mapper.selectRosterFacts(CreditQuery.ofPerson(member.getId(), 2031)))
            .extracting(r -> r.title() + ":" + r.part() + ":" + r.attendance())
            .containsExactly("镇党委专题:MEMBER:PRESENT", "兄弟镇扩大学习:SPEAKER:LATE");
        assertThat(mapper.selectRosterFacts(CreditQuery.ofPerson(secretary.getId(), 2031)))
            .as("on no roster").isEmpty();
    }

    private long held(Org org, String title, LocalDate day) {
        return rows.session(org.getId(), title, day, day.getYear(), day.getMonthValue(), SessionService.HELD);
    }
}
