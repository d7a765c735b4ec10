package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.material.MaterialReviewProcess;
import cn.studyflow.support.ClusterDriver;
import cn.studyflow.support.ClusterDriver.Cluster;
import cn.studyflow.support.ClusterDriver.Journey;
import cn.studyflow.support.ClusterDriver.MaterialJourney;
import cn.studyflow.support.ClusterDriver.PlanJourney;
import cn.studyflow.support.Node;
import cn.studyflow.support.NodeArgs;
import cn.studyflow.support.TestDatabase;
import cn.studyflow.support.WebSession;
import cn.studyflow.support.WebSession.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
 * Two StudyFlow nodes (the packaged jar, two processes, two ports) on one PostgreSQL database. 120 plan
 * approvals and 100 material reviews run concurrently through both nodes over HTTP, with real form logins
 * and CSRF tokens; each request goes to either node, so sessions must live in the database and material
 * files in storage the nodes share. Then every plan must be approved and every material archived exactly
 * once, with no task left over or repeated, and every reminder timer must have fired once. The second run
 * kills one node in the middle; the other must finish all the work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

    static final int FIRST_YEAR = 2027;
    static final int ANNUAL_YEARS = 4;
    static final int SUPPLEMENTARY_PER_ORG = 19;
    /** Materials are for the sessions of one supplementary plan per organisation in this year, approved first. */
    static final int SESSION_YEAR = 2031;
    static final int MATERIALS_PER_ORG = 20;
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
        List<String> args = NodeArgs.postgres(schema,
            "--spring.datasource.hikari.maximum-pool-size=12",
            // material files are shared storage: a file uploaded through one node is downloaded through the other
            "--studyflow.data-dir=" + Path.of("target", "nodes", name + "-shared").toAbsolutePath(),
            // a crashed node's job locks expire quickly, so that the survivor takes its jobs over
            "--camunda.bpm.job-execution.lock-time-in-millis=15000",
            "--camunda.bpm.job-execution.max-wait=2000",
            // every annual plan's and every material's reminder is due at once (its deadline still ahead), so
            // each fires during the run
            "--studyflow.plan.reminder-days=3000",
            "--studyflow.material.reminder-days=3000",
            "--studyflow.demo.sample-plans=false",
            // the cluster schedules its own sessions: no demo year of 卞桥镇 beside them
            "--studyflow.demo.sample-sessions=false",
            "--logging.level.root=warn");
        try (Node a = Node.start(name + "-a", Node.freePort(), args);
             Node b = Node.start(name + "-b", Node.freePort(), args)) {
            Cluster cluster = new Cluster(List.of(a, b));
            List<PlanJourney> sessionPlans = ClusterDriver.plans(cluster, SESSION_YEAR, 0, 1);
            List<PlanJourney> plans = ClusterDriver.plans(cluster, FIRST_YEAR, ANNUAL_YEARS, SUPPLEMENTARY_PER_ORG);
            List<MaterialJourney> materials = ClusterDriver.materials(cluster, MATERIALS_PER_ORG);
            // plans and materials mixed, so that both are under way at once
            List<Journey> journeys = new ArrayList<>(plans);
            journeys.addAll(materials);
            Collections.shuffle(journeys, new Random(8));

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                // materials are uploaded for the sessions of approved plans: one plan per organisation goes first
                for (Future<Void> f : pool.invokeAll(sessionPlans.stream().map(p -> (Callable<Void>) () -> {
                    p.draftAndSubmit();
                    return p.review();
                }).toList())) {
                    f.get();
                }
                // the secretaries give those sessions their days (mid-month, 09:00), since a material's deadline and
                // reminder count from its session's start; the scheduling pages themselves are SessionDayBrowserIT's
                try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE sf_study_session SET session_date = make_date(session_year, session_month, 15),"
                        + " start_time = TIME '09:00' WHERE session_date IS NULL");
                }
                for (Future<Void> f : pool.invokeAll(journeys.stream().map(j -> (Callable<Void>) j::draftAndSubmit).toList())) {
                    f.get();
                }
                awaitCount(url, "SELECT COUNT(*) FROM sf_action WHERE action = 'REMIND' AND subject_type = 'PLAN'",
                    annual(plans), 120);
                awaitCount(url, "SELECT COUNT(*) FROM sf_action WHERE action = 'REMIND' AND subject_type = 'MATERIAL'",
                    materials.size(), 120);

                List<Future<Void>> reviews = new ArrayList<>();
                for (Journey j : journeys) {
                    reviews.add(pool.submit(j::review));
                }
                if (killOne) {
                    awaitCount(url, "SELECT (SELECT COUNT(*) FROM sf_plan WHERE status = 'APPROVED')"
                        + " + (SELECT COUNT(*) FROM sf_material WHERE status = 'ARCHIVED')", journeys.size() / 3, 300);
                    a.kill();
                    assertThat(a.isAlive()).isFalse();
                }
                for (Future<Void> f : reviews) {
                    f.get(10, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            checkPlans(url, cluster, Stream.concat(sessionPlans.stream(), plans.stream()).toList());
            checkMaterials(url, cluster, materials);
            // no task is left in anybody's tasklist
            for (WebSession person : cluster.people.values()) {
                Response tasks = cluster.call(n -> person.get(n, "/api/tasks?view=ALL"));
                assertThat(tasks.json().get("total").asInt()).as(person.username() + "'s tasks").isZero();
            }
        }
    }

    /** Every plan approved once: one end each, no step decided twice, every reminder timer fired once. */
    static void checkPlans(String url, Cluster cluster, List<PlanJourney> plans) throws Exception {
        int annual = annual(plans);
        int topics = plans.stream().mapToInt(p -> p.topics).sum();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM sf_plan")).isEqualTo(plans.size());
            assertThat(count(s, "SELECT COUNT(*) FROM sf_plan WHERE status <> 'APPROVED'")).isZero();
            assertThat(endedInstances(s, "sf_plan")).isEqualTo(plans.size());
            // the end of each process ran once: one APPROVED record per plan, one session per topic
            assertThat(count(s, plan("SELECT COUNT(*) FROM sf_action WHERE action = 'APPROVED'"))).isEqualTo(plans.size());
            assertThat(count(s, plan("SELECT COUNT(DISTINCT subject_id) FROM sf_action WHERE action = 'APPROVED'")))
                .isEqualTo(plans.size());
            assertThat(count(s, "SELECT COUNT(*) FROM sf_study_session")).isEqualTo(topics);
            // no step was decided twice
            assertThat(count(s, "SELECT COUNT(*) FROM (" + plan("SELECT subject_id, step FROM sf_action WHERE action = 'APPROVE'")
                + " GROUP BY subject_id, step HAVING COUNT(*) > 1) twice")).isZero();
            assertThat(count(s, plan("SELECT COUNT(*) FROM sf_action WHERE action = 'APPROVE'")))
                .isEqualTo(annual * 3 + (plans.size() - annual));
            // every reminder timer fired exactly once, and no deadline passed
            assertThat(count(s, plan("SELECT COUNT(*) FROM sf_action WHERE action = 'REMIND'"))).isEqualTo(annual);
            assertThat(count(s, plan("SELECT COUNT(DISTINCT subject_id) FROM sf_action WHERE action = 'REMIND'")))
                .isEqualTo(annual);
            assertThat(count(s, "SELECT COUNT(*) FROM sf_action WHERE action = 'ESCALATE'")).isZero();
        }
        for (PlanJourney p : plans) {
            Response plan = cluster.call(n -> p.author.get(n, "/api/plans/" + p.planId));
            assertThat(plan.json().get("currentSteps")).isEmpty();
            assertThat(plan.json().get("plan").get("status").asText()).isEqualTo("APPROVED");
        }
    }

    private void checkMaterials(String url, Cluster cluster, List<MaterialJourney> materials) throws Exception {
        int n = materials.size();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM sf_material")).isEqualTo(n);
            assertThat(count(s, "SELECT COUNT(*) FROM sf_material WHERE status <> 'ARCHIVED' OR archived_at IS NULL")).isZero();
            assertThat(endedInstances(s, "sf_material")).isEqualTo(n);
            // one version each, submitted once and archived once
            assertThat(count(s, "SELECT COUNT(*) FROM sf_material_version")).isEqualTo(n);
            assertThat(count(s, "SELECT COUNT(*) FROM sf_material_version WHERE submitted_at IS NULL")).isZero();
            assertThat(count(s, material("SELECT COUNT(*) FROM sf_action WHERE action = 'SUBMIT'"))).isEqualTo(n);
            assertThat(count(s, material("SELECT COUNT(DISTINCT subject_id) FROM sf_action WHERE action = 'ARCHIVE'")))
                .isEqualTo(n);
            assertThat(count(s, material("SELECT COUNT(*) FROM sf_action WHERE action = 'ARCHIVE'"))).isEqualTo(n);
            // each of the three steps decided once per material, in its review row and in the history
            assertThat(count(s, "SELECT COUNT(*) FROM sf_material_review WHERE decision = 'APPROVE'")).isEqualTo(3 * n);
            assertThat(count(s, "SELECT COUNT(*) FROM (SELECT material_id, step FROM sf_material_review"
                + " GROUP BY material_id, step HAVING COUNT(*) = 1) once")).isEqualTo(3 * n);
            assertThat(count(s, "SELECT COUNT(*) FROM sf_material_review WHERE step = '"
                + MaterialReviewProcess.TASK_FIRST_REVIEW + "' AND not_classified")).isEqualTo(n);
            assertThat(count(s, "SELECT COUNT(*) FROM sf_material_check WHERE passed")).isEqualTo(3 * n);
            assertThat(count(s, "SELECT COUNT(*) FROM sf_material_check")).isEqualTo(3 * n);
            assertThat(count(s, "SELECT COUNT(*) FROM (" + material("SELECT subject_id, step FROM sf_action WHERE action = 'APPROVE'")
                + " GROUP BY subject_id, step HAVING COUNT(*) = 1) once")).isEqualTo(3 * n);
            assertThat(count(s, material("SELECT COUNT(*) FROM sf_action WHERE action = 'APPROVE'"))).isEqualTo(3 * n);
            // every reminder timer fired exactly once
            assertThat(count(s, material("SELECT COUNT(*) FROM sf_action WHERE action = 'REMIND'"))).isEqualTo(n);
            assertThat(count(s, material("SELECT COUNT(DISTINCT subject_id) FROM sf_action WHERE action = 'REMIND'")))
                .isEqualTo(n);
        }
        for (MaterialJourney m : materials) {
            Response material = cluster.call(node -> m.author.get(node, "/api/materials/" + m.materialId));
            assertThat(material.json().get("currentSteps")).isEmpty();
            assertThat(material.json().get("material").get("status").asText()).isEqualTo("ARCHIVED");
            Response file = cluster.call(node -> m.author.download(node, "/api/materials/" + m.materialId + "/versions/1/file"));
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(new String(m.file, StandardCharsets.US_ASCII));
        }
    }

    /**
     * How many of the table's rows point at a process instance that the engine's history shows completed
     * (read here to prove the end happened, not only what StudyFlow recorded of it).
     */
    private static int endedInstances(Statement s, String table) throws Exception {
        return count(s, "SELECT COUNT(*) FROM " + table + " t JOIN act_hi_procinst p ON p.id_ = t.process_instance_id"
            + " WHERE p.end_time_ IS NOT NULL AND p.state_ = 'COMPLETED'");
    }

    private static String plan(String sql) {
        return sql + " AND subject_type = 'PLAN'";
    }

    private static String material(String sql) {
        return sql + " AND subject_type = 'MATERIAL'";
    }

    static int annual(List<PlanJourney> plans) {
        return (int) plans.stream().filter(p -> p.annual).count();
    }

    static void awaitCount(String url, String sql, int expected, int seconds) throws Exception {
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

    static int count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
