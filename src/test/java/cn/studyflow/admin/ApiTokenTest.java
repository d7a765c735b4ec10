package cn.studyflow.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.PeopleWrites;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.workflow.Workflow;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Personal access tokens as their owner and an integration see them: made on a page and shown once, then a bearer
 * token for the API only, with the owner's scope, refused once expired or revoked, read-only when so made.
 */
class ApiTokenTest extends IntegrationTest {

    private static final Pattern SECRET = Pattern.compile("sft_[A-Za-z0-9_-]{43}");

    @Autowired PlanService plans;
    @Autowired Workflow workflow;
    @Autowired JdbcTemplate jdbc;
    @Autowired PeopleWrites people;
    @Autowired ApiTokens tokens;
    @Autowired Clock clock;

    CurrentUser publicity;
    CurrentUser outsider;
    String task;
    String process;

    @BeforeEach
    void aTownWithAPlanWaitingForItsPublicityMember() {
        Org county = user("qz_dept").getOrg();
        Org town = newOrg("令牌镇党委", OrgKind.TOWN, county);
        CurrentUser secretary = newPerson("tsec", town, Role.SECRETARY);
        publicity = newPerson("tpub", town, Role.PUBLICITY);
        outsider = newPerson("tout", newOrg("别镇党委", OrgKind.TOWN, county), Role.PUBLICITY);
        Plan plan = Plans.submittedAnnual(plans, secretary);
        process = plan.getProcessInstanceId();
        task = workflow.activeTasks(process).get(0).id();
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsHashIsKept() throws Exception {
        MvcResult made = mvc.perform(post("/account/tokens").with(as(publicity.getUsername())).with(csrf())
                .param("name", "同步脚本").param("expiresOn", LocalDate.now(clock).plusDays(30).toString()))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/account/tokens"))
            .andReturn();
        Object flashed = made.getFlashMap().get(ApiTokenController.NEW_SECRET);
        assertThat(flashed).isInstanceOf(String.class);
        String secret = (String) flashed;
        assertThat(SECRET.matcher(secret).matches()).isTrue();
        Cookie[] session = made.getResponse().getCookies();
        assertThat(session).as("the flash is kept in the session").isNotEmpty();
        String page = mvc.perform(get("/account/tokens").with(as(publicity.getUsername())).cookie(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).as("the redirect's page shows the new secret").contains(secret);
        assertThat(page).contains("同步脚本");

        String again = mvc.perform(get("/account/tokens").with(as(publicity.getUsername())).cookie(session))
            .andReturn().getResponse().getContentAsString();
        assertThat(again).contains("同步脚本").doesNotContain(secret);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM sf_api_token WHERE person_id = ?",
            publicity.getPersonId());
        assertThat(row.values()).doesNotContain(secret);
        assertThat(row.get("token_hash")).isEqualTo(ApiTokens.hash(secret));
    }

    @Test
    void aTokenCallsTheApiWithItsOwnersScopeWithoutSessionOrCsrf() throws Exception {
        String secret = token(publicity, false);
        MvcResult list = mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + secret))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items[*].id", Matchers.hasItem(task)))
            .andReturn();
        assertThat(list.getRequest().getSession(false)).as("a token makes no session").isNull();
        assertThat(list.getResponse().getHeader("Set-Cookie")).isNull();

        mvc.perform(post("/api/tasks/{id}/claim", task).header("Authorization", "Bearer " + secret))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.assignee").value(publicity.getUsername()));
        assertThat(jdbc.queryForObject("SELECT last_used_at FROM sf_api_token WHERE person_id = ?",
            Object.class, publicity.getPersonId())).isNotNull();

        String foreign = token(outsider, false);
        mvc.perform(get("/api/tasks/{id}", task).header("Authorization", "Bearer " + foreign))
            .andExpect(status().isNotFound());
    }

    @Test
    void aTokenNeverOpensAPage() throws Exception {
        String secret = token(publicity, false);
        mvc.perform(get("/tasks").header("Authorization", "Bearer " + secret))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/account/tokens").header("Authorization", "Bearer " + secret))
            .andExpect(status().is3xxRedirection());
    }

    @Test
    void aReadOnlyTokenReadsButActsOnNothing() throws Exception {
        String secret = token(publicity, true);
        mvc.perform(get("/api/tasks/{id}", task).header("Authorization", "Bearer " + secret))
            .andExpect(status().isOk());
        mvc.perform(post("/api/tasks/{id}/claim", task).header("Authorization", "Bearer " + secret)
                .header("Accept-Language", "zh-CN"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.message").value("只读令牌只能查询，不能办理或修改"));
        assertThat(workflow.activeTasks(process).get(0).assignee()).isNull();
    }

    @Test
    void anExpiredARevokedAnUnknownTokenAndADeactivatedOwnerAreRefusedEachWithItsReason() throws Exception {
        String expired = token(publicity, false);
        jdbc.update("UPDATE sf_api_token SET expires_at = ? WHERE token_hash = ?",
            OffsetDateTime.now().minusMinutes(1), ApiTokens.hash(expired));
        refused(expired, "令牌已过期，请新建令牌");

        String revoked = token(publicity, false);
        long id = jdbc.queryForObject("SELECT id FROM sf_api_token WHERE token_hash = ?", Long.class,
            ApiTokens.hash(revoked));
        mvc.perform(post("/account/tokens/{id}/revoke", id).with(as(outsider.getUsername())).with(csrf()))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + revoked)).andExpect(status().isOk());
        mvc.perform(post("/account/tokens/{id}/revoke", id).with(as(publicity.getUsername())).with(csrf()))
            .andExpect(status().is3xxRedirection());
        refused(revoked, "令牌已撤销");

        refused("sft_" + "A".repeat(43), "令牌无效");
        refused("not-even-a-token", "令牌无效");

        String owner = token(outsider, false);
        people.setEnabled(outsider.getPersonId(), false);
        refused(owner, "令牌所属人员已停用");
    }

    @Test
    void aTokenNeedsANameAndAnExpiryWithinAYearAndRefusalsMakeNothing() throws Exception {
        LocalDate today = LocalDate.now(clock);
        for (Object[] bad : List.of(new Object[] {"", today.plusDays(10), "令牌名称必填"},
            new Object[] {"x".repeat(101), today.plusDays(10), "令牌名称必填"},
            new Object[] {"脚本", today, "有效期须在明天到365天之内"},
            new Object[] {"脚本", today.plusDays(366), "有效期须在明天到365天之内"})) {
            mvc.perform(post("/account/tokens").with(as(publicity.getUsername())).with(csrf())
                    .param("name", (String) bad[0]).param("expiresOn", bad[1].toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString((String) bad[2])));
        }
        mvc.perform(post("/account/tokens").with(as(publicity.getUsername())).with(csrf())
                .param("name", "脚本").param("expiresOn", "明天"))
            .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sf_api_token WHERE person_id = ?", Integer.class,
            publicity.getPersonId())).isZero();
    }

    private void refused(String secret, String message) throws Exception {
        mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + secret).header("Accept-Language", "zh-CN"))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.message").value(message));
    }

    private String token(CurrentUser owner, boolean readOnly) {
        return tokens.create(owner, "测试", LocalDate.now(clock).plusDays(7), readOnly);
    }

}
