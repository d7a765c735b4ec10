package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** The calendar, list, .ics and API of sessions; proposals outside the plan; a member's sessions at home. */
class SessionCalendarTest extends IntegrationTest {

    @Autowired SessionScheduling scheduling;
    @Autowired ScheduleMapper schedule;
    @Autowired StudySessionMapper sessions;
    @Autowired JdbcTemplate jdbc;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired SessionCalendar calendar;

    SessionFixture f;

    @BeforeEach
    void town() {
        var qz = orgService.get(user("qz_dept").getOrgId());
        var town = newOrg("日历镇党委", OrgKind.TOWN, qz);
        f = new SessionFixture(town, newPerson("secretary", town, Role.SECRETARY), newPerson("leader", town, Role.LEADER),
            newPerson("member", town, Role.MEMBER), newPerson("member", town, Role.MEMBER),
            newPerson("guest", newOrg("邻镇党委", OrgKind.TOWN, qz), Role.MEMBER), schedule);
    }

    @Test
    void theMonthCalendarShowsTheTownsSessionsAndTheSubtreeToItsSuperiorsReadOnly() throws Exception {
        // early, so that it is among the first sessions the day's cell lists whatever other tests scheduled
        ScheduleForm early = f.form(0);
        early.setStartTime(java.time.LocalTime.of(6, 0));
        early.setEndTime(java.time.LocalTime.of(7, 0));
        scheduling.schedule(f.secretary, f.session.getId(), early);
        String month = SessionFixture.DAY.toString().substring(0, 7);

        mvc.perform(get("/sessions/calendar").param("month", month).with(as(f.member.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("06:00 学习贯彻党的二十大精神")));
        mvc.perform(get("/sessions/calendar").param("month", month).with(as("qz_dept")))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("含下级组织（只读）")))
            .andExpect(content().string(Matchers.containsString("06:00 日历镇党委")));
        mvc.perform(get("/sessions/calendar").param("month", month).param("org", "" + f.town.getId())
                .with(as("wfz_secretary")))
            .andExpect(status().isNotFound());
        mvc.perform(get("/sessions/calendar").param("month", "2027-13").with(as(f.member.getUsername())))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(Matchers.containsString("月份格式应为 2027-03。")));
    }

    @Test
    void aDayWithMoreSessionsThanItsCellHoldsListsTheFirstByTheirStartAndCountsTheRest() throws Exception {
        java.time.LocalDate day = SessionFixture.DAY.plusDays(7);
        String[] starts = {"10:00", "08:00", "09:00", "09:00", "11:00", "12:00", "07:00"};
        long[] ids = new long[starts.length];
        for (int i = 0; i < starts.length; i++) {
            ids[i] = SignInFixture.session(dataSource, f.town.getId(), day.atTime(java.time.LocalTime.parse(starts[i])),
                "第" + i + "场");
        }
        jdbc.update("UPDATE sf_study_session SET status = 'CANCELLED' WHERE id = ?", ids[4]);
        jdbc.update("UPDATE sf_study_session SET status = 'PROPOSED' WHERE id = ?", ids[6]);
        SignInFixture.session(dataSource, f.town.getId(), day.plusDays(1).atTime(14, 30), "次日一场");

        var days = calendar.range(f.secretary, null, day, day.plusDays(2));

        assertThat(days).extracting(SessionCalendar.Day::date).containsExactly(day, day.plusDays(1));
        assertThat(days.get(0).count()).as("six held or to be held, the cancelled one too; not the proposal").isEqualTo(6);
        assertThat(days.get(0).sessions()).extracting(CalendarEntry::getTitle)
            .containsExactly("第1场", "第2场", "第3场", "第0场");
        assertThat(days.get(0).more()).isEqualTo(2);
        assertThat(days.get(1).count()).isEqualTo(1);
        assertThat(days.get(1).sessions()).extracting(CalendarEntry::getTitle).containsExactly("次日一场");
        assertThat(days.get(1).more()).isZero();
        mvc.perform(get("/sessions/calendar").param("month", day.toString().substring(0, 7))
                .with(as(f.member.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("另有 2 场")));
    }

    @Test
    void theIcsExportIsAnICalendarOfTheYearsSessions() throws Exception {
        scheduling.schedule(f.secretary, f.session.getId(), f.form(0));
        String day = SessionFixture.DAY.toString().replace("-", "");

        String ics = mvc.perform(get("/sessions/export.ics").param("year", "" + SessionFixture.DAY.getYear())
                .with(as(f.member.getUsername())))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", Matchers.startsWith("text/calendar")))
            .andReturn().getResponse().getContentAsString();

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n")
            .contains("UID:session-" + f.session.getId() + "@studyflow\r\n")
            .contains("DTSTART;TZID=Asia/Shanghai:" + day + "T090000\r\n")
            .contains("DTEND;TZID=Asia/Shanghai:" + day + "T113000\r\n")
            .contains("SUMMARY:学习贯彻党的二十大精神\r\n", "LOCATION:镇党委三楼会议室\r\n");
        assertThat(ics.split("\r\n")).allSatisfy(line ->
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }

    @Test
    void theApiSchedulesListsAndRefusesOutsideItsScope() throws Exception {
        // a day no other test uses, so that the day's cell lists this session among its first
        var day = SessionFixture.DAY.plusDays(20);
        String body = """
            {"version":0,"date":"%s","startTime":"09:00","endTime":"11:30","place":"镇党委三楼会议室","chairId":%d,
             "speakerIds":[],"guestIds":[]}""".formatted(day, f.leader.getPersonId());
        mvc.perform(put("/api/sessions/{id}/schedule", f.session.getId()).with(httpBasic(f.member.getUsername(), PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isForbidden());
        mvc.perform(put("/api/sessions/{id}/schedule", f.session.getId()).with(httpBasic("wfz_secretary", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isNotFound());
        mvc.perform(put("/api/sessions/{id}/schedule", f.session.getId()).with(httpBasic(f.secretary.getUsername(), PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("镇党委三楼会议室", "会".repeat(500))))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("地点最多 200 个字。"));
        mvc.perform(put("/api/sessions/{id}/schedule", f.session.getId()).with(httpBasic(f.secretary.getUsername(), PASSWORD))
                .param("lang", "en").contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("\"11:30\"", "\"08:30\"")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("The end time must be after the start time."));
        mvc.perform(put("/api/sessions/{id}/schedule", f.session.getId()).with(httpBasic(f.secretary.getUsername(), PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(1));

        mvc.perform(get("/api/sessions/{id}/roster", f.session.getId()).with(httpBasic("qz_dept", PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[?(@.part == 'CHAIR')].name").value(f.leader.getDisplayName()));
        mvc.perform(get("/api/sessions/calendar").with(httpBasic("qz_dept", PASSWORD))
                .param("from", day.toString()).param("to", day.toString()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].sessions[?(@.id == %d)].orgName".formatted(f.session.getId()))
                .value("日历镇党委"));
        mvc.perform(get("/api/sessions/calendar").with(httpBasic("qz_dept", PASSWORD))
                .param("from", "2027-01-01").param("to", "2027-12-31"))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/api/sessions").with(httpBasic("wfz_member", PASSWORD)).param("org", "" + f.town.getId())
                .param("from", SessionFixture.DAY.toString()).param("to", SessionFixture.DAY.toString()))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/sessions/{id}/roster", f.session.getId()).with(httpBasic("wfz_member", PASSWORD)))
            .andExpect(status().isNotFound());
        mvc.perform(post("/api/sessions/{id}/cancel", f.session.getId()).with(httpBasic("qz_dept", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1,\"reason\":\"试\"}"))
            .andExpect(status().isForbidden());
        assertThat(sessions.selectById(f.session.getId()).getStatus()).isEqualTo(SessionService.SCHEDULED);
    }

    @Test
    void aSessionOutsideThePlanCountsOnlyOnceTheLeaderApprovesIt() throws Exception {
        mvc.perform(post("/sessions/new").with(as(f.secretary.getUsername())).with(csrf())
                .param("title", "学习贯彻全会精神专题研讨").param("date", SessionFixture.DAY.plusDays(3).toString())
                .param("startTime", "14:30").param("endTime", "16:30").param("place", "镇党委会议室")
                .param("chairId", "" + f.leader.getPersonId()))
            .andExpect(flash().attribute("message", "session.proposed"));
        long id = jdbc.queryForObject("SELECT id FROM sf_study_session WHERE org_id = ? AND status = 'PROPOSED'",
            Long.class, f.town.getId());

        mvc.perform(get("/sessions").param("year", "" + SessionFixture.DAY.getYear()).with(as(f.leader.getUsername())))
            .andExpect(content().string(Matchers.containsString("待您批准的学习会")));
        mvc.perform(get("/tasks").with(as(f.member.getUsername())))
            .andExpect(content().string(Matchers.not(Matchers.containsString("学习贯彻全会精神专题研讨"))));
        mvc.perform(post("/sessions/{id}/approve", id).with(as(f.secretary.getUsername())).with(csrf())
                .param("version", "0"))
            .andExpect(status().isForbidden());
        mvc.perform(post("/sessions/{id}/approve", id).with(as(f.leader.getUsername())).with(csrf())
                .param("version", "0"))
            .andExpect(flash().attribute("message", "session.approved"));

        assertThat(sessions.selectById(id).getStatus()).isEqualTo(SessionService.SCHEDULED);
        mvc.perform(get("/tasks").with(as(f.member.getUsername())))
            .andExpect(content().string(Matchers.containsString("我的学习会")))
            .andExpect(content().string(Matchers.containsString("学习贯彻全会精神专题研讨")));
        mvc.perform(post("/sessions/{id}/refuse", id).with(as(f.leader.getUsername())).with(csrf())
                .param("version", "1").param("reason", "晚了"))
            .andExpect(status().isConflict());
    }
}
