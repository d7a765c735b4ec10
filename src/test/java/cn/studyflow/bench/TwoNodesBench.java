package cn.studyflow.bench;

import cn.studyflow.support.ClusterDriver;
import cn.studyflow.support.ClusterDriver.Cluster;
import cn.studyflow.support.ClusterDriver.Journey;
import cn.studyflow.support.ClusterDriver.PlanJourney;
import cn.studyflow.support.Node;
import cn.studyflow.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same HTTP load (whole plan approvals, 16 clients) against one node and against two, on PostgreSQL. */
class TwoNodesBench {

    static final int CLIENTS = 16;

    @BeforeAll
    static void requirePostgres() {
        TestDatabase.assumePostgres();
    }

    @Test
    void twoNodesAgainstOne() throws Exception {
        double one = run(1);
        double two = run(2);
        new BenchReport("two-nodes", "Plan approvals per second over HTTP, PostgreSQL")
            .row("nodes", 1, "approvals per second", BenchReport.round(one), "ratio to one node", 1.0)
            .row("nodes", 2, "approvals per second", BenchReport.round(two), "ratio to one node (target >= 1.7)",
                BenchReport.round(two / one));
    }

    private double run(int nodes) throws Exception {
        String schema = TestDatabase.freshSchema("sf_bench" + nodes + "_");
        List<String> args = List.of("--spring.profiles.active=demo,postgres",
            "--spring.datasource.url=" + TestDatabase.urlOf(schema),
            "--spring.datasource.username=postgres", "--spring.datasource.password=",
            "--camunda.bpm.database.schema-name=" + schema, "--camunda.bpm.database.table-prefix=" + schema + ".",
            "--studyflow.demo.sample-plans=false", "--logging.level.root=warn");
        List<Node> started = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                started.add(Node.start("bench" + nodes + "-" + i, Node.freePort(), args));
            }
            Cluster cluster = new Cluster(started);
            // warm-up, then the measured load
            runAll(ClusterDriver.plans(cluster, 2027, 1, 4));
            List<PlanJourney> journeys = ClusterDriver.plans(cluster, 2028, 4, 20);
            long start = System.nanoTime();
            runAll(journeys);
            return journeys.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            for (Node n : started) {
                n.close();
            }
        }
    }

    private static void runAll(List<? extends Journey> journeys) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Journey j : journeys) {
                futures.add(pool.submit(() -> {
                    j.draftAndSubmit();
                    return j.review();
                }));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
