package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.support.ClusterDriver;
import cn.studyflow.support.ClusterDriver.Cluster;
import cn.studyflow.support.ClusterDriver.PlanJourney;
import cn.studyflow.support.Node;
import cn.studyflow.support.TestDatabase;
import cn.studyflow.support.WebSession;
import cn.studyflow.support.WebSession.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two StudyFlow nodes (the packaged jar, two processes, two ports) on one PostgreSQL database. 200 plan
 * approvals run concurrently through both nodes over HTTP, with real form logins and CSRF tokens; each
 * request goes to either node, so sessions must live in the database. Then every plan must be approved
 * exactly once with no task left over or repeated, and every reminder timer must have fired once. The
 * second run kills one node in the middle; the other must finish all the work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

    static final int ANNUAL_YEARS = 5;
    static final int SUPPLEMENTARY_PER_ORG = 35;
    static final int THREADS = 12;

    @BeforeAll
    void requirePostgres() {
        TestDatabase.assumePostgres();
    }

    @Test
    void twoNodesFinishEveryApprovalExactlyOnce() throws Exception {
        run("cluster", false);
    }

    @Test
    void whenOneNodeDiesTheOtherFinishesAllTheWork() throws Exception {
        run("failover", true);
    }

    private void run(String name, boolean killOne) throws Exception {
        String schema = TestDatabase.freshSchema("sf_" + name + "_");
        String url = TestDatabase.urlOf(schema);
        List<String> args = List.of(
            "--spring.profiles.active=demo,postgres",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--camunda.bpm.database.schema-name=" + schema,
            "--camunda.bpm.database.table-prefix=" + schema + ".",
            "--spring.datasource.hikari.maximum-pool-size=12",
            // a crashed node's job locks expire quickly, so that the survivor takes its jobs over
            "--camunda.bpm.job-execution.lock-time-in-millis=15000",
            "--camunda.bpm.job-execution.max-wait=2000",
            // every annual plan's reminder is due at once (its deadline still ahead), so each fires during the run
            "--studyflow.plan.reminder-days=3000",
            "--studyflow.demo.sample-plans=false",
            "--logging.level.root=warn");
        try (Node a = Node.start(name + "-a", Node.freePort(), args);
             Node b = Node.start(name + "-b", Node.freePort(), args)) {
            Cluster cluster = new Cluster(List.of(a, b));
            List<PlanJourney> journeys = ClusterDriver.plans(cluster, 2027, ANNUAL_YEARS, SUPPLEMENTARY_PER_ORG);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                for (Future<Void> f : pool.invokeAll(journeys.stream().map(j -> (Callable<Void>) j::draftAndSubmit).toList())) {
                    f.get();
                }
                int annual = (int) journeys.stream().filter(j -> j.annual).count();
                awaitCount(url, "SELECT COUNT(*) FROM sf_action WHERE action = 'REMIND'", annual, 120);

                List<Future<Void>> reviews = new ArrayList<>();
                for (PlanJourney j : journeys) {
                    reviews.add(pool.submit(j::review));
                }
                if (killOne) {
                    awaitCount(url, "SELECT COUNT(*) FROM sf_plan WHERE status = 'APPROVED'", journeys.size() / 3, 300);
                    a.kill();
                    assertThat(a.isAlive()).isFalse();
                }
                for (Future<Void> f : reviews) {
                    f.get(10, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            check(url, cluster, journeys);
        }
    }

    private void check(String url, Cluster cluster, List<PlanJourney> journeys) throws Exception {
        int annual = (int) journeys.stream().filter(j -> j.annual).count();
        int topics = journeys.stream().mapToInt(j -> j.topics).sum();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM sf_plan")).isEqualTo(journeys.size());
            assertThat(count(s, "SELECT COUNT(*) FROM sf_plan WHERE status <> 'APPROVED'")).isZero();
            // the end of each process ran once: one APPROVED record per plan, one session per topic
            assertThat(count(s, "SELECT COUNT(*) FROM sf_action WHERE action = 'APPROVED'")).isEqualTo(journeys.size());
            assertThat(count(s, "SELECT COUNT(DISTINCT subject_id) FROM sf_action WHERE action = 'APPROVED'")).isEqualTo(journeys.size());
            assertThat(count(s, "SELECT COUNT(*) FROM sf_study_session")).isEqualTo(topics);
            // no step was decided twice
            assertThat(count(s, "SELECT COUNT(*) FROM (SELECT subject_id, step FROM sf_action WHERE action = 'APPROVE' "
                + "GROUP BY subject_id, step HAVING COUNT(*) > 1) twice")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM sf_action WHERE action = 'APPROVE'"))
                .isEqualTo(annual * 3 + (journeys.size() - annual));
            // every reminder timer fired exactly once, and no deadline passed
            assertThat(count(s, "SELECT COUNT(*) FROM sf_action WHERE action = 'REMIND'")).isEqualTo(annual);
            assertThat(count(s, "SELECT COUNT(DISTINCT subject_id) FROM sf_action WHERE action = 'REMIND'")).isEqualTo(annual);
            assertThat(count(s, "SELECT COUNT(*) FROM sf_action WHERE action = 'ESCALATE'")).isZero();
        }
        // no task is left in anybody's tasklist, and no plan is still at a step
        for (WebSession person : cluster.people.values()) {
            Response tasks = cluster.call(n -> person.get(n, "/api/tasks?view=ALL"));
            assertThat(tasks.json().get("total").asInt()).as(person.username() + "'s tasks").isZero();
        }
        for (PlanJourney j : journeys) {
            Response plan = cluster.call(n -> j.author.get(n, "/api/plans/" + j.planId));
            assertThat(plan.json().get("currentSteps")).isEmpty();
            assertThat(plan.json().get("plan").get("status").asText()).isEqualTo("APPROVED");
        }
    }

    private static void awaitCount(String url, String sql, int expected, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int last = -1;
        while (System.nanoTime() < end) {
            try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
                last = count(s, sql);
            }
            if (last >= expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Waited " + seconds + " s for " + expected + " from " + sql + ", got " + last);
    }

    private static int count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
