package cn.studyflow.bench;

import cn.studyflow.support.ClusterDriver;
import cn.studyflow.support.ClusterDriver.Cluster;
import cn.studyflow.support.ClusterDriver.Journey;
import cn.studyflow.support.ClusterDriver.PlanJourney;
import cn.studyflow.support.Node;
import cn.studyflow.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same HTTP load (whole plan approvals, 16 clients) against one node and against two, on PostgreSQL. Beside
 * the rate it reports the nodes' own CPU time per approval and how busy the machine's CPUs were: when the CPU
 * per approval stays the same with two nodes, they do not hold each other up, and the rate follows the CPUs
 * that the nodes get.
 */
class TwoNodesBench {

    static final int CLIENTS = 16;
    /** USER_HZ: the unit of /proc's CPU times on Linux. */
    static final int TICKS_PER_SECOND = 100;

    @BeforeAll
    static void requirePostgres() {
        TestDatabase.assumePostgres();
    }

    @Test
    void twoNodesAgainstOne() throws Exception {
        double[] one = run(1);
        double[] two = run(2);
        new BenchReport("two-nodes", "Plan approvals per second over HTTP, PostgreSQL")
            .row("nodes", 1, "approvals per second", BenchReport.round(one[0]), "ratio to one node (target >= 1.7)", 1.0,
                "node CPU ms per approval", BenchReport.round(one[1]), "machine CPUs busy %", BenchReport.round(one[2]))
            .row("nodes", 2, "approvals per second", BenchReport.round(two[0]), "ratio to one node (target >= 1.7)",
                BenchReport.round(two[0] / one[0]), "node CPU ms per approval", BenchReport.round(two[1]),
                "machine CPUs busy %", BenchReport.round(two[2]));
    }

    /** Approvals per second, the nodes' CPU milliseconds per approval, and the share of the machine's CPU time in use. */
    private double[] run(int nodes) throws Exception {
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
            runAll(ClusterDriver.plans(cluster, 2027, 1, 8));
            List<PlanJourney> journeys = ClusterDriver.plans(cluster, 2028, 4, 24);
            long[] machineBefore = machineTicks();
            long nodeBefore = nodeTicks(started);
            long start = System.nanoTime();
            runAll(journeys);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] machineAfter = machineTicks();
            double nodeMs = (nodeTicks(started) - nodeBefore) * 1000.0 / TICKS_PER_SECOND;
            double busy = 100.0 * (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1]);
            return new double[] {journeys.size() / seconds, nodeMs / journeys.size(), busy};
        } finally {
            for (Node n : started) {
                n.close();
            }
        }
    }

    /** User and system CPU time of the nodes' processes, in clock ticks (/proc/PID/stat, fields 14 and 15). */
    private static long nodeTicks(List<Node> nodes) throws IOException {
        long ticks = 0;
        for (Node n : nodes) {
            String stat = Files.readString(Path.of("/proc", String.valueOf(n.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        return ticks;
    }

    /** Busy and total CPU ticks of the whole machine (the first line of /proc/stat; idle and iowait are not busy). */
    private static long[] machineTicks() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
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
