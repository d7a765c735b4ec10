package cn.studyflow.archive;

import cn.studyflow.org.CurrentUser;
import java.time.LocalDate;
import java.time.Clock;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
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
 * In the demo profile, 卞桥镇's last year (finished by the other demos) with its closing requested by the secretary
 * and waiting for the leader, so that the archive shows work waiting: {@code bq_leader} approves it in the tasklist.
 */
@Component
@Profile("demo")
@Order(300)
@RequiredArgsConstructor
class DemoArchive implements ApplicationRunner {

    static final String NOTE = "全年学习计划、学习会记录、审定材料和补学情况已整理齐全，申请归档。";

    private static final Logger log = LoggerFactory.getLogger(DemoArchive.class);

    private final YearClosings closings;
    private final ArchiveContents contents;
    private final UserDetailsService users;
    private final Clock clock;
    @Value("${studyflow.demo.sample-archive:true}")
    private final boolean enabled;

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        CurrentUser secretary = (CurrentUser) users.loadUserByUsername("bq_secretary");
        int year = LocalDate.now(clock).getYear() - 1;
        long orgId = secretary.getOrgId();
        if (!closings.history(orgId, year).isEmpty()
            || ArchiveContents.isEmpty(contents.parts(orgId, year, Locale.SIMPLIFIED_CHINESE))) {
            return;
        }
        YearClosing c = closings.request(secretary, orgId, year, NOTE);
        log.info("Demo archive: closing of {} for 卞桥镇 requested (closing {}), waiting for bq_leader", year, c.getId());
    }
}
