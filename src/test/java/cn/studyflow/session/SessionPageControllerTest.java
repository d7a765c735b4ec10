package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The session's own page: everything about it for those who see it, the after-session forms for its secretary. */
class SessionPageControllerTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    SessionRows rows;
    Org town;
    CurrentUser secretary;
    CurrentUser member;
    CurrentUser absentee;
    LocalDate today;

    @BeforeEach
    void town() {
        rows = new SessionRows(jdbc);
        today = LocalDate.now(clock);
        town = newOrg("测试镇党委", OrgKind.TOWN, orgService.get(user("qz_dept").getOrgId()));
        secretary = newPerson("sec", town, Role.SECRETARY);
        member = newPerson("mem", town, Role.MEMBER);
        absentee = newPerson("mem", town, Role.MEMBER);
    }

    @Test
    void thePageShowsTheFactsAndTheRosterOnceWithAGuestsOrganisation() throws Exception {
        Org other = newOrg("邻镇党委", OrgKind.TOWN, orgService.get(user("qz_dept").getOrgId()));
        CurrentUser guest = newPerson("guest", other, Role.MEMBER);
        long id = rows.session(town.getId(), "学习贯彻党的二十大精神", today);
        rows.roster(id, member.getPersonId(), Part.SPEAKER, Attendance.EXPECTED);
        rows.roster(id, guest.getPersonId(), Part.GUEST, Attendance.EXPECTED);

        String page = mvc.perform(get("/sessions/{id}", id).with(as(secretary.getUsername())))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page.split("id=\"session-status\"", -1)).as("the status stands once").hasSize(2);
        assertThat(page.split("id=\"session-roster\"", -1)).as("the roster stands once").hasSize(2);
        int from = page.indexOf("id=\"session-roster\"");
        String roster = page.substring(from, page.indexOf("</tbody>", from));
        assertThat(roster).as("a guest with their organisation, the group's own without")
            .contains("（邻镇党委）").doesNotContain("（测试镇党委）").contains("待签到", "扩大参学", "领学人");
    }

    @Test
    void theSecretaryMarksTheSessionHeldWritesMinutesAndThePageShowsItAll() throws Exception {
        long id = rows.session(town.getId(), "学习党的二十届四中全会精神", today);
        rows.roster(id, member.getPersonId(), Part.SPEAKER, Attendance.PRESENT);
        rows.roster(id, absentee.getPersonId(), Part.MEMBER, Attendance.EXPECTED);
        jdbc.update("INSERT INTO sf_session_call (session_id, person_id, seed, pool, drawn_by, drawn_at, note)"
            + " VALUES (?, ?, 42, ?, ?, CURRENT_TIMESTAMP, '谈基层治理体会')", id, member.getPersonId(),
            "" + member.getPersonId(), secretary.getPersonId());

        mvc.perform(get("/sessions/{id}", id).with(as(secretary.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("学习党的二十届四中全会精神")))
            .andExpect(content().string(containsString("党委会议室")))
            .andExpect(content().string(containsString(member.getDisplayName())))
            .andExpect(content().string(containsString("谈基层治理体会")))
            .andExpect(content().string(containsString("id=\"mark-held\"")))
            .andExpect(content().string(not(containsString(secretary.getUsername()))));

        mvc.perform(post("/sessions/{id}/held", id).param("version", "" + rows.version(id))
                .with(as(secretary.getUsername())).with(csrf()))
            .andExpect(redirectedUrl("/sessions/" + id))
            .andExpect(flash().attribute("message", "sessionrecord.held"))
            .andExpect(flash().attribute("absentCount", 1));
        mvc.perform(post("/sessions/{id}/minutes", id).param("version", "" + rows.version(id)).param("minutes", "书记领学。")
                .with(as(secretary.getUsername())).with(csrf()))
            .andExpect(redirectedUrl("/sessions/" + id));

        mvc.perform(get("/sessions/{id}", id).with(as(member.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("已举行")))
            .andExpect(content().string(containsString("书记领学。")))
            .andExpect(content().string(containsString("缺席")))
            .andExpect(content().string(containsString("标记已举行")))
            .andExpect(content().string(not(containsString("id=\"minutes-form\""))));
    }

    @Test
    void aSessionWithoutADaySaysSoAndTheListLinksToItsPage() throws Exception {
        long id = rows.session(town.getId(), "待定日期的学习会", null, 2998, 5, "SCHEDULED");

        mvc.perform(get("/sessions/{id}", id).with(as(member.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("尚未确定日期（计划于2998年5月）")))
            .andExpect(content().string(not(containsString("id=\"mark-held\""))));
        mvc.perform(get("/sessions").param("year", "2998").with(as(member.getUsername())))
            .andExpect(content().string(containsString("href=\"/sessions/" + id + "\"")));
        mvc.perform(get("/sessions/{id}", id).param("lang", "en").with(as(member.getUsername())))
            .andExpect(content().string(containsString("No date yet (planned for 5/2998)")));
    }

    @Test
    void superiorsSeeTheSessionReadOnlyAndEveryoneElseGets404() throws Exception {
        long id = rows.session(town.getId(), "范围", today);

        mvc.perform(get("/sessions/{id}", id).with(as("qz_manager")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("范围")))
            .andExpect(content().string(not(containsString("id=\"mark-held\""))));
        mvc.perform(get("/sessions/{id}", id).with(as("bq_secretary"))).andExpect(status().isNotFound());
        mvc.perform(get("/sessions/{id}", id).with(as("wfz_member"))).andExpect(status().isNotFound());
        mvc.perform(get("/sessions/{id}", 999_999_999L).with(as(secretary.getUsername()))).andExpect(status().isNotFound());
        mvc.perform(post("/sessions/{id}/held", id).param("version", "" + rows.version(id))
                .with(as("bq_secretary")).with(csrf()))
            .andExpect(status().isNotFound());
        assertThat(rows.status(id)).isEqualTo("SCHEDULED");
    }

    @Test
    void theSessionsAuditsShowAsEachViewerMaySeeThemARandomOneHiddenFromTheTownBeforeItsDay() throws Exception {
        LocalDate day = today.plusDays(10);
        long id = rows.session(town.getId(), "巡听的学习会", day);
        long county = user("qz_dept").getOrgId();
        audit(county, id, "FIXED", day, "固定巡听卞桥");
        audit(county, id, "RANDOM", day, "随机巡听卞桥");

        mvc.perform(get("/sessions/{id}", id).with(as(member.getUsername())))
            .andExpect(content().string(containsString("固定巡听卞桥")))
            .andExpect(content().string(not(containsString("随机巡听卞桥"))));
        mvc.perform(get("/sessions/{id}", id).with(as("qz_dept")))
            .andExpect(content().string(containsString("固定巡听卞桥")))
            .andExpect(content().string(containsString("随机巡听卞桥")));
    }

    private void audit(long deptOrgId, long sessionId, String mode, LocalDate day, String title) {
        jdbc.update("INSERT INTO sf_audit (dept_org_id, org_id, session_id, audit_mode, status, session_date, audit_year,"
                + " title, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, 'SCHEDULED', ?, ?, ?, ?, CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)", deptOrgId, town.getId(), sessionId, mode, day, day.getYear(), title,
            user("qz_dept").getPersonId());
    }

    @Test
    void aGuestOfAnEnlargedSessionSeesIt() throws Exception {
        long id = rows.session(town.getId(), "扩大学习", today);
        rows.roster(id, user("bq_member").getPersonId(), Part.GUEST, Attendance.EXPECTED);

        mvc.perform(get("/sessions/{id}", id).with(as("bq_member"))).andExpect(status().isOk());
    }

    @Test
    void attendanceOfTheTownsPeopleIsReadByItsLeadersAndSuperiorsAndExported() throws Exception {
        long id = rows.session(town.getId(), "出勤", LocalDate.of(2997, 3, 1));
        rows.roster(id, member.getPersonId(), Part.MEMBER, Attendance.PRESENT);
        rows.roster(id, absentee.getPersonId(), Part.MEMBER, Attendance.ABSENT);
        jdbc.update("UPDATE sf_study_session SET status = 'HELD' WHERE id = ?", id);
        // the absentee made the session up (补学): still absent, counted as made up beside it
        jdbc.update("UPDATE sf_session_person SET made_up = TRUE WHERE session_id = ? AND person_id = ?", id,
            absentee.getPersonId());

        mvc.perform(get("/sessions/attendance").param("org", "" + town.getId()).param("year", "2997")
                .with(as(secretary.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(member.getDisplayName())))
            .andExpect(content().string(containsString("100.0%")))
            .andExpect(content().string(containsString("class=\"num rate below\"")))
            .andExpect(content().string(containsString("<td class=\"num absent-made-up\">1</td>")));
        byte[] xlsx = mvc.perform(get("/sessions/attendance.xlsx").param("org", "" + town.getId()).param("year", "2997")
                .with(as("qz_manager")))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> sheet = workbook.getFirstSheet().read();
            assertThat(sheet.get(0).getCellText(7)).isEqualTo("缺席且已补学");
            assertThat(sheet.get(0).getCellText(8)).isEqualTo("出勤率");
            assertThat(sheet).anySatisfy(r -> {
                assertThat(r.getCellText(0)).isEqualTo(absentee.getDisplayName());
                assertThat(r.getCellText(7)).isEqualTo("1");
                assertThat(Double.parseDouble(r.getCellText(8))).isEqualTo(0.0);
            });
            assertThat(sheet).anySatisfy(r -> {
                assertThat(r.getCellText(0)).isEqualTo(member.getDisplayName());
                assertThat(r.getCellText(7)).isEqualTo("0");
                assertThat(Double.parseDouble(r.getCellText(8))).isEqualTo(100.0);
            });
        }
        mvc.perform(get("/sessions/attendance").param("org", "" + town.getId()).with(as(member.getUsername())))
            .andExpect(status().isForbidden());
        mvc.perform(get("/sessions/attendance").param("org", "" + town.getId()).with(as("bq_leader")))
            .andExpect(status().isNotFound());
    }
}
