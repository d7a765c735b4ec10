package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.plan.PlanMapper;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MapperTest
class RosterMapperTest {

    @Autowired RosterMapper roster;
    @Autowired StudySessionMapper sessions;
    @Autowired PlanMapper plans;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;

    @Test
    void ofTwoAttendanceChangesFromTheSameStateOnlyTheFirstCounts() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Person secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
        Person member = Rows.person(people, town, "孙玉兰", true, Role.MEMBER);
        long session = Rows.sessions(sessions, Rows.plan(plans, town, secretary, 2031), 3).get(0).getId();
        roster.insertAll(List.of(Roster.expected(session, member.getId(), Part.MEMBER),
            Roster.expected(session, secretary.getId(), Part.CHAIR)));

        assertThat(roster.updateAttendance(session, member.getId(), Attendance.EXPECTED, Attendance.PRESENT, null, null))
            .isEqualTo(1);
        assertThat(roster.updateAttendance(session, member.getId(), Attendance.EXPECTED, Attendance.LATE,
            secretary.getId(), "手工补签")).as("no longer EXPECTED").isZero();

        RosterEntry entry = roster.selectOne(session, member.getId());
        assertThat(entry.getAttendance()).isEqualTo(Attendance.PRESENT);
        assertThat(entry.getSignedAt()).isNotNull();
        assertThat(entry.getMarkReason()).isNull();
        assertThat(roster.selectBySession(session)).extracting(RosterEntry::getPart)
            .containsExactlyInAnyOrder(Part.MEMBER, Part.CHAIR);
    }

    @Test
    void peopleTakenOffARosterLeaveNoRowAndAPartChangesInPlace() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Person secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
        Person guest = Rows.person(people, town, "张海燕", true);
        Person member = Rows.person(people, town, "孙玉兰", true, Role.MEMBER);
        long session = Rows.sessions(sessions, Rows.plan(plans, town, secretary, 2031), 3).get(0).getId();
        roster.insertAll(List.of(Roster.expected(session, guest.getId(), Part.GUEST),
            Roster.expected(session, member.getId(), Part.MEMBER)));

        assertThat(roster.deletePeople(session, List.of(guest.getId()))).isEqualTo(1);
        assertThat(roster.updatePart(session, member.getId(), Part.SPEAKER)).isEqualTo(1);

        assertThat(roster.selectBySession(session)).singleElement().satisfies(e -> {
            assertThat(e.getPersonId()).isEqualTo(member.getId());
            assertThat(e.getPart()).isEqualTo(Part.SPEAKER);
            assertThat(e.getAttendance()).isEqualTo(Attendance.EXPECTED);
        });
    }
}
