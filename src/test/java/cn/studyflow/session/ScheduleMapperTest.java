package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MapperTest
class ScheduleMapperTest {

    static final LocalDate DAY = LocalDate.of(2031, 3, 14);

    @Autowired ScheduleMapper schedule;
    @Autowired StudySessionMapper sessions;
    @Autowired RosterMapper roster;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;

    @Test
    void aScheduleWrittenAtAnOldVersionChangesNothing() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        StudySession s = session(town, "专题", DAY, 9, 11, SessionService.SCHEDULED);
        StudySession first = sessions.selectById(s.getId());
        StudySession second = sessions.selectById(s.getId());

        first.setPlace("镇党委会议室");
        first.setUpdatedAt(OffsetDateTime.now());
        assertThat(schedule.updateSchedule(first)).isEqualTo(1);
        second.setPlace("村委会");
        second.setUpdatedAt(OffsetDateTime.now());
        assertThat(schedule.updateSchedule(second)).as("the second writer read version 0").isZero();

        StudySession stored = sessions.selectById(s.getId());
        assertThat(stored.getPlace()).isEqualTo("镇党委会议室");
        assertThat(stored.getVersion()).isEqualTo(1);
        assertThat(schedule.updateStatus(s.getId(), 0, SessionService.CANCELLED, null, "晚了", OffsetDateTime.now()))
            .isZero();
        assertThat(schedule.updateStatus(s.getId(), 1, SessionService.CANCELLED, null, "改期", OffsetDateTime.now()))
            .isEqualTo(1);
        assertThat(sessions.selectById(s.getId()).getCancelReason()).isEqualTo("改期");
    }

    @Test
    void hoursOverlapOnlyWithLiveSessionsOfTheSameGroupOnTheSameDay() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Org other = Rows.org(orgs, "王坟镇党委", null);
        StudySession morning = session(town, "上午", DAY, 9, 11, SessionService.SCHEDULED);
        session(town, "取消的", DAY, 14, 16, SessionService.CANCELLED);
        session(other, "别的组", DAY, 14, 16, SessionService.SCHEDULED);

        assertThat(overlaps(town, DAY, 10, 12, 0)).isEqualTo(1);
        assertThat(overlaps(town, DAY, 11, 12, 0)).as("starting when the other ends").isZero();
        assertThat(overlaps(town, DAY, 8, 9, 0)).as("ending when the other starts").isZero();
        assertThat(overlaps(town, DAY, 14, 16, 0)).as("cancelled and other groups' hours are free").isZero();
        assertThat(overlaps(town, DAY.plusDays(1), 9, 11, 0)).isZero();
        assertThat(overlaps(town, DAY, 9, 11, morning.getId())).as("a session does not overlap itself").isZero();
    }

    @Test
    void theCalendarOfASubtreeListsTheFirstSessionsOfEachDayAndCountsAll() {
        Org county = Rows.org(orgs, "青州市委", null);
        Org town = Rows.org(orgs, "卞桥镇党委", county);
        Org elsewhere = Rows.org(orgs, "淄川区委", null);
        for (int hour = 8; hour < 14; hour++) {
            session(town, "第" + hour + "时", DAY, hour, hour + 1, SessionService.SCHEDULED);
        }
        session(county, "市委", DAY.plusDays(1), 9, 11, SessionService.HELD);
        session(county, "待批", DAY.plusDays(1), 14, 16, SessionProposals.PROPOSED);
        session(elsewhere, "外区", DAY, 9, 11, SessionService.SCHEDULED);
        session(town, "下月", DAY.plusMonths(1), 9, 11, SessionService.SCHEDULED);

        var entries = schedule.selectCalendar(null, county.getPath() + "%", DAY.withDayOfMonth(1),
            DAY.withDayOfMonth(31), 4);

        assertThat(entries).extracting(CalendarEntry::getTitle).containsExactly("第8时", "第9时", "第10时", "第11时", "市委");
        assertThat(entries.get(0).getDayCount()).isEqualTo(6);
        assertThat(entries.get(0).getOrgName()).isEqualTo("卞桥镇党委");
        assertThat(entries.get(4).getDayCount()).as("a proposal does not count yet").isEqualTo(1);
        assertThat(schedule.selectCalendar(county.getId(), null, DAY.withDayOfMonth(1), DAY.withDayOfMonth(31), 4))
            .extracting(CalendarEntry::getTitle).containsExactly("市委");
        assertThat(schedule.selectRange(town.getId(), null, DAY, DAY.plusMonths(1))).hasSize(7);
    }

    @Test
    void aPersonsComingSessionsAndAttendanceComeFromTheirRosterRows() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Person member = Rows.person(people, town, "孙玉兰", true, Role.MEMBER);
        StudySession held = session(town, "已开", DAY.minusDays(7), 9, 11, SessionService.HELD);
        StudySession coming = session(town, "将开", DAY.plusDays(7), 9, 11, SessionService.SCHEDULED);
        StudySession cancelled = session(town, "取消", DAY.plusDays(8), 9, 11, SessionService.CANCELLED);
        session(town, "不在名单", DAY.plusDays(9), 9, 11, SessionService.SCHEDULED);
        for (StudySession s : new StudySession[] {held, coming, cancelled}) {
            roster.insertAll(java.util.List.of(Roster.expected(s.getId(), member.getId(), Part.MEMBER)));
        }
        roster.updateAttendance(held.getId(), member.getId(), Attendance.EXPECTED, Attendance.LATE, null, null);

        assertThat(schedule.selectComing(member.getId(), DAY, 5)).singleElement()
            .satisfies(m -> assertThat(m.getTitle()).isEqualTo("将开"));
        assertThat(schedule.selectComingSessions(member.getId(), DAY)).singleElement()
            .satisfies(s -> assertThat(s.getTitle()).isEqualTo("将开"));
        assertThat(schedule.selectAttended(member.getId(), 2031, DAY)).singleElement().satisfies(m -> {
            assertThat(m.getTitle()).isEqualTo("已开");
            assertThat(m.getAttendance()).isEqualTo(Attendance.LATE);
        });
    }

    @Test
    void todaysSessionCountsInThePersonsYearOnceItIsHeld() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Person member = Rows.person(people, town, "孙玉兰", true, Role.MEMBER);
        StudySession heldToday = session(town, "今日已开", DAY, 8, 9, SessionService.HELD);
        StudySession stillToCome = session(town, "今日将开", DAY, 15, 16, SessionService.SCHEDULED);
        for (StudySession s : new StudySession[] {heldToday, stillToCome}) {
            roster.insertAll(java.util.List.of(Roster.expected(s.getId(), member.getId(), Part.MEMBER)));
        }

        assertThat(schedule.selectAttended(member.getId(), 2031, DAY)).singleElement()
            .satisfies(m -> assertThat(m.getTitle()).isEqualTo("今日已开"));
    }

    private int overlaps(Org org, LocalDate day, int from, int to, long except) {
        return schedule.countOverlaps(org.getId(), day, LocalTime.of(from, 0), LocalTime.of(to, 0), except);
    }

    private StudySession session(Org org, String title, LocalDate day, int from, int to, String status) {
        StudySession s = new StudySession();
        s.setOrgId(org.getId());
        s.setTitle(title);
        s.setFormat("COLLECTIVE_STUDY");
        s.setSpeaker("");
        s.setSessionDate(day);
        s.setSessionYear(day.getYear());
        s.setSessionMonth(day.getMonthValue());
        s.setStartTime(LocalTime.of(from, 0));
        s.setEndTime(LocalTime.of(to, 0));
        s.setPlace("会议室");
        s.setStatus(status);
        s.setCreatedAt(OffsetDateTime.now());
        schedule.insertProposal(s);
        return s;
    }
}
