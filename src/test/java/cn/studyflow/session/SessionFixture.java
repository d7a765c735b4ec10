package cn.studyflow.session;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A town of its own below 青州市委 for each scheduling test: its secretary, leader, two members, a guest from
 * another town, and a session of a plan topic that has no day yet.
 */
final class SessionFixture {

    /** A day well ahead, so that the rule against the past never gets in the way. */
    static final LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(40);

    final Org town;
    final CurrentUser secretary;
    final CurrentUser leader;
    final CurrentUser member;
    final CurrentUser member2;
    final CurrentUser guest;
    final StudySession session;

    SessionFixture(Org town, CurrentUser secretary, CurrentUser leader, CurrentUser member, CurrentUser member2,
                   CurrentUser guest, ScheduleMapper schedule) {
        this.town = town;
        this.secretary = secretary;
        this.leader = leader;
        this.member = member;
        this.member2 = member2;
        this.guest = guest;
        this.session = undated(town, schedule, "学习贯彻党的二十大精神");
    }

    static StudySession undated(Org town, ScheduleMapper schedule, String title) {
        StudySession s = new StudySession();
        s.setOrgId(town.getId());
        s.setTitle(title);
        s.setFormat("COLLECTIVE_STUDY");
        s.setSpeaker("王建国");
        s.setSessionYear(DAY.getYear());
        s.setSessionMonth(DAY.getMonthValue());
        s.setStatus(SessionService.SCHEDULED);
        s.setCreatedAt(OffsetDateTime.now());
        schedule.insertProposal(s);
        return s;
    }

    /** A complete form for the fixture's session: {@link #DAY}, 09:00–11:30, the leader in the chair. */
    ScheduleForm form(int version) {
        ScheduleForm f = new ScheduleForm();
        f.setVersion(version);
        f.setDate(DAY);
        f.setStartTime(LocalTime.of(9, 0));
        f.setEndTime(LocalTime.of(11, 30));
        f.setPlace("镇党委三楼会议室");
        f.setChairId(leader.getPersonId());
        f.setSpeakerIds(List.of(member.getPersonId()));
        f.setGuestIds(List.of(guest.getPersonId()));
        return f;
    }
}
