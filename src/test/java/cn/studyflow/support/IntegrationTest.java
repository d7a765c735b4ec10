package cn.studyflow.support;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A whole StudyFlow with the demo organisations and people, on an in-memory H2 or, in the PostgreSQL run,
 * on a schema of its own (see {@link TestDatabase}); timers run only when a test executes their jobs.
 * Every test class of this kind shares one context, so tests that count things make organisations and
 * people of their own with {@link #newOrg} and {@link #newPerson}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@ExtendWith(TestDatabase.class)
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** The password of every demo account and of every person made by {@link #newPerson}. */
    protected static final String PASSWORD = DemoCast.PASSWORD;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    protected UserDetailsService userDetails;

    /**
     * Requests through every filter of the application, Spring Session's with its JDBC store included, so that a
     * session or flash attribute that cannot be written to the database fails the test as it fails in production.
     * Use this one; a MockMvc built in a test class skips those filters.
     */
    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected OrgService orgService;

    /** The demo person with this username, as they are when logged in. */
    protected CurrentUser user(String username) {
        return (CurrentUser) userDetails.loadUserByUsername(username);
    }

    /** Requests made by this person, as if they were logged in (a session, not HTTP Basic). */
    protected RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(user(username));
    }

    /** A unique name for things a test makes, such as usernames and organisation codes. */
    protected static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    /** A new organisation below {@code parent}, empty of people. */
    protected Org newOrg(String name, OrgKind kind, Org parent) {
        return orgService.create(unique("t"), name, kind, parent);
    }

    /** A new person of {@code org} holding {@code roles}, whose password is {@value #PASSWORD}. */
    protected CurrentUser newPerson(String prefix, Org org, Role... roles) {
        String hash = orgService.personByUsername("bq_member").getPasswordHash();
        Person person = orgService.createPerson(unique(prefix), prefix + "-" + SEQUENCE.get(), org, hash, List.of(roles));
        return user(person.getUsername());
    }
}
