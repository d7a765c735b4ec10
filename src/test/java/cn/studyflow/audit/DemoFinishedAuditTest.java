package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.assessment.AssessmentService;
import cn.studyflow.assessment.Indicator;
import cn.studyflow.assessment.Scorecard;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import cn.studyflow.workflow.Workflow;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The audit of the demo's finished year as a new user finds it: one of 卞桥镇's sessions of last year sat in by
 * 青州市委's auditors, their records filed, the rectification accepted, and last year's assessment of the town
 * counting it; while the API still refuses to plan an audit of a session already held. The same context as
 * {@code archive/DemoArchiveTest}.
 */
@TestPropertySource(properties = {"studyflow.demo.sample-plans=true", "studyflow.demo.sample-sessions=true",
    "studyflow.demo.sample-material=true", "studyflow.demo.sample-makeup=true", "studyflow.demo.sample-archive=true",
    "studyflow.demo.sample-audit=true"})
class DemoFinishedAuditTest extends IntegrationTest {

    @Autowired DemoFinishedAudit demo;
    @Autowired AuditMapper audits;
    @Autowired SessionService sessions;
    @Autowired AssessmentService assessments;
    @Autowired Workflow workflow;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired ObjectMapper json;
    @Autowired ActionLog actionLog;

    private final int last = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;

    @Test
    void aSessionOfLastYearWasSatInByTwoAuditorsAndItsRectificationAccepted() {
        Audit audit = theAudit();

        assertThat(audit.getAuditMode()).isEqualTo(AuditMode.FIXED);
        assertThat(audit.getDeptOrgName()).isEqualTo("青州市委");
        assertThat(audit.getAuditYear()).isEqualTo(last);
        assertThat(audit.getSessionDate()).isBefore(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        assertThat(audit.getStatus()).isEqualTo(AuditStatus.RECTIFIED);
        assertThat(audit.getVerdict()).isEqualTo(Verdict.RECTIFY);
        assertThat(audits.selectAssignments(audit.getId())).extracting(AuditAssignment::getUsername,
                AuditAssignment::getStatus, AuditAssignment::isLead)
            .containsExactlyInAnyOrder(tuple("qz_auditor", AssignmentStatus.ACCEPTED, true),
                tuple("wfz_auditor", AssignmentStatus.ACCEPTED, false));
        assertThat(audits.selectRecords(audit.getId())).extracting(AuditRecord::getAuditorName, AuditRecord::getVerdict)
            .containsExactlyInAnyOrder(
                tuple(user("qz_auditor").getDisplayName(), Verdict.PASS),
                tuple(user("wfz_auditor").getDisplayName(), Verdict.RECTIFY));
        assertThat(audits.selectRectifications(audit.getId())).singleElement().satisfies(r -> {
            assertThat(r.getSubmittedByName()).isEqualTo(user("bq_secretary").getDisplayName());
            assertThat(r.getDecision()).isEqualTo("approve");
        });

        String instance = audit.getProcessInstanceId();
        assertThat(workflow.isRunning(instance)).as("the process has ended").isFalse();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
            .activityId(AuditSitInProcess.END_RECTIFIED).count()).as("at 整改完成").isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
            .activityId(AuditSitInProcess.SERVICE_REPORT_PENDING_ACCEPTANCE).count())
            .as("no acceptance reported overdue").isZero();
        assertThat(management.createJobQuery().processInstanceId(instance).count()).as("no job left").isZero();

