package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.support.ClusterDriver;
import cn.studyflow.support.ClusterDriver.Cluster;
import cn.studyflow.support.ClusterDriver.PlanJourney;
import cn.studyflow.support.Node;
import cn.studyflow.support.NodeArgs;
import cn.studyflow.support.TestDatabase;
import cn.studyflow.support.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The database connections of a running cluster cut, as a PostgreSQL restart cuts them: two nodes of the packaged
 * jar on one PostgreSQL schema, {@value #THREADS} clients approving 30 plans through both over HTTP.
 *
 * <p>Injected: a quarter of the way through the approvals, every backend connection of the two nodes (and only
 * theirs: they carry an application name of their own, other engineers share the database) is terminated with
 * {@code pg_terminate_backend}, {@value #ROUNDS} times {@value #ROUND_MILLIS} ms apart, the pool's fresh ones
 * included. The shared PostgreSQL cluster itself is not stopped.
 *
 * <p>Checked: requests during the outage answer 503 with Retry-After (some did, so the outage was felt), never
 * another 5xx; clients that try again finish; every plan is approved exactly once (one end, no step decided twice,
 * one study session per topic); both nodes serve and report UP afterwards without a restart; and plans submitted
 * after the outage get their reminder timers fired, so the job executor took up its work again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIT {

    static final int THREADS = 8;
    static final int ROUNDS = 6;
    static final int ROUND_MILLIS = 700;

    @BeforeAll
    void requirePostgres() {
        TestDatabase.assumePostgres();
    }

    @Test
    void connectionsCutUnderLoadLoseAndDoubleNothing() throws Exception {
        String schema = TestDatabase.freshSchema("sf_outage_");
        String url = TestDatabase.urlOf(schema);
        String application = "studyflow-" + schema;
        List<String> args = NodeArgs.postgres(schema,
            "--spring.datasource.hikari.maximum-pool-size=8",
            "--spring.datasource.hikari.data-source-properties.ApplicationName=" + application,
            "--studyflow.data-dir=" + Path.of("target", "nodes", "outage-shared").toAbsolutePath(),
            "--camunda.bpm.job-execution.lock-time-in-millis=15000",
            "--camunda.bpm.job-execution.max-wait=2000",
            // every annual plan's reminder is due at once, so that each fires during the run
            "--studyflow.plan.reminder-days=3000",
            "--studyflow.demo.sample-plans=false",
            "--studyflow.demo.sample-sessions=false",
            "--logging.level.root=warn");
        try (Node a = Node.start("outage-a", Node.freePort(), args);
             Node b = Node.start("outage-b", Node.freePort(), args)) {
            Cluster cluster = new Cluster(List.of(a, b));
            List<PlanJourney> before = ClusterDriver.plans(cluster, 2027, 2, 4);
            List<PlanJourney> after = ClusterDriver.plans(cluster, 2029, 1, 0);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            int terminated;
            try {
                for (Future<Void> f : pool.invokeAll(before.stream().map(p -> (Callable<Void>) p::draftAndSubmit).toList())) {
                    f.get();
                }
                List<Future<Void>> reviews = new ArrayList<>();
                for (PlanJourney p : before) {
                    reviews.add(pool.submit(p::review));
                }
                ClusterIT.awaitCount(url, "SELECT COUNT(*) FROM sf_plan WHERE status = 'APPROVED'", before.size() / 4, 300);
                terminated = cutConnections(application);
                for (Future<Void> f : reviews) {
                    f.get(10, TimeUnit.MINUTES);
                }
                // the job executor works again: the timers of plans submitted now fire
                for (Future<Void> f : pool.invokeAll(after.stream().map(p -> (Callable<Void>) () -> {
                    p.draftAndSubmit();
                    return p.review();
                }).toList())) {
                    f.get(10, TimeUnit.MINUTES);
                }
                ClusterIT.awaitCount(url, "SELECT COUNT(*) FROM sf_action WHERE action = 'REMIND' AND subject_type = 'PLAN'",
                    ClusterIT.annual(before) + after.size(), 180);
            } finally {
                pool.shutdownNow();
            }
            assertThat(terminated).as("connections terminated").isGreaterThan(0);
            assertThat(cluster.unavailableAnswers()).as("503 answers during the outage").isGreaterThan(0);
            ClusterIT.checkPlans(url, cluster, Stream.concat(before.stream(), after.stream()).toList());
            // each node serves and is healthy without a restart
            WebSession someone = cluster.people.values().iterator().next();
            for (Node node : List.of(a, b)) {
                assertThat(someone.get(node.baseUrl(), "/api/tasks").status()).as(node.name()).isEqualTo(200);
                HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(node.baseUrl() + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as(node.name()).isEqualTo(200);
            }
        }
    }

    /** Terminates every connection of the nodes, again and again for a while; how many it terminated. */
    private static int cutConnections(String application) throws Exception {
        int terminated = 0;
        try (Connection c = DriverManager.getConnection(TestDatabase.urlOf("public"), "postgres", "");
             PreparedStatement kill = c.prepareStatement("SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid))"
                 + " FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()")) {
            kill.setString(1, application);
            for (int round = 0; round < ROUNDS; round++) {
                try (ResultSet rs = kill.executeQuery()) {
                    rs.next();
                    terminated += rs.getInt(1);
                }
                Thread.sleep(ROUND_MILLIS);
            }
        }
        return terminated;
    }
}
