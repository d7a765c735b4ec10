package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.Plans;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Bad input and abuse in planning audits, and the secrecy of random ones: a draw asking for more auditors than
 * are eligible, for an organisation outside the dept's subtree, by someone not of a dept or in the past, and a
 * fixed audit with an auditor of the audited organisation, a lead not assigned or a day outside the month, are
 * each refused with a clear message (asserted by its key) and draw or create nothing; a random audit stays
 * invisible to the audited organisation through every page, API, list, count, task and notification until its
 * day, then shows. Requests go through the real pages and JSON API with the security filters on. Abuse in
 * filing records and rectification reports is in {@link AuditFilingAbuseTest}.
 */
class AuditPlanningAbuseTest extends AuditAbuseTestBase {

    @Autowired TasklistService tasks;

    // ---------------------------------------------------------------- draws and assignments

    @Test
    void aDrawAskingForMoreAuditorsThanEligibleIsRefusedAndNothingIsDrawn() throws Exception {
        LocalDate today = AuditFixtures.today();
        fx.sessionsThisMonth(secretary, leader, 1);
        int draws = count("sf_audit_draw");
        int auditsBefore = count("sf_audit");
        // 卞桥镇 may be audited by qz, wfz and jy: its own auditor is never eligible
        String request = json.writeValueAsString(new AuditRequests.Draw(today, today.plusDays(5),
            List.of(secretary.getOrgId()), 1, 4));

        mvc.perform(post("/api/audits/draws").with(as(dept)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(request))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("audit.draw.error.notEnoughAuditors"))
            .andExpect(jsonPath("$.message").value(
                "每场需要 4 名巡听人员，但可派往卞桥镇党委的只有 3 名（不含该单位及其下级单位的人员）。"));
        mvc.perform(post("/audits/draws").with(as(dept)).with(csrf()).header("Referer", "http://localhost/audits/draws")
                .param("from", today.toString()).param("to", today.plusDays(5).toString())
                .param("orgIds", String.valueOf(secretary.getOrgId())).param("sessions", "1")
                .param("auditorsPerSession", "4"))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("error",
                "每场需要 4 名巡听人员，但可派往卞桥镇党委的只有 3 名（不含该单位及其下级单位的人员）。"));

