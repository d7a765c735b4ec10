package cn.studyflow.support;

import cn.studyflow.org.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole StudyFlow with the demo organisations and people, on an in-memory H2 or, in the PostgreSQL run,
 * on a schema of its own (see {@link TestDatabase}); timers run only when a test executes their jobs.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@ExtendWith(TestDatabase.class)
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    protected UserDetailsService userDetails;

    /** The demo person with this username, as they are when logged in. */
    protected CurrentUser user(String username) {
        return (CurrentUser) userDetails.loadUserByUsername(username);
    }
}
