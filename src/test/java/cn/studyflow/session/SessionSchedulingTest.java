package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The secretary gives a session its day, moves it and cancels it; the roster, history and notifications follow. */
@RecordApplicationEvents
class SessionSchedulingTest extends IntegrationTest {

    @Autowired SessionScheduling scheduling;
    @Autowired ScheduleMapper schedule;
    @Autowired StudySessionMapper sessions;
    @Autowired Roster roster;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;

    SessionFixture f;

    @BeforeEach
    void town() {
        var qz = orgService.get(user("qz_dept").getOrgId());
        var town = newOrg("测试镇党委", OrgKind.TOWN, qz);
        var other = newOrg("邻镇党委", OrgKind.TOWN, qz);
        f = new SessionFixture(town, newPerson("secretary", town, Role.SECRETARY), newPerson("leader", town, Role.LEADER),
            newPerson("member", town, Role.MEMBER), newPerson("member", town, Role.MEMBER),
            newPerson("guest", other, Role.MEMBER), schedule);
        newPerson("auditor", town, Role.AUDITOR);
    }

    @Test
    void schedulingGivesTheDayBuildsTheRosterTellsEveryoneAndPublishesTheMove() throws Exception {
        mvc.perform(post("/sessions/{id}/schedule", f.session.getId()).with(as(f.secretary.getUsername())).with(csrf())
                .param("version", "0").param("date", SessionFixture.DAY.toString()).param("startTime", "09:00")
                .param("endTime", "11:30").param("place", "镇党委三楼会议室").param("chairId", "" + f.leader.getPersonId())
                .param("speakerIds", "" + f.member.getPersonId()).param("guestIds", "" + f.guest.getPersonId()))
            .andExpect(redirectedUrl("/sessions/" + f.session.getId()))
            .andExpect(flash().attribute("message", "session.scheduled"));

        StudySession s = sessions.selectById(f.session.getId());
        assertThat(s.getSessionDate()).isEqualTo(SessionFixture.DAY);
        assertThat(s.getStartTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(s.getPlace()).isEqualTo("镇党委三楼会议室");
        assertThat(s.getVersion()).isEqualTo(1);
        assertThat(parts()).containsExactlyInAnyOrderEntriesOf(Map.of(f.secretary.getPersonId(), Part.MEMBER,
            f.leader.getPersonId(), Part.CHAIR, f.member.getPersonId(), Part.SPEAKER,
            f.member2.getPersonId(), Part.MEMBER, f.guest.getPersonId(), Part.GUEST));
        assertThat(notified("session.notify.scheduled")).hasSize(5);
        assertThat(events.stream(SessionMoved.class)).containsExactly(
            new SessionMoved(s.getId(), SessionFixture.DAY.atTime(9, 0)));

        mvc.perform(get("/sessions/{id}", s.getId()).with(as(f.member.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString(f.leader.getDisplayName())))
            .andExpect(content().string(Matchers.containsString(f.guest.getDisplayName())))
            .andExpect(content().string(Matchers.containsString("排定时间")))
            .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"schedule-form\""))));
    }

    @Test
    void movingTheDayNeedsAReasonKeepsTheRosterInStepAndTellsWhoWasTakenOff() {
        scheduling.schedule(f.secretary, f.session.getId(), f.form(0));
        ScheduleForm moved = f.form(1);
        moved.setDate(SessionFixture.DAY.plusDays(2));
        moved.setGuestIds(List.of());

        assertRefused(() -> scheduling.schedule(f.secretary, f.session.getId(), moved), "session.error.reasonRequired");
        moved.setReason("与县委全会冲突");
        scheduling.schedule(f.secretary, f.session.getId(), moved);

        assertThat(sessions.selectById(f.session.getId()).getSessionDate()).isEqualTo(SessionFixture.DAY.plusDays(2));
        assertThat(parts()).doesNotContainKey(f.guest.getPersonId()).hasSize(4);
        assertThat(notified("session.notify.moved")).hasSize(4).doesNotContain(f.guest.getPersonId());
        assertThat(notified("session.notify.removed")).containsExactly(f.guest.getPersonId());
        assertThat(history()).containsExactly("SCHEDULE", "RESCHEDULE");
        assertThat(jdbc.queryForObject("SELECT comment FROM sf_action WHERE subject_type = 'SESSION' AND subject_id = ? "
            + "AND action = 'RESCHEDULE'", String.class, f.session.getId())).isEqualTo("与县委全会冲突");
        assertThat(events.stream(SessionMoved.class)).extracting(SessionMoved::startsAt)
            .containsExactly(SessionFixture.DAY.atTime(9, 0), SessionFixture.DAY.plusDays(2).atTime(9, 0));
    }

    @Test
    void cancellingNeedsAReasonTellsTheRosterAndPublishesNoStart() throws Exception {
        scheduling.schedule(f.secretary, f.session.getId(), f.form(0));

        mvc.perform(post("/sessions/{id}/cancel", f.session.getId()).with(as(f.leader.getUsername())).with(csrf())
                .header("Referer", "http://localhost/sessions/" + f.session.getId()).param("version", "1"))
            .andExpect(flash().attribute("error", "调整或取消学习会须说明原因。"));
        assertThat(sessions.selectById(f.session.getId()).getStatus()).isEqualTo(SessionService.SCHEDULED);

        mvc.perform(post("/sessions/{id}/cancel", f.session.getId()).with(as(f.leader.getUsername())).with(csrf())
                .param("version", "1").param("reason", "上级临时召开会议"))
            .andExpect(flash().attribute("message", "session.cancelled"));

        StudySession s = sessions.selectById(f.session.getId());
        assertThat(s.getStatus()).isEqualTo(SessionService.CANCELLED);
        assertThat(s.getCancelReason()).isEqualTo("上级临时召开会议");
        assertThat(notified("session.notify.cancelled")).hasSize(5);
        assertThat(events.stream(SessionMoved.class)).last().isEqualTo(new SessionMoved(s.getId(), null));
        assertRefused(() -> scheduling.schedule(f.secretary, s.getId(), f.form(2)), "session.error.notOpen");
    }

    @Test
    void aLostRaceIsA409NamingWhoScheduledFirstAndChangesNothing() throws Exception {
        scheduling.schedule(f.leader, f.session.getId(), f.form(0));

        ScheduleForm late = f.form(0);
        late.setPlace("村委会");
        mvc.perform(post("/sessions/{id}/schedule", f.session.getId()).with(as(f.secretary.getUsername())).with(csrf())
                .param("version", "0").param("date", SessionFixture.DAY.plusDays(1).toString())
                .param("startTime", "09:00").param("endTime", "11:00").param("place", "村委会")
                .param("chairId", "" + f.leader.getPersonId()).param("reason", "改到第二天"))
            .andExpect(status().isConflict())
            .andExpect(content().string(Matchers.containsString("这场学习会已由 " + f.leader.getDisplayName() + " 先行修改")));

        StudySession s = sessions.selectById(f.session.getId());
        assertThat(s.getPlace()).isEqualTo("镇党委三楼会议室");
        assertThat(s.getSessionDate()).isEqualTo(SessionFixture.DAY);
        assertThat(history()).containsExactly("SCHEDULE");
    }

    @Test
    void badInputGetsAClearMessageAndChangesNothing() {
        StudySession other = SessionFixture.undated(f.town, schedule, "另一场");
        scheduling.schedule(f.secretary, other.getId(), f.form(0));

        ScheduleForm past = f.form(0);
        past.setDate(java.time.LocalDate.now().minusDays(1));
        assertRefused(() -> scheduling.schedule(f.secretary, f.session.getId(), past), "session.error.past");
        ScheduleForm backwards = f.form(0);
        backwards.setEndTime(LocalTime.of(8, 0));
        assertRefused(() -> scheduling.schedule(f.secretary, f.session.getId(), backwards), "session.error.endBeforeStart");
        ScheduleForm overlapping = f.form(0);
        overlapping.setStartTime(LocalTime.of(11, 0));
        overlapping.setEndTime(LocalTime.of(12, 0));
        assertRefused(() -> scheduling.schedule(f.secretary, f.session.getId(), overlapping), "session.error.overlap");
        ScheduleForm longPlace = f.form(0);
        longPlace.setPlace("会".repeat(500));
        assertRefused(() -> scheduling.schedule(f.secretary, f.session.getId(), longPlace), "session.error.placeTooLong");
        ScheduleForm nobody = f.form(0);
        nobody.setStartTime(LocalTime.of(14, 0));
        nobody.setEndTime(LocalTime.of(16, 0));
        nobody.setGuestIds(List.of(-1L));
        assertRefused(() -> scheduling.schedule(f.secretary, f.session.getId(), nobody), "session.error.unknownPerson");

        StudySession s = sessions.selectById(f.session.getId());
        assertThat(s.getSessionDate()).isNull();
        assertThat(s.getVersion()).isZero();
        assertThat(roster.of(s.getId())).isEmpty();
        assertThat(history()).isEmpty();
    }

    @Test
    void onlyTheOrganisationsSecretaryOrLeaderSchedulesOthersAreRefused() throws Exception {
        long id = f.session.getId();
        // a member of the town may read but not schedule: 403; another town's secretary does not see it: 404
        assertRefused(() -> scheduling.schedule(f.member, id, f.form(0)), "error.forbidden");
        assertThatThrownBy(() -> scheduling.schedule(user("wfz_secretary"), id, f.form(0)))
            .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.getStatus()).isEqualTo(HttpStatus.NOT_FOUND));
        // the county's publicity department sees its subtree read-only
        assertThatThrownBy(() -> scheduling.cancel(user("qz_dept"), id, 0, "试试"))
            .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.getStatus()).isEqualTo(HttpStatus.FORBIDDEN));
        mvc.perform(get("/sessions/{id}", id).with(as("qz_dept"))).andExpect(status().isOk())
            .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"schedule-form\""))));
        mvc.perform(get("/sessions/{id}", id).with(as("wfz_secretary"))).andExpect(status().isNotFound());
        mvc.perform(get("/sessions/{id}", id).with(as(f.secretary.getUsername())))
            .andExpect(content().string(Matchers.containsString("id=\"schedule-form\"")));

        StudySession s = sessions.selectById(id);
        assertThat(s.getSessionDate()).isNull();
        assertThat(s.getStatus()).isEqualTo(SessionService.SCHEDULED);
    }

    private void assertRefused(Runnable call, String key) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BusinessException.class,
            e -> assertThat(e.getMessageKey()).isEqualTo(key));
    }

    private Map<Long, Part> parts() {
        return roster.of(f.session.getId()).stream().collect(Collectors.toMap(RosterEntry::getPersonId, RosterEntry::getPart));
    }

    private List<Long> notified(String key) {
        return jdbc.queryForList("SELECT person_id FROM sf_notification WHERE message_key = ? AND link = ?", Long.class,
            key, "/sessions/" + f.session.getId());
    }

    private List<String> history() {
        return jdbc.queryForList("SELECT action FROM sf_action WHERE subject_type = 'SESSION' AND subject_id = ? "
            + "ORDER BY id", String.class, f.session.getId());
    }
}