        assertThat(count("sf_audit_draw")).isEqualTo(draws);
        assertThat(count("sf_audit")).isEqualTo(auditsBefore);
    }

    @Test
    void aDrawOutsideTheDeptsSubtreeOrByANonDeptIsRefused() {
        LocalDate today = AuditFixtures.today();
        int draws = count("sf_audit_draw");
        long cityId = dept.getOrg().getParentId();
        assertRefused(() -> planning.drawRandom(dept, new AuditRequests.Draw(today, today.plusDays(5), List.of(cityId), 1, 1)),
            "audit.error.orgOutOfScope");
        assertRefused(() -> planning.drawRandom(dept, new AuditRequests.Draw(today, today.plusDays(5), List.of(dept.getOrgId()), 1, 1)),
            "audit.error.orgOutOfScope");
        assertRefused(() -> planning.drawRandom(secretary, new AuditRequests.Draw(today, today.plusDays(5),
            List.of(secretary.getOrgId()), 1, 1)), "audit.error.deptOnly");
        assertRefused(() -> planning.drawRandom(dept, new AuditRequests.Draw(today.minusDays(1), today.plusDays(5),
            List.of(secretary.getOrgId()), 1, 1)), "audit.draw.error.past");
        assertThat(count("sf_audit_draw")).isEqualTo(draws);
    }

    @Test
    void aFixedAuditWithAnAuditorOfTheAuditedOrganisationOrADayOutsideTheMonthIsRefused() {
        StudySession session = fx.sessionsThisMonth(secretary, leader, 1).get(0);
        int auditsBefore = count("sf_audit");
        LocalDate today = AuditFixtures.today();

        assertRefused(() -> planning.createFixed(dept, new AuditRequests.Fixed(session.getId(), today,
            List.of(qzAuditor.getPersonId(), bqAuditor.getPersonId()), null)), "audit.error.auditorConflict");
        assertRefused(() -> planning.createFixed(dept, new AuditRequests.Fixed(session.getId(), today.plusMonths(1),
            List.of(qzAuditor.getPersonId()), null)), "audit.error.dateOutsideMonth");
        assertRefused(() -> planning.createFixed(dept, new AuditRequests.Fixed(session.getId(), today,
            List.of(qzAuditor.getPersonId()), wfzAuditor.getPersonId())), "audit.error.leadNotAssigned");
        assertRefused(() -> planning.createFixed(user("wfz_dept"), new AuditRequests.Fixed(session.getId(), today,
            List.of(qzAuditor.getPersonId()), null)), "audit.error.orgOutOfScope");

        assertThat(count("sf_audit")).isEqualTo(auditsBefore);
        assertThat(mapper.countStandingAudits(session.getId())).isZero();
    }

    // ---------------------------------------------------------------- secrecy of random audits

    @Test
    void theAuditedOrganisationCannotSeeARandomAuditBeforeItsDayThroughAnyPageOrApi() throws Exception {
        int year = Plans.freshYear(secretary);
        fx.sessions(secretary, leader, year, 5, 1);
        List<CurrentUser> audited = List.of(secretary, leader, user("bq_member"), bqAuditor, user("bq_manager"));
        Map<String, Long> listedBefore = new HashMap<>();
        for (CurrentUser u : audited) {
            listedBefore.put(u.getUsername(), audits.list(u, null, null, null, null, false, 0, 100).total());
        }
        int unread = notifications.countUnread(secretary.getPersonId());

        AuditPlanning.DrawOutcome outcome = planning.drawRandom(dept, new AuditRequests.Draw(
            LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 31), List.of(secretary.getOrgId()), 1, 2));
        Audit audit = outcome.audits().get(0);
        long id = audit.getId();
        long drawId = outcome.draw().getId();
        CurrentUser drawnAuditor = user(audits.assignments(audit).get(0).getUsername());

        for (CurrentUser u : audited) {
            assertRefused(() -> audits.get(id, u), "error.notFound");
            assertThat(audits.list(u, null, null, null, null, false, 0, 100).total()).as(u.getUsername())
                .isEqualTo(listedBefore.get(u.getUsername()));
            assertThat(audits.list(u, year, null, AuditMode.RANDOM, null, false, 0, 100).items()).isEmpty();
            mvc.perform(get("/api/audits/{id}", id).with(as(u)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("error.notFound"));
            mvc.perform(get("/api/audits/{id}/records", id).with(as(u))).andExpect(status().isNotFound());
            mvc.perform(get("/api/audits").param("year", String.valueOf(year)).with(as(u)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
            mvc.perform(get("/audits/{id}", id).with(as(u))).andExpect(status().isNotFound());
            mvc.perform(get("/audits/{id}/diagram", id).with(as(u))).andExpect(status().isNotFound());
            mvc.perform(get("/audits").param("year", String.valueOf(year)).with(as(u)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(audit.getTitle()))));
            mvc.perform(get("/audits/draws/{id}", drawId).with(as(u))).andExpect(status().isNotFound());
            mvc.perform(get("/api/audits/draws/{id}", drawId).with(as(u))).andExpect(status().isNotFound());
            mvc.perform(post("/api/audits/draws/{id}/verify", drawId).with(as(u)).with(csrf()))
                .andExpect(status().isNotFound());
            assertThat(tasks.list(u, TaskFilter.View.ALL, AuditSitInProcess.KEY, null, null, TaskFilter.Sort.CREATED,
                false, 0, 100).items()).extracting(TaskInfo::processInstanceId).doesNotContain(audit.getProcessInstanceId());
        }
        // nor do the managers' views of the audited town show it, while the county's do
        String instance = audit.getProcessInstanceId();
        for (CurrentUser u : List.of(leader, user("bq_manager"))) {
            mvc.perform(get("/status/instances/{id}", instance).with(as(u))).andExpect(status().isNotFound());
            mvc.perform(get("/api/status/instances").param("process", AuditSitInProcess.KEY).with(as(u)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[?(@.id == '" + instance + "')]").isEmpty());
        }
        mvc.perform(get("/status/instances/{id}", instance).with(as(user("qz_manager")))).andExpect(status().isOk());

        // no auditor's task page opens for them either, nor do the operations on the instance tell its steps or
        // its auditors: for the audited town the audit does not exist yet
        String acceptTask = workflow.activeTasks(audit.getProcessInstanceId()).get(0).id();
        for (CurrentUser u : audited) {
            mvc.perform(get("/tasks/{id}", acceptTask).with(as(u))).andExpect(status().isNotFound());
            mvc.perform(get("/api/tasks/{id}/next-steps", acceptTask).with(as(u))).andExpect(status().isNotFound());
            mvc.perform(get("/api/instances/{pid}/next-steps", instance).with(as(u)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(drawnAuditor.getDisplayName()))));
            mvc.perform(post("/api/instances/{pid}/urge", instance).with(as(u)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/instances/{pid}/next-steps", instance).with(as(dept))).andExpect(status().isOk());
        assertThat(notifications.countUnread(secretary.getPersonId())).isEqualTo(unread);

        // the programme and the drawn auditors see it
        assertThat(audits.get(id, dept).getAuditMode()).isEqualTo(AuditMode.RANDOM);
        assertThat(audits.get(id, drawnAuditor).getId()).isEqualTo(id);
        mvc.perform(get("/api/audits/{id}", id).with(as(dept))).andExpect(status().isOk())
            .andExpect(jsonPath("$.audit.auditMode").value("RANDOM"));
        mvc.perform(get("/api/audits").param("year", String.valueOf(year)).param("mine", "true").with(as(drawnAuditor)))
            .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void aRandomAuditBecomesVisibleToTheAuditedOrganisationOnItsDay() {
        LocalDate today = AuditFixtures.today();
        fx.sessionsThisMonth(secretary, leader, 1);
        AuditPlanning.DrawOutcome outcome = planning.drawRandom(dept, new AuditRequests.Draw(today, today.plusDays(3),
            List.of(secretary.getOrgId()), 1, 1));
        Audit audit = outcome.audits().get(0);

        assertThat(audit.getSessionDate()).isEqualTo(today);
        assertThat(audits.get(audit.getId(), secretary).getId()).isEqualTo(audit.getId());
        assertThat(audits.list(secretary, null, null, AuditMode.RANDOM, null, false, 0, 100).items())
            .extracting(Audit::getId).contains(audit.getId());
        // other organisations still see nothing of it
        assertRefused(() -> audits.get(audit.getId(), user("wfz_secretary")), "error.notFound");
    }
}
