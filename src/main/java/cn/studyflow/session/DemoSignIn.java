package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
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
 * In the demo profile, opens sign-in on 卞桥镇's session of today, when the demo schedule has one, so that a new user
 * can sign in from the README's walk-through. Runs after the runners that seed plans and sessions.
 */
@Component
@Profile("demo")
@Order(50)
@RequiredArgsConstructor
class DemoSignIn implements ApplicationRunner {

    static final String ORG_CODE = "bq";
    private static final Logger log = LoggerFactory.getLogger(DemoSignIn.class);

    private final SignInMapper signIns;
    private final SignInService signIn;
    private final Clock clock;

    @Override
    public void run(ApplicationArguments args) {
        signIns.selectUnopened(ORG_CODE, LocalDate.now(clock)).stream().findFirst().ifPresent(s -> {
            try {
                signIn.openAs(s, null);
                log.info("Demo: sign-in open on session {} ({}) of today", s.getId(), s.getTitle());
            } catch (BusinessException refused) {
                log.info("Demo: sign-in not opened on session {}: {}", s.getId(), refused.getMessageKey());
            }
        });
    }
}
