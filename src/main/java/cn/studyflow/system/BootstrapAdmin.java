package cn.studyflow.system;

import cn.studyflow.org.OrgKind;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In production, creates the first administrator from STUDYFLOW_ADMIN_USERNAME and
 * STUDYFLOW_ADMIN_PASSWORD when nobody exists yet. There is no default password.
 */
@Component
@Profile("prod")
@RequiredArgsConstructor
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final int MIN_PASSWORD = 12;

    private final OrgService orgs;
    private final PasswordEncoder encoder;
    @Value("${studyflow.bootstrap-admin.username:}")
    private final String username;
    @Value("${studyflow.bootstrap-admin.password:}")
    private final String password;
    @Value("${studyflow.bootstrap-admin.org-name:}")
    private final String orgName;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (orgs.countPeople() > 0) {
            return;
        }
        if (username.isBlank() || password.length() < MIN_PASSWORD || orgName.isBlank()) {
            throw new IllegalStateException("Empty database: set STUDYFLOW_ADMIN_USERNAME, STUDYFLOW_ADMIN_ORG and "
                + "STUDYFLOW_ADMIN_PASSWORD (at least " + MIN_PASSWORD + " characters) to create the first administrator");
        }
        var org = orgs.create("root", orgName, OrgKind.CITY, null);
        orgs.createPerson(username, username, org, encoder.encode(password), List.of(Role.ADMIN));
        log.info("Created the first administrator '{}' in {}", username, orgName);
    }
}
