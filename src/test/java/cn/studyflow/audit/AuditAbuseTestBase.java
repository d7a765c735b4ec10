package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The base of the audit abuse tests ({@link AuditFilingAbuseTest}, {@link AuditPlanningAbuseTest}): the people
 * and the auditor pool of {@link AuditSitInFixture} before each test, and the checks both share: a row count to show that nothing changed, a refusal asserted by its message key, and
 * requests made as one of those people.
 */
abstract class AuditAbuseTestBase extends AuditSitInFixture {

    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    static RequestPostProcessor as(CurrentUser who) {
        return SecurityMockMvcRequestPostProcessors.user(who);
    }

    int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessException.class,
            e -> assertThat(e.getMessageKey()).isEqualTo(key));
    }
}
