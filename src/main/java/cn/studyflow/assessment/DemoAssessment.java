package cn.studyflow.assessment;

import cn.studyflow.org.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * In the demo profile, a draft bulletin of 青州市委's subtree for this year, written by its publicity department
 * (qz_dept) from the figures the other demos left, so that a new user finds it waiting to be edited and published;
 * the same person's assessment page ranks the subtree for this year. Runs after every other demo and writes the
 * draft once. Off with {@code studyflow.demo.sample-bulletin=false}.
 */
@Component
@Profile("demo")
@Order(200)
class DemoAssessment implements ApplicationRunner {

    static final String DEPT = "qz_dept";
    static final String ORG_CODE = "qz";

    private static final Logger log = LoggerFactory.getLogger(DemoAssessment.class);

    private final BulletinService bulletins;
    private final UserDetailsService users;
    private final Clock clock;
    private final boolean enabled;

    DemoAssessment(BulletinService bulletins, UserDetailsService users, Clock clock,
                   @Value("${studyflow.demo.sample-bulletin:true}") boolean enabled) {
        this.bulletins = bulletins;
        this.users = users;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            draft();
        }
    }

    /** Writes the draft unless the department has a bulletin already. */
    Optional<Bulletin> draft() {
        CurrentUser dept = (CurrentUser) users.loadUserByUsername(DEPT);
        if (!ORG_CODE.equals(dept.getOrg().getCode()) || bulletins.page(dept, 0, 1).total() > 0) {
            return Optional.empty();
        }
        Bulletin b = bulletins.generate(dept, dept.getOrgId(), LocalDate.now(clock).getYear(), null, Locale.SIMPLIFIED_CHINESE);
        log.info("Demo bulletin: draft {} of {} waits for {} to publish it", b.getId(), dept.getOrg().getName(), DEPT);
        return Optional.of(b);
    }
}
