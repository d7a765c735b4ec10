package cn.studyflow.bench;

import cn.studyflow.support.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Start-up time of the packaged jar (demo profile) until it is ready, and its resident memory after 15 s idle.
 * First against its anchor, the bare engine app (src/bench/bare-engine, built by the bench profile), both started
 * as {@code java -Xmx384m -jar}, alternating in the same run: a first start on an empty H2 file, then two restarts
 * each, and the ratios (issue 19: StudyFlow ≤ 1.2 × the bare start, ≤ 1.1 × its memory). Then StudyFlow started
 * the way docs/operations.md recommends for production (the jar extracted, a class data sharing archive made once,
 * G1 returning unused heap when idle). Ready means what Spring calls ready, after the application's runners
 * (processes deployed, demo data, the journal's check): StudyFlow's readiness probe, the bare app's /health.
 */
class StartupBench {

    /** Starts of each app: a first start, then restarts (a short run to see that it works: -Dbench.runs=1). */
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    /** The same JVM options for StudyFlow and the bare engine app. */
    static final List<String> PLAIN = List.of("-Xmx384m");
    /** The JVM options of docs/operations.md, "Start-up and memory", without the archive. */
    static final List<String> RECOMMENDED = List.of("-Xmx384m", "-XX:G1PeriodicGCInterval=5000",
        "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=40");
    static final List<String> STUDYFLOW_ARGS = List.of("--logging.level.root=warn",
        "--management.endpoint.health.probes.enabled=true");
    static final String STUDYFLOW_READY = "/actuator/health/readiness";

    @Test
    void startupAndIdleMemory() throws Exception {
        BenchReport report = new BenchReport("startup", "Packaged jar: start-up and idle memory");
        plainAgainstBareEngine(report);

        Path dir = Path.of("target", "bench", "startup-cds");
        FileSystemUtils.deleteRecursively(dir);
        run(List.of(Node.javaBin(), "-Djarmode=tools", "-jar", Node.jar().toString(), "extract", "--destination",
            dir.toString()));
        Path jar = dir.resolve(Node.jar().getFileName());
        Path archive = dir.resolve("studyflow.jsa");
        Path training = Path.of("target", "nodes", "startup-training");
        FileSystemUtils.deleteRecursively(training);
        run(List.of(Node.javaBin(), "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
            jar.toString(), "--studyflow.data-dir=" + training.toAbsolutePath(), "--logging.level.root=warn"));
        List<String> options = new ArrayList<>(RECOMMENDED);
        options.add("-XX:SharedArchiveFile=" + archive);
        FileSystemUtils.deleteRecursively(Path.of("target", "nodes", "startup-cds"));
        for (int run = 1; run <= RUNS; run++) {
            double[] cds = measure("startup-cds", options, jar, STUDYFLOW_ARGS, STUDYFLOW_READY);
            row(report, "StudyFlow", "extracted, class data sharing, G1 idle heap return (docs/operations.md)", run,
                cds);
        }
    }

    /** StudyFlow and the bare engine app, one start of each in turn, so that both see the same machine. */
    private static void plainAgainstBareEngine(BenchReport report) throws Exception {
        Path bare = bareEngineJar();
        FileSystemUtils.deleteRecursively(Path.of("target", "nodes", "startup-plain"));
        FileSystemUtils.deleteRecursively(Path.of("target", "nodes", "startup-bare"));
        double[][] studyFlow = new double[RUNS][];
        double[][] anchor = new double[RUNS][];
        for (int run = 1; run <= RUNS; run++) {
            studyFlow[run - 1] = measure("startup-plain", PLAIN, Node.jar(), STUDYFLOW_ARGS, STUDYFLOW_READY);
            anchor[run - 1] = measure("startup-bare", PLAIN, bare, List.of("--logging.level.root=warn"), "/health");
            row(report, "StudyFlow", "java -Xmx384m -jar studyflow.jar", run, studyFlow[run - 1]);
            row(report, "bare engine", "java -Xmx384m -jar bare-engine.jar", run, anchor[run - 1]);
        }
        for (int run = 1; run <= RUNS; run++) {
            double[] ratio = new double[3];
            for (int i = 0; i < ratio.length; i++) {
                ratio[i] = studyFlow[run - 1][i] / anchor[run - 1][i];
            }
            row(report, "StudyFlow ÷ bare engine (targets: time <= 1.2, memory <= 1.1)", "java -Xmx384m -jar", run,
                ratio);
            System.out.printf("StartupBench run %d: StudyFlow %.2f s (CPU %.2f s) %.0f MB, bare engine %.2f s"
                    + " (CPU %.2f s) %.0f MB; StudyFlow ÷ bare: time %.2f, CPU %.2f, memory %.2f%n", run,
                studyFlow[run - 1][0], studyFlow[run - 1][1], studyFlow[run - 1][2], anchor[run - 1][0],
                anchor[run - 1][1], anchor[run - 1][2], ratio[0], ratio[1], ratio[2]);
        }
    }

    private static void row(BenchReport report, String app, String how, int run, double[] measured) {
        report.row("app", app, "started as", how, "run", run, "first start (empty database)", run == 1 ? "yes" : "no",
            "ready in s", BenchReport.round(measured[0]), "CPU s until ready", BenchReport.round(measured[1]),
            "resident MB after 15 s idle", BenchReport.round(measured[2]));
    }

    /**
     * Seconds from the process's start until ready; the CPU seconds the process used until then (user and system,
     * steadier than the time on a busy machine, where other processes take the cores); resident MB after 15 s idle.
     */
    private static double[] measure(String name, List<String> options, Path jar, List<String> args, String ready)
        throws Exception {
        long start = System.nanoTime();
        try (Node node = Node.start(name, Node.freePort(), options, jar, args, ready)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            // /proc/{pid}/stat: utime and stime in clock ticks of 1/100 s, the 14th and 15th fields (the 12th and
            // 13th after the command's name in parentheses, which may hold spaces)
            String stat = Files.readString(Path.of("/proc", String.valueOf(node.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            Thread.sleep(15_000);
            long rssKb = Files.readAllLines(Path.of("/proc", String.valueOf(node.pid()), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1);
            return new double[] {seconds, cpu, rssKb / 1024.0};
        }
    }

    /** The bare engine app's jar, which the bench profile's package phase builds. */
    static Path bareEngineJar() {
        Path jar = Path.of("target", "bare-engine", "bare-engine.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build it with the bench profile (./mvnw -Pbench verify)");
        }
        return jar;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("startup-bench", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }
}
