package cn.studyflow.system;

import jakarta.servlet.http.Cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.plan.PlanMapper;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/** Who gets in where, with which credentials, and what a refusal looks like. */
class SecurityTest extends IntegrationTest {

    /** What a stack trace or an exception's name would leave in a page. */
    private static final Pattern TECHNICAL = Pattern.compile(
        "Exception|\\tat |at cn\\.studyflow|org\\.springframework|java\\.lang|org\\.camunda|org\\.apache|SQL");

    @Autowired PlanMapper planMapper;

    @Test
    void unauthenticatedPageRedirectsToLogin() throws Exception {
        mvc.perform(get("/tasks")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/plans/1")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void theFaviconIsServedToEveryoneInsteadOfA404OnEveryPage() throws Exception {
        MvcResult ico = mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andReturn();
        byte[] icon = ico.getResponse().getContentAsByteArray();
        // an ICO file: reserved 0, type 1 (icon), at least one image
        assertThat(icon.length).isGreaterThan(22);
        assertThat(new byte[] {icon[0], icon[1], icon[2], icon[3]}).containsExactly(0, 0, 1, 0);
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
        mvc.perform(get("/login")).andExpect(content().string(org.hamcrest.Matchers.containsString("rel=\"icon\"")));
    }

    @Test
    void unauthenticatedApiCallGets401AndNoLoginPage() throws Exception {
        MvcResult result = mvc.perform(get("/api/tasks"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().doesNotExist("Location"))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(jsonPath("$.status").value(401))
            .andExpect(jsonPath("$.code").value("error.unauthorized"))
            .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("请先登录")))
            .andReturn();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("<html", "<form");

        // the CSRF check comes before the credentials, yet a caller without any is told to authenticate
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().doesNotExist("Location"))
            .andExpect(jsonPath("$.code").value("error.unauthorized"));
    }

    @Test
    void wrongBasicCredentialsOnTheApiGet401() throws Exception {
        // someone of their own, since failures count towards the throttle (see LoginThrottleTest)
        CurrentUser someone = newPerson("basic", orgService.get(user("bq_member").getOrgId()), Role.MEMBER);
        mvc.perform(get("/api/tasks").with(httpBasic(someone.getUsername(), "not-the-password")))
            .andExpect(status().isUnauthorized())
            .andExpect(header().doesNotExist("Location"))
            .andExpect(jsonPath("$.code").value("error.unauthorized"));
    }

    @Test
    void loginPageIsChineseByDefaultAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/login"))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("中心组学习流程管理系统")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"zh-CN\"")));

        mvc.perform(get("/login").param("lang", "en"))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("Username")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("Log in")))
            .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("用户名"))));
    }

    @Test
    void httpBasicOnTheApiNeedsNoCsrfToken() throws Exception {
        int year = Plans.freshYear(user("bq_secretary"));
        mvc.perform(get("/api/tasks").with(httpBasic("bq_publicity", PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items").isArray());

        mvc.perform(post("/api/plans").with(httpBasic("bq_secretary", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"ANNUAL\",\"year\":" + year + "}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.plan.planYear").value(year))
            .andExpect(jsonPath("$.plan.status").value("DRAFT"));
        assertThat(planMapper.countAnnual(user("bq_secretary").getOrgId() + "-" + year)).isOne();
    }

    @Test
    void sessionAuthenticatedPostWithoutCsrfTokenIsRefused() throws Exception {
        int year = Plans.freshYear(user("bq_secretary"));
        String annualKey = user("bq_secretary").getOrgId() + "-" + year;

        mvc.perform(post("/api/plans").with(as("bq_secretary"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"ANNUAL\",\"year\":" + year + "}"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.code").value("error.forbidden"));
        mvc.perform(post("/plans").with(as("bq_secretary")).param("kind", "ANNUAL").param("year", "" + year))
            .andExpect(status().isForbidden());
        mvc.perform(post("/plans").with(as("bq_secretary")).with(csrf().useInvalidToken())
                .param("kind", "ANNUAL").param("year", "" + year))
            .andExpect(status().isForbidden());

        assertThat(planMapper.countAnnual(annualKey)).isZero();
    }

    @Test
    void formPostWithCsrfTokenWorks() throws Exception {
        int year = Plans.freshYear(user("bq_secretary"));
        mvc.perform(post("/plans").with(as("bq_secretary")).with(csrf()).param("kind", "ANNUAL").param("year", "" + year))
            .andExpect(status().isFound())
            .andExpect(redirectedUrlPattern("/plans/*/edit"))
            .andExpect(flash().attribute("message", "plan.created"));
        assertThat(planMapper.countAnnual(user("bq_secretary").getOrgId() + "-" + year)).isOne();
    }

    @Test
    void sessionAuthenticatedApiPostWithCsrfTokenWorks() throws Exception {
        int year = Plans.freshYear(user("bq_secretary"));
        mvc.perform(post("/api/plans").with(as("bq_secretary")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"ANNUAL\",\"year\":" + year + "}"))
            .andExpect(status().isCreated());
    }

    @Test
    void camundaRestApiAndWebappsDoNotExistEvenWhenLoggedIn() throws Exception {
        for (String path : List.of("/engine-rest/engine", "/engine-rest/process-definition", "/engine-rest/task",
            "/camunda/app/welcome/default/", "/camunda/app/cockpit/default/", "/camunda/api/engine/engine/")) {
            assertTechnicalFree(mvc.perform(get(path).with(as("admin"))).andExpect(status().isNotFound()));
        }
        mvc.perform(post("/engine-rest/process-definition/key/plan-approval/start").with(as("admin")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isNotFound());
    }

    @Test
    void healthIsUpWithoutLogin() throws Exception {
        mvc.perform(get("/actuator/health"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("UP"));
    }

    /** The database's state and the disk's are for the system administrators, not for anyone who asks. */
    @Test
    void healthShowsItsPartsToSystemAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(as("bq_leader"))).andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(as("admin")))
            .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void openApiDocumentListsTheTaskAndPlanApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(httpBasic("bq_member", PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.paths['/api/tasks']").exists())
            .andExpect(jsonPath("$.paths['/api/tasks/{id}/claim']").exists())
            .andExpect(jsonPath("$.paths['/api/tasks/{id}/complete']").exists())
            .andExpect(jsonPath("$.paths['/api/plans']").exists())
            .andExpect(jsonPath("$.paths['/api/plans/{id}']").exists())
            .andExpect(jsonPath("$.paths['/api/plans/{id}/submit']").exists());
    }

    @Test
    void sessionIdChangesAtLogin() throws Exception {
        // sessions live in the database (Spring Session): the id travels in the SESSION cookie
        Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        assertThat(before).isNotNull();

        MvcResult login = mvc.perform(post("/login").cookie(before).with(csrf())
                .param("username", "bq_member").param("password", PASSWORD))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/"))
            .andReturn();

        Cookie after = login.getResponse().getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "bq_member").param("password", PASSWORD))
            .andExpect(status().isForbidden());
    }

    @Test
    void wrongPasswordShowsThePlainFailureMessage() throws Exception {
        Cookie session = mvc.perform(post("/login").with(csrf()).param("username", "nobody-here").param("password", "x"))
            .andExpect(redirectedUrl("/login?error"))
            .andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/login").param("error", "").cookie(session))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名或密码错误")))
            .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("锁定"))));
    }

    @Test
    void errorPagesShowAMessageAndNoStackTrace() throws Exception {
        assertTechnicalFree(mvc.perform(get("/tasks/does-not-exist").with(as("bq_secretary")))
            .andExpect(status().isNotFound())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("您要找的内容不存在"))));
        assertTechnicalFree(mvc.perform(get("/plans/abc").with(as("bq_secretary")))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("请求内容有误"))));
        assertTechnicalFree(mvc.perform(get("/plans/99999999").with(as("bq_secretary")))
            .andExpect(status().isNotFound()));
        assertTechnicalFree(mvc.perform(get("/no/such/page").with(as("bq_secretary")))
            .andExpect(status().isNotFound()));
        // a bad enum value in a form: the error page, or back to the form when the browser says where it came from
        assertTechnicalFree(mvc.perform(post("/plans").with(as("bq_secretary")).with(csrf())
                .param("kind", "BOGUS").param("year", "2050"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("参数“kind”的值格式不正确"))));
        mvc.perform(post("/plans").with(as("bq_secretary")).with(csrf()).header("Referer", "http://localhost/plans/new")
                .param("kind", "BOGUS").param("year", "2050"))
            .andExpect(redirectedUrl("/plans/new"))
            .andExpect(flash().attribute("error", "参数“kind”的值格式不正确。"));
        // refused by Spring Security itself, rendered by the error controller
        assertTechnicalFree(mvc.perform(post("/plans").with(as("bq_secretary")).param("kind", "ANNUAL"))
            .andExpect(status().isForbidden()));
        assertTechnicalFree(mvc.perform(get("/tasks/does-not-exist").with(as("bq_secretary")).param("lang", "en"))
            .andExpect(status().isNotFound())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("does not exist"))));
    }

    @Test
    void apiErrorsAreJsonWithAMessageAndNoStackTrace() throws Exception {
        assertTechnicalFree(mvc.perform(post("/api/tasks/x/complete").with(httpBasic("bq_publicity", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"MAYBE\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("error.badRequest"))
            .andExpect(jsonPath("$.message").value("请求内容有误，请检查后重试。")));
        assertTechnicalFree(mvc.perform(get("/api/plans/abc").with(httpBasic("bq_publicity", PASSWORD)))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("error.badRequest")));
        assertTechnicalFree(mvc.perform(get("/api/tasks/does-not-exist").with(httpBasic("bq_publicity", PASSWORD)))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.code").value("error.notFound")));
        assertTechnicalFree(mvc.perform(post("/api/plans").with(httpBasic("bq_secretary", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{not json"))
            .andExpect(status().isBadRequest()));
    }

    @Test
    void anUnknownApiPathAnswersJsonNotAPage() throws Exception {
        mvc.perform(get("/api/no-such-thing").with(httpBasic("bq_member", PASSWORD)))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(jsonPath("$.code").value("error.notFound"))
            .andExpect(jsonPath("$.message").value("您要找的内容不存在。"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/plans/1")
                .with(httpBasic("bq_member", PASSWORD)))
            .andExpect(status().isMethodNotAllowed())
            .andExpect(jsonPath("$.code").value("error.methodNotAllowed"))
            .andExpect(jsonPath("$.message").value("此地址不接受这种请求方式。"));
    }

    private static void assertTechnicalFree(ResultActions result) throws Exception {
        String body = result.andReturn().getResponse().getContentAsString();
        assertThat(TECHNICAL.matcher(body).find()).as("no technical detail in: %s", body).isFalse();
    }
}