        demo.run(null);
        assertThat(theAudit().getId()).as("made once").isEqualTo(audit.getId());
    }

    @Test
    void everyDateOfTheAuditLiesInItsYearAroundTheSession() throws Exception {
        Audit audit = theAudit();
        LocalDate day = audit.getSessionDate();

        assertThat(audit.getCreatedAt().toLocalDate()).isBefore(day);
        assertThat(audit.getRectificationDeadline()).isEqualTo(day.plusDays(30));
        assertThat(audit.getClosedAt().toLocalDate()).isAfter(day).isBefore(audit.getRectificationDeadline());
        assertThat(audits.selectAssignments(audit.getId())).allSatisfy(a ->
            assertThat(a.getRespondedAt().toLocalDate()).isBefore(day));
        assertThat(audits.selectRecords(audit.getId())).allSatisfy(r ->
            assertThat(r.getCreatedAt().toLocalDate()).isEqualTo(day));
        assertThat(audits.selectRectifications(audit.getId())).singleElement().satisfies(r ->
            assertThat(r.getSubmittedAt().toLocalDate()).isAfter(day).isBefore(audit.getRectificationDeadline()));
        List<Action> history = actionLog.timeline(Audits.ref(audit));
        assertThat(history).hasSizeGreaterThan(5)
            .allSatisfy(a -> assertThat(a.getCreatedAt().getYear()).as(a.getAction()).isEqualTo(last));
        assertThat(history).filteredOn(a -> "AUDIT_RECTIFY_NOTICE".equals(a.getAction())).singleElement()
            .extracting(Action::getComment).isEqualTo(day.plusDays(30).toString());

        // the page says so: no date of this year on it
        String thisYear = String.valueOf(last + 1) + "-";
        mvc.perform(get("/audits/" + audit.getId()).with(as("qz_dept")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(day.plusDays(30).toString())))
            .andExpect(content().string(not(containsString(thisYear))));
    }

    @Test
    void lastYearsAssessmentOfTheTownCountsTheAuditorsScoresAndTheRectificationOnTime() throws Exception {
        long town = user("bq_secretary").getOrgId();
        Scorecard card = assessments.view(user("qz_dept"), town, last).card();

        // qz_auditor gave 4 + 4 + 5 + 4 = 17 and wfz_auditor 4 + 3 + 5 + 3 = 15 of 2 × 20
        assertThat(card.part(Indicator.AUDIT_SCORE)).satisfies(p -> {
            assertThat(p.achieved()).isEqualTo(32);
            assertThat(p.expected()).isEqualTo(40);
        });
        assertThat(card.part(Indicator.RECTIFICATIONS_ON_TIME)).satisfies(p -> {
            assertThat(p.achieved()).isEqualTo(1);
            assertThat(p.expected()).isEqualTo(1);
        });
        mvc.perform(get("/assessments/" + town).param("year", "" + last).with(as("qz_dept")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("巡听旁听评分")))
            .andExpect(content().string(containsString("32 / 40")));
    }

    @Test
    void theApiStillRefusesAnAuditOfASessionAlreadyHeld() throws Exception {
        StudySession held = sessions.ofOrgYear(user("bq_secretary").getOrgId(), last).stream()
            .filter(s -> SessionService.HELD.equals(s.getStatus()) && audits.selectBySession(s.getId()).isEmpty())
            .findFirst().orElseThrow();

        api("qz_dept", "/api/audits", Map.of("sessionId", held.getId(), "sessionDate", held.getSessionDate().toString(),
                "auditorIds", List.of(user("qz_auditor").getPersonId())))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("audit.error.datePast"));
        api("bq_secretary", "/api/audits/invitations", Map.of("sessionId", held.getId(), "note", "请来巡听"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("audit.error.datePast"));
        assertThat(audits.selectBySession(held.getId())).as("nothing planned").isEmpty();
    }

    /** The one audit of the town's last year. */
    private Audit theAudit() {
        List<Audit> found = sessions.ofOrgYear(user("bq_secretary").getOrgId(), last).stream()
            .flatMap(s -> audits.selectBySession(s.getId()).stream()).toList();
        assertThat(found).hasSize(1);
        return audits.selectAudit(found.get(0).getId());
    }

    private ResultActions api(String username, String path, Object body)
        throws Exception {
        return mvc.perform(post(path)
            .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }
}
