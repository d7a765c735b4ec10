package cn.studyflow.assessment;

import cn.studyflow.org.DemoPeople;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
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
@RequiredArgsConstructor
class DemoAssessment implements ApplicationRunner {

    static final String DEPT = "qz_dept";
    static final String ORG_CODE = "qz";

    private static final Logger log = LoggerFactory.getLogger(DemoAssessment.class);

    private final BulletinService bulletins;
    private final DemoPeople people;
    private final Clock clock;
    @Value("${studyflow.demo.sample-bulletin:true}")
    private final boolean enabled;

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            draft();
        }
    }

    /** Writes the draft unless the department has a bulletin already. */
    Optional<Bulletin> draft() {
        return people.userIn(ORG_CODE, DEPT).filter(dept -> bulletins.page(dept, 0, 1).total() == 0).map(dept -> {
            Bulletin b = bulletins.generate(dept, dept.getOrgId(), LocalDate.now(clock).getYear(), null,
                Locale.SIMPLIFIED_CHINESE);
            log.info("Demo bulletin: draft {} of {} waits for {} to publish it", b.getId(), dept.getOrg().getName(), DEPT);
            return b;
        });
    }
}
