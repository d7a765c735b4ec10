package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Bad input and abuse: each is refused with a clear message (asserted by its key) and changes nothing.
 * Requests go through the real pages and JSON API with the security filters on.
 */
class AuditAbuseTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired AuditService audits;
    @Autowired AuditPlanning planning;
    @Autowired AuditAssignmentSteps assignmentSteps;
    @Autowired AuditRecordSteps recordSteps;
    @Autowired AuditMapper mapper;
    @Autowired TasklistService tasks;
    @Autowired Workflow workflow;
    @Autowired NotificationMapper notifications;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    AuditFixtures fx;
    CurrentUser dept;
    CurrentUser qzAuditor;
    CurrentUser wfzAuditor;
    CurrentUser jyAuditor;
    CurrentUser bqAuditor;
    CurrentUser secretary;
    CurrentUser leader;

    @BeforeEach
    void setUp() {
        fx = new AuditFixtures(context);
        dept = user("qz_dept");
        qzAuditor = user("qz_auditor");
        wfzAuditor = user("wfz_auditor");
        jyAuditor = user("jy_auditor");
        bqAuditor = user("bq_auditor");
        secretary = user("bq_secretary");
        leader = user("bq_leader");
        fx.poolOf(dept, qzAuditor, wfzAuditor, jyAuditor, bqAuditor);
    }

    // ---------------------------------------------------------------- records

    @Test
    void scoresOutOfRangeAreRefusedAndNothingIsFiled() throws Exception {
        Audit audit = scheduledAudit(qzAuditor);
        int records = count("sf_audit_record");
        AuditRecordForm form = AuditSitInProcessTest.record(Verdict.PASS);
        form.setScoreDiscussion(6);

        mvc.perform(post("/api/audits/{id}/records", audit.getId()).with(as(qzAuditor)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("audit.record.error.score"))
            .andExpect(jsonPath("$.message").value("评分须为 1 至 5 分。"));
        form.setScoreDiscussion(0);
        assertRefused(() -> recordSteps.fileRecord(audit.getId(), qzAuditor, form), "audit.record.error.score");

        // the record page shows the error beside the field and keeps what was typed
        mvc.perform(post("/audits/{id}/record", audit.getId()).with(as(qzAuditor)).with(csrf())
                .params(formParams(Map.of("scorePreparation", "9", "findings", "记录了问题"))))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("评分须为 1 至 5 分。")))
            .andExpect(content().string(containsString("记录了问题")));

        assertThat(count("sf_audit_record")).isEqualTo(records);
        assertThat(recordTaskOf(audit, qzAuditor)).isPresent();
        assertThat(mapper.selectAudit(audit.getId()).getStatus()).isEqualTo(AuditStatus.SCHEDULED);
    }

    @Test
    void moreAttendingThanExpectedIsRefusedAndNothingIsFiled() throws Exception {
        Audit audit = scheduledAudit(wfzAuditor);
        int records = count("sf_audit_record");
        AuditRecordForm form = AuditSitInProcessTest.record(Verdict.RECTIFY);
        form.setExpectedAttendance(12);
        form.setActualAttendance(13);

        mvc.perform(post("/api/audits/{id}/records", audit.getId()).with(as(wfzAuditor)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("audit.record.error.attendance"))
            .andExpect(jsonPath("$.message").value("实到人数（13）不能多于应到人数（12）。"));
        form.setActualAttendance(-1);
        assertRefused(() -> recordSteps.fileRecord(audit.getId(), wfzAuditor, form), "audit.record.error.actual");

        assertThat(count("sf_audit_record")).isEqualTo(records);
        assertThat(recordTaskOf(audit, wfzAuditor)).isPresent();
    }

    @Test
    void aRecordBySomeoneNotAssignedIsRefusedAndNothingIsFiled() throws Exception {
        Audit audit = scheduledAudit(qzAuditor);
        int records = count("sf_audit_record");
        String body = json.writeValueAsString(AuditSitInProcessTest.record(Verdict.PASS));

        for (CurrentUser stranger : List.of(jyAuditor, secretary, dept)) {
            mvc.perform(post("/api/audits/{id}/records", audit.getId()).with(as(stranger)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("audit.error.notAssigned"));
        }
        // an auditor of another organisation does not even learn that the audit exists
        mvc.perform(get("/audits/{id}/record", audit.getId()).with(as(jyAuditor)))
            .andExpect(status().isNotFound());
        assertRefused(() -> recordSteps.fileRecord(audit.getId(), jyAuditor, AuditSitInProcessTest.record(Verdict.PASS)),
            "audit.error.notAssigned");

        // the auditor's own record goes in, and a second one is refused
        recordSteps.fileRecord(audit.getId(), qzAuditor, AuditSitInProcessTest.record(Verdict.PASS));
        assertRefused(() -> recordSteps.fileRecord(audit.getId(), qzAuditor, AuditSitInProcessTest.record(Verdict.RECTIFY)),
            "audit.error.alreadyFiled");
        assertThat(count("sf_audit_record")).isEqualTo(records + 1);
    }

    @Test
    void aRecordBeforeTheSessionDayIsRefusedAndTheFormKeepsWhatWasTyped() throws Exception {
        int year = Plans.freshYear(secretary);
        StudySession session = fx.sessions(secretary, leader, year, 6, 1).get(0);
        Audit audit = planning.createFixed(dept, new AuditRequests.Fixed(session.getId(), LocalDate.of(year, 6, 18),
            List.of(qzAuditor.getPersonId()), null));
        assignmentSteps.respond(workflow.activeTasks(audit.getProcessInstanceId()).get(0).id(), qzAuditor,
            new AuditRequests.Response(true, null));
        fx.runAsyncJobs(audit.getProcessInstanceId());
        int records = count("sf_audit_record");

        mvc.perform(get("/audits/{id}/record", audit.getId()).with(as(qzAuditor)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"before-session\"")));
        mvc.perform(post("/audits/{id}/record", audit.getId()).with(as(qzAuditor)).with(csrf())
                .params(formParams(Map.of("findings", "提前写好的记录"))))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("巡听日期（" + year + "-06-18）还未到")))
            .andExpect(content().string(containsString("提前写好的记录")));
        assertRefused(() -> recordSteps.fileRecord(audit.getId(), qzAuditor, AuditSitInProcessTest.record(Verdict.PASS)),
            "audit.error.beforeSession");

        assertThat(count("sf_audit_record")).isEqualTo(records);
        assertThat(recordTaskOf(audit, qzAuditor)).isPresent();
    }

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

    // ---------------------------------------------------------------- rectification

    @Test
    void aRectificationReportFromAnotherOrganisationIsRefusedAndNothingChanges() throws Exception {
        Audit audit = scheduledAudit(jyAuditor);
        recordSteps.fileRecord(audit.getId(), jyAuditor, AuditSitInProcessTest.record(Verdict.RECTIFY));
        fx.runAsyncJobs(audit.getProcessInstanceId());
        int reports = count("sf_audit_rectification");
        String body = json.writeValueAsString(new AuditRequests.RectificationReport("冒名提交的整改报告"));

        for (CurrentUser other : List.of(user("wfz_secretary"), leader, dept, jyAuditor)) {
            mvc.perform(post("/api/audits/{id}/rectifications", audit.getId()).with(as(other)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("audit.error.notAuditedOrg"))
                .andExpect(jsonPath("$.message").value("只有被巡听单位的学习秘书可以提交整改报告。"));
        }
        mvc.perform(post("/audits/{id}/rectification", audit.getId()).with(as(user("wfz_secretary"))).with(csrf())
                .header("Referer", "http://localhost/audits/" + audit.getId()).param("report", "冒名"))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("error",
                "只有被巡听单位的学习秘书可以提交整改报告。"));
        assertRefused(() -> recordSteps.submitRectification(audit.getId(), secretary, "   "), "audit.rectification.error.report");

        assertThat(count("sf_audit_rectification")).isEqualTo(reports);
        assertThat(mapper.selectAudit(audit.getId()).getStatus()).isEqualTo(AuditStatus.RECTIFYING);
        assertThat(workflow.activeTasks(audit.getProcessInstanceId())).extracting(TaskInfo::step)
            .containsExactly(AuditSitInProcess.TASK_SUBMIT_RECTIFICATION);
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

    // ---------------------------------------------------------------- helpers

    private Audit scheduledAudit(CurrentUser... auditors) {
        StudySession session = fx.sessionsThisMonth(secretary, leader, 1).get(0);
        Audit audit = planning.createFixed(dept, new AuditRequests.Fixed(session.getId(), AuditFixtures.today(),
            Arrays.stream(auditors).map(CurrentUser::getPersonId).toList(), null));
        for (CurrentUser a : auditors) {
            TaskInfo task = workflow.activeTasks(audit.getProcessInstanceId()).stream()
                .filter(t -> a.getUsername().equals(t.assignee())).findFirst().orElseThrow();
            assignmentSteps.respond(task.id(), a, new AuditRequests.Response(true, null));
        }
        fx.runAsyncJobs(audit.getProcessInstanceId());
        return mapper.selectAudit(audit.getId());
    }

    private Optional<TaskInfo> recordTaskOf(Audit audit, CurrentUser auditor) {
        return workflow.activeTasks(audit.getProcessInstanceId()).stream()
            .filter(t -> AuditSitInProcess.TASK_FILE_RECORD.equals(t.step()))
            .filter(t -> auditor.getUsername().equals(t.assignee()))
            .findFirst();
    }

    private static RequestPostProcessor as(CurrentUser who) {
        return SecurityMockMvcRequestPostProcessors.user(who);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessException.class,
            e -> assertThat(e.getMessageKey()).isEqualTo(key));
    }

    /** A complete, valid record form as page parameters, with some fields replaced. */
    private static MultiValueMap<String, String> formParams(Map<String, String> overrides) {
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("expectedAttendance", "15");
        params.add("actualAttendance", "13");
        params.add("scorePreparation", "4");
        params.add("scoreDiscussion", "4");
        params.add("scoreDiscipline", "4");
        params.add("scoreApplication", "4");
        params.add("findings", "准备充分。");
        params.add("verdict", "PASS");
        params.add("checkedPoints", "plan");
        overrides.forEach(params::set);
        return params;
    }
}
