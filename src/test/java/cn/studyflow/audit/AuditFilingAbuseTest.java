package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import cn.studyflow.workflow.TaskInfo;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Bad input and abuse in what is filed once an audit is under way: sit-in records with scores or attendance out
 * of range, by someone not assigned, filed twice or before the session's day, and a rectification report from
 * another organisation or left blank. Each is refused with a clear message (asserted by its key), through the
 * real pages and JSON API with the security filters on as well as the services, and changes nothing: no row is
 * filed and the audit's tasks and status stay as they were. Abuse of the planning and the secrecy of random
 * audits are in {@link AuditPlanningAbuseTest}.
 */
class AuditFilingAbuseTest extends AuditAbuseTestBase {


    // ---------------------------------------------------------------- records

    @Test
    void scoresOutOfRangeAreRefusedAndNothingIsFiled() throws Exception {
        Audit audit = scheduledAudit(qzAuditor);
        int records = count("sf_audit_record");
        AuditRecordForm form = AuditSitInFixture.record(Verdict.PASS);
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
        AuditRecordForm form = AuditSitInFixture.record(Verdict.RECTIFY);
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
        String body = json.writeValueAsString(AuditSitInFixture.record(Verdict.PASS));

        for (CurrentUser stranger : List.of(jyAuditor, secretary, dept)) {
            mvc.perform(post("/api/audits/{id}/records", audit.getId()).with(as(stranger)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("audit.error.notAssigned"));
        }
        // an auditor of another organisation does not even learn that the audit exists
        mvc.perform(get("/audits/{id}/record", audit.getId()).with(as(jyAuditor)))
            .andExpect(status().isNotFound());
        assertRefused(() -> recordSteps.fileRecord(audit.getId(), jyAuditor, AuditSitInFixture.record(Verdict.PASS)),
            "audit.error.notAssigned");

        // the auditor's own record goes in, and a second one is refused
        recordSteps.fileRecord(audit.getId(), qzAuditor, AuditSitInFixture.record(Verdict.PASS));
        assertRefused(() -> recordSteps.fileRecord(audit.getId(), qzAuditor, AuditSitInFixture.record(Verdict.RECTIFY)),
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
        assertRefused(() -> recordSteps.fileRecord(audit.getId(), qzAuditor, AuditSitInFixture.record(Verdict.PASS)),
            "audit.error.beforeSession");

        assertThat(count("sf_audit_record")).isEqualTo(records);
        assertThat(recordTaskOf(audit, qzAuditor)).isPresent();
    }

    // ---------------------------------------------------------------- rectification

    @Test
    void aRectificationReportFromAnotherOrganisationIsRefusedAndNothingChanges() throws Exception {
        Audit audit = scheduledAudit(jyAuditor);
        recordSteps.fileRecord(audit.getId(), jyAuditor, AuditSitInFixture.record(Verdict.RECTIFY));
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
