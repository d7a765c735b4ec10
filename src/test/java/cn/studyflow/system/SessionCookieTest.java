package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.studyflow.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SESSION cookie (written by Spring Session, which keeps sessions in the database) is never readable by
 * scripts nor sent along with another site's requests. Secure is the production profile's
 * ({@link ProductionSessionCookieTest}): the demo runs on plain HTTP.
 */
class SessionCookieTest extends IntegrationTest {

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        List<String> cookies = mvc.perform(get("/login")).andReturn().getResponse().getHeaders("Set-Cookie");

        assertThat(sessionCookie(cookies)).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    }

    static String sessionCookie(List<String> setCookieHeaders) {
        return setCookieHeaders.stream().filter(h -> h.startsWith("SESSION=")).findFirst()
            .orElseThrow(() -> new AssertionError("no SESSION cookie in " + setCookieHeaders));
    }
}
