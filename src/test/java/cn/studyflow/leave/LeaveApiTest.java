package cn.studyflow.leave;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * /api/leaves and the leave pages under their scope: the applicant sees their own, the leader and the secretary
 * their organisation's, the county's dept its subtree's read-only; anyone else gets 404, as for a request that
 * does not exist. Bad input is a 400 with the reason in the user's language.
 */
class LeaveApiTest extends LeaveGroupTest {

    @Autowired LeaveRequests requests;
    @Autowired LeaveService leaves;

    @Test
    void eachRoleSeesTheRequestsOfItsScopeAndNoOthers() throws Exception {
        Leave l = requests.ask(group.member(), sessionId, LeaveFixture.trip());

        for (CurrentUser reader : new CurrentUser[] {group.member(), group.leader(), group.deputy(), group.secretary(),
            user("qz_dept"), user("wf_manager")}) {
            mvc.perform(get("/api/leaves/{id}", l.getId()).with(basic(reader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leave.applicantName").value(group.member().getDisplayName()))
                .andExpect(jsonPath("$.leave.status").value("PENDING"));
        }
        for (CurrentUser outsider : new CurrentUser[] {group.member2(), group.office(), user("wfz_leader"),
            user("bq_secretary")}) {
            mvc.perform(get("/api/leaves/{id}", l.getId()).with(basic(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/leaves/{id}", l.getId()).with(as(outsider.getUsername()))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/leaves").with(basic(group.secretary())))
            .andExpect(jsonPath("$.items[*].id", hasItem(l.getId().intValue())));
        mvc.perform(get("/api/leaves").with(basic(group.member2())))
            .andExpect(jsonPath("$.items[*].id", not(hasItem(l.getId().intValue()))));
        mvc.perform(get("/api/leaves").with(basic(user("wfz_leader"))))
            .andExpect(jsonPath("$.items[*].id", not(hasItem(l.getId().intValue()))));
    }

    @Test
    void aSuperiorReadsButCannotActOnTheRequest() throws Exception {
        Leave l = requests.ask(group.member(), sessionId, LeaveFixture.trip());

        mvc.perform(post("/api/leaves/{id}/cancel", l.getId()).with(basic(user("qz_dept"))))
            .andExpect(status().isNotFound());
        mvc.perform(post("/api/leaves/{id}/resubmit", l.getId()).with(basic(user("qz_dept")))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"ILLNESS\"}"))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/leaves/{id}", l.getId()).with(basic(group.member())))
            .andExpect(jsonPath("$.leave.status").value("PENDING"));
    }

    @Test
    void theMemberAsksThroughTheApiAndBadInputIsAClearMessage() throws Exception {
        mvc.perform(post("/api/leaves").with(basic(group.member())).header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"sessionId\":" + sessionId + ",\"reason\":\"OTHER\",\"detail\":\"" + "因".repeat(501) + "\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value(containsString("500")));
        mvc.perform(post("/api/leaves").with(basic(group.member())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"ILLNESS\"}"))
            .andExpect(status().isBadRequest());
        mvc.perform(post("/api/leaves").with(basic(group.office())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"sessionId\":" + sessionId + ",\"reason\":\"ILLNESS\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("leave.error.notOnRoster"));

        mvc.perform(post("/api/leaves").with(basic(group.member())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"sessionId\":" + sessionId + ",\"reason\":\"ILLNESS\",\"detail\":\"发热住院\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.currentSteps[0].step").value(LeaveRequestProcess.TASK_LEADER));
        mvc.perform(post("/api/leaves").with(basic(group.member())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"sessionId\":" + sessionId + ",\"reason\":\"ILLNESS\"}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.code").value("leave.error.twice"));
    }

    @Test
    void theMembersPagesOfferTheSessionAndTheFormSaysWhyItRefuses() throws Exception {
        mvc.perform(get("/leaves").with(as(group.member().getUsername())))
            .andExpect(status().isOk())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(containsString("/leaves/new?session=" + sessionId)));
        mvc.perform(post("/leaves").with(as(group.member().getUsername()))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("sessionId", String.valueOf(sessionId)).param("reason", "OTHER").param("detail", " "))
            .andExpect(status().isBadRequest())
            .andExpect(result -> org.assertj.core.api.Assertions.assertThat(
                    result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .as("the refusal is said once, in the layout's banner").containsOnlyOnce("请假事由为“其他”时，请写明说明。"));
    }

    @Test
    void askingOnThePageLeadsToTheRequestWithItsDiagramAndHistory() throws Exception {
        mvc.perform(post("/leaves").with(as(group.member().getUsername()))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("sessionId", String.valueOf(sessionId)).param("reason", "ILLNESS"))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("message", "leave.done.asked"));
        Leave l = leaves.mine(sessionId, group.member()).orElseThrow();

        mvc.perform(get("/leaves/{id}", l.getId()).with(as(group.member().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("data-bpmn-url=\"/leaves/" + l.getId() + "/diagram\"")))
            .andExpect(content().string(containsString("流转记录")));
    }

    private RequestPostProcessor basic(CurrentUser who) {
        return httpBasic(who.getUsername(), PASSWORD);
    }
}
