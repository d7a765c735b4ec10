package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A random audit over the JSON API with HTTP Basic, as a script would run it: pool, draw and its check, the
 * auditors' answers and records, the rectification report and its review through the tasks API.
 */
class AuditApiTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;

    AuditFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new AuditFixtures(context);
        fx.poolOf(user("qz_dept"), user("qz_auditor"), user("wfz_auditor"));
    }

    @Test
    void aRandomAuditFromTheDrawToTheAcceptedRectification() throws Exception {
        CurrentUser secretary = user("bq_secretary");
        fx.sessionsThisMonth(secretary, user("bq_leader"), 1);
        LocalDate today = AuditFixtures.today();

        // the pool: a new auditor joins, and is marked unavailable for now
        String newcomer = "qz_auditor_api" + System.nanoTime() % 100000;
        orgService.createPerson(newcomer, "新任巡听员", user("qz_dept").getOrg(), "x", List.of(Role.AUDITOR));
        call("qz_dept", get("/api/audits/pool/candidates"), null)
            .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.username == '" + newcomer + "')]").isNotEmpty());
        JsonNode added = body(call("qz_dept", post("/api/audits/pool"),
            Map.of("personId", user(newcomer).getPersonId(), "specialty", "教育系统"))
            .andExpect(status().isCreated()));
        call("qz_dept", put("/api/audits/pool/" + added.get("id").asLong()), Map.of("active", false))
            .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        call("qz_dept", get("/api/audits/pool/candidates"), null)
            .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.username == '" + newcomer + "')]").isEmpty());
        call("qz_dept", post("/api/audits/pool"), Map.of("personId", user(newcomer).getPersonId()))
            .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("audit.pool.error.exists"));

        JsonNode draw = body(call("qz_dept", post("/api/audits/draws"), Map.of("from", today.toString(),
                "to", today.plusDays(7).toString(), "orgIds", List.of(secretary.getOrgId()), "sessions", 1,
                "auditorsPerSession", 2))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.kind").value("SESSIONS"))
            .andExpect(jsonPath("$.inputs.auditors.length()").value(2)));
        long drawId = draw.get("id").asLong();
        long auditId = draw.get("audits").get(0).get("id").asLong();
        call("qz_dept", post("/api/audits/draws/" + drawId + "/verify"), null)
            .andExpect(status().isOk()).andExpect(jsonPath("$.matches").value(true));

        JsonNode view = body(call("qz_dept", get("/api/audits/" + auditId), null).andExpect(status().isOk()));
        assertThat(view.get("audit").get("auditMode").asText()).isEqualTo("RANDOM");
        List<String> auditors = view.get("assignments").findValuesAsText("username");
        assertThat(auditors).containsExactlyInAnyOrder("qz_auditor", "wfz_auditor");
        String lead = view.get("assignments").get(0).get("username").asText();

        for (String auditor : auditors) {
            call(auditor, post("/api/audits/" + auditId + "/response"), Map.of("accept", true))
                .andExpect(status().isOk());
        }
        fx.runAsyncJobs(view.get("audit").get("processInstanceId").asText());
        for (String auditor : auditors) {
            AuditRecordForm record = AuditSitInFixture.record(auditor.equals(lead) ? Verdict.RECTIFY : Verdict.PASS);
            call(auditor, post("/api/audits/" + auditId + "/records"), record)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.verdict").value(record.getVerdict().name()));
        }
        fx.runAsyncJobs(view.get("audit").get("processInstanceId").asText());

        call("bq_secretary", get("/api/audits/" + auditId + "/records"), null)
            .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
        call("bq_secretary", post("/api/audits/" + auditId + "/rectifications"), Map.of("report", "已按要求整改。"))
            .andExpect(status().isCreated()).andExpect(jsonPath("$.roundNo").value(1));

        JsonNode steps = body(call(lead, get("/api/audits/" + auditId), null)).get("currentSteps");
        assertThat(steps.get(0).get("step").asText()).isEqualTo(AuditSitInProcess.TASK_REVIEW_RECTIFICATION);
        call(lead, post("/api/tasks/" + steps.get(0).get("id").asText() + "/complete"),
            Map.of("decision", "APPROVE", "comment", "整改到位"))
            .andExpect(status().isOk());

        call("bq_secretary", get("/api/audits/" + auditId), null)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.audit.status").value("RECTIFIED"))
            .andExpect(jsonPath("$.rectifications[0].decision").value("approve"));
        call("qz_dept", get("/api/audits/overview").param("year", String.valueOf(today.getYear())), null)
            .andExpect(status().isOk());
    }

    @Test
    void theGenericDecisionCannotBypassTheAuditorsForm() throws Exception {
        CurrentUser secretary = user("bq_secretary");
        long sessionId = fx.sessionsThisMonth(secretary, user("bq_leader"), 1).get(0).getId();
        JsonNode created = body(call("qz_dept", post("/api/audits"), Map.of("sessionId", sessionId,
                "sessionDate", AuditFixtures.today().toString(), "auditorIds", List.of(user("qz_auditor").getPersonId())))
            .andExpect(status().isCreated()));
        String taskId = created.get("currentSteps").get(0).get("id").asText();

        call("qz_auditor", post("/api/tasks/" + taskId + "/complete"), Map.of("decision", "APPROVE"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("task.notDecidedHere"));
        call("qz_auditor", get("/api/audits/" + created.get("audit").get("id").asLong()), null)
            .andExpect(jsonPath("$.currentSteps[0].step").value(AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT))
            .andExpect(jsonPath("$.assignments[0].status").value("PENDING"));
    }

    private ResultActions call(String username, MockHttpServletRequestBuilder request, Object body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
            .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
