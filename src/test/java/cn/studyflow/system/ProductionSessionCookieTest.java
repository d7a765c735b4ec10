package cn.studyflow.system;

import static cn.studyflow.system.SessionCookieTest.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.studyflow.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A production start (profile prod, empty database, the first administrator from the settings): the session
 * cookie only travels over HTTPS, besides being HttpOnly and SameSite=Lax.
 */
@SpringBootTest(properties = {"studyflow.bootstrap-admin.username=cookie-admin",
    "studyflow.bootstrap-admin.password=a-long-enough-password", "studyflow.bootstrap-admin.org-name=市委"})
@AutoConfigureMockMvc
@ActiveProfiles({"prod", "test"})
@ExtendWith(TestDatabase.class)
class ProductionSessionCookieTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired MockMvc mvc;

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSiteLax() throws Exception {
        List<String> anonymous = mvc.perform(get("/login")).andReturn().getResponse().getHeaders("Set-Cookie");
        assertThat(sessionCookie(anonymous)).contains("Secure", "HttpOnly", "SameSite=Lax");

        List<String> loggedIn = mvc.perform(post("/login").with(csrf())
                .param("username", "cookie-admin").param("password", "a-long-enough-password"))
            .andExpect(redirectedUrl("/"))
            .andReturn().getResponse().getHeaders("Set-Cookie");
        assertThat(sessionCookie(loggedIn)).contains("Secure", "HttpOnly", "SameSite=Lax");
    }
}
