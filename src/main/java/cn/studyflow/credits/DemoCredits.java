package cn.studyflow.credits;

import java.time.Clock;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the demo profile, the ledger of this year and the last written at start-up from the demo's held sessions,
 * approved materials and make-ups, under the default rule of application.yml, so that 卞桥镇's credits and its
 * shortfall list are there at once (the demo people's ranks come with {@code org/DemoData}).
 */
@Component
@Profile("demo")
@Order(200)
@RequiredArgsConstructor
class DemoCredits implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCredits.class);

    private final CreditJobs jobs;
    private final Clock clock;

    @Override
    public void run(ApplicationArguments args) {
        int refreshed = jobs.refreshOpenYears(LocalDate.now(clock).getYear());
        log.info("Demo credits: the ledger of {} organisation-years written", refreshed);
    }
}
