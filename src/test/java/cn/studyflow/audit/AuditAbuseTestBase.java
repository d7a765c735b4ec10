package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.workflow.Workflow;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The base of the audit abuse tests ({@link AuditFilingAbuseTest}, {@link AuditPlanningAbuseTest}): before each
 * test, the people involved (the dept that runs the audits, four auditors of different organisations, and the
 * secretary and leader of 卞桥镇, the organisation audited) with an auditor pool of exactly those auditors; and
 * the checks both share: a row count to show that nothing changed, a refusal asserted by its message key, and
 * requests made as one of those people.
 */
abstract class AuditAbuseTestBase extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired AuditPlanning planning;
    @Autowired AuditMapper mapper;
    @Autowired Workflow workflow;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    AuditFixtures fx;
    CurrentUser dept;
    CurrentUser qzAuditor;
    CurrentUser wfzAuditor;
    CurrentUser jyAuditor;
    CurrentUser bqAuditor;
    CurrentUser secretary;
    CurrentUser leader;

    @BeforeEach
    void setUp() {
        fx = new AuditFixtures(context);
        dept = user("qz_dept");
        qzAuditor = user("qz_auditor");
        wfzAuditor = user("wfz_auditor");
        jyAuditor = user("jy_auditor");
        bqAuditor = user("bq_auditor");
        secretary = user("bq_secretary");
        leader = user("bq_leader");
        fx.poolOf(dept, qzAuditor, wfzAuditor, jyAuditor, bqAuditor);
    }

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
