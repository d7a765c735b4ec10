package cn.studyflow.support;

import cn.studyflow.org.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/** A whole StudyFlow on an in-memory H2 with the demo organisations and people; timers run only when a test executes their jobs. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
public abstract class IntegrationTest {

    @Autowired
    protected UserDetailsService userDetails;

    /** The demo person with this username, as they are when logged in. */
    protected CurrentUser user(String username) {
        return (CurrentUser) userDetails.loadUserByUsername(username);
    }
}
