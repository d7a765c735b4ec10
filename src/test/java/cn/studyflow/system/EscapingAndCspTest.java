package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Text that people type (here a return comment, as it reaches a notification) is shown as text, never run as
 * markup; and should an escape ever be missed, the Content-Security-Policy still runs no inline script.
 */
class EscapingAndCspTest extends IntegrationTest {

    @Autowired NotificationService notifications;

    @Test
    void typedMarkupIsShownAsTextUnderAPolicyThatRunsNoInlineScript() throws Exception {
        CurrentUser reader = newPerson("xss", orgService.get(user("bq_member").getOrgId()), Role.SECRETARY);
        notifications.notify(reader.getPersonId(), null, "plan.notify.returned", "<b>计划</b>", "初审",
            "\"><img src=x onerror=alert(1)>", "<script>alert(document.cookie)</script>");

        MvcResult page = mvc.perform(get("/notifications").with(as(reader.getUsername())))
            .andExpect(status().isOk()).andReturn();

        String body = page.getResponse().getContentAsString();
        assertThat(body).contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;", "&lt;b&gt;计划&lt;/b&gt;")
            .doesNotContain("<script>alert", "<img src=x", "<b>计划");
        String csp = page.getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
        assertThat(csp.replaceAll("style-src [^;]*;", "")).doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void theApiAllowsNothingToRunAtAll() throws Exception {
        String csp = mvc.perform(get("/api/tasks").with(as("bq_member")))
            .andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).isEqualTo("default-src 'none'");
    }
}
