package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Role;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.Node;
import cn.studyflow.support.NodeArgs;
import cn.studyflow.support.TestDatabase;
import cn.studyflow.support.TestPdf;
import cn.studyflow.support.WebSession;
import cn.studyflow.support.WebSession.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A node killed while its job executor holds the reminder timers of many materials: nodes of the packaged jar on one
 * PostgreSQL schema of their own.
 *
 * <p>Injected: {@value #MATERIALS} materials are uploaded through a node without a job executor, each with its
 * reminder due at once. The test then locks {@code sf_notification} against writes, and node A (job executor on,
 * lock time {@value #LOCK_SECONDS} s) acquires every reminder job and stalls in the middle of them, writing the
 * notifications. Node B starts with its job executor on, finds every job locked, and A is killed with SIGKILL
 * holding them; then the lock on the table goes.
 *
 * <p>Checked: node B runs every one of A's jobs, none before A's lock expired; each material is reminded exactly
 * once ({@code REMIND} once in the trail), no person gets the same reminder twice, and no incident is left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeKilledDuringTimersIT {

    static final int MATERIALS = 12;
    static final int LOCK_SECONDS = 60;

    @BeforeAll
    void requirePostgres() {
        TestDatabase.assumePostgres();
    }

    @Test
    void theOtherNodeSendsEveryReminderOnceAfterTheLockExpires() throws Exception {
        String schema = TestDatabase.freshSchema("sf_timers_");
        String url = TestDatabase.urlOf(schema);
        String shared = "--studyflow.data-dir=" + Path.of("target", "nodes", "timers-shared").toAbsolutePath();
        // the reminder is due as soon as the material is submitted
        String remindAtOnce = "--studyflow.material.reminder-days=3000";
        StringBuilder ids = new StringBuilder();
        try (Node uploader = Node.start("timers-upload", Node.freePort(), NodeArgs.postgres(schema, shared, remindAtOnce,
            "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=warn"))) {
            WebSession member = new WebSession(DemoOrg.BQ.username(Role.MEMBER));
            member.loginWhenReady(uploader.baseUrl());
            String sessionId = member.get(uploader.baseUrl(), "/api/materials/sessions").json().get(0).get("id").asText();
            // a day ahead, so that the deadline has not passed when the reminders run (a passed one reminds nobody)
            execute(url, "UPDATE sf_study_session SET session_date = CURRENT_DATE + 30, start_time = TIME '09:00' WHERE id = "
                + sessionId);
            for (int i = 0; i < MATERIALS; i++) {
                if (i > 0) {
                    ids.append(',');
                }
                Map<String, String> fields = Map.of("sessionId", sessionId, "kind", "SPEECH", "title", "研讨发言" + i,
                    "summary", "围绕专题谈学习体会和下一步工作打算。", "submit", "true");
                Response r = member.postFile(uploader.baseUrl(), "/api/materials", fields, "发言" + i + ".pdf",
                    TestPdf.of("timer" + i, 1));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                ids.append(r.json().get("material").get("id").asLong());
            }
        }
        String reminded = "FROM sf_action WHERE action = 'REMIND' AND subject_type = 'MATERIAL' AND subject_id IN (" + ids + ")";
        assertThat(count(url, "SELECT COUNT(*) " + reminded)).isZero();

        List<String> timerNode = NodeArgs.postgres(schema, shared, remindAtOnce,
            "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_SECONDS * 1000,
            "--camunda.bpm.job-execution.max-wait=1000",
            "--camunda.bpm.job-execution.max-jobs-per-acquisition=" + MATERIALS,
            "--camunda.bpm.job-execution.queue-capacity=" + MATERIALS,
            // the stalled inserts wait for the test's lock, not for the statement timeout
            "--spring.datasource.hikari.data-source-properties.options=-c statement_timeout=10min",
            "--logging.level.root=warn");
        try (Connection lock = DriverManager.getConnection(url, "postgres", "")) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE sf_notification IN EXCLUSIVE MODE");
            }
            Node a = Node.start("timers-a", Node.freePort(), timerNode);
            Timestamp lockExpiry;
            try {
                ClusterIT.awaitCount(url, "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL", MATERIALS, 240);
                assertThat(count(url, "SELECT COUNT(DISTINCT lock_owner_) FROM act_ru_job WHERE lock_owner_ IS NOT NULL")).isEqualTo(1);
                lockExpiry = timestamp(url, "SELECT MAX(lock_exp_time_) FROM act_ru_job WHERE lock_owner_ IS NOT NULL");
                try (Node b = Node.start("timers-b", Node.freePort(), timerNode)) {
                    a.kill();
                    assertThat(a.isAlive()).isFalse();
                    lock.rollback();
                    ClusterIT.awaitCount(url, "SELECT COUNT(*) " + reminded, MATERIALS, LOCK_SECONDS + 240);
                    // a little longer, to see that nothing runs twice
                    Thread.sleep(5000);
                }
            } finally {
                a.close();
            }
            assertThat(count(url, "SELECT COUNT(*) " + reminded)).isEqualTo(MATERIALS);
            assertThat(count(url, "SELECT COUNT(DISTINCT subject_id) " + reminded)).isEqualTo(MATERIALS);
            // not one of A's jobs ran before its lock expired
            assertThat(count(url, "SELECT COUNT(*) " + reminded + " AND created_at < TIMESTAMP WITH TIME ZONE '"
                + lockExpiry.toInstant() + "'")).isZero();
            assertThat(count(url, "SELECT COUNT(*) FROM sf_notification WHERE message_key = 'material.notify.reminder'"))
                .isGreaterThanOrEqualTo(MATERIALS);
            assertThat(count(url, "SELECT COUNT(*) FROM (SELECT person_id, args, link FROM sf_notification"
                + " WHERE message_key = 'material.notify.reminder' GROUP BY person_id, args, link HAVING COUNT(*) > 1) twice"))
                .isZero();
            assertThat(count(url, "SELECT COUNT(*) FROM act_ru_incident")).isZero();
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static int count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            return ClusterIT.count(s, sql);
        }
    }

    private static Timestamp timestamp(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }
}
