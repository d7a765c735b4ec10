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
 * Start-up time of the packaged jar (demo profile) until health is UP, and its resident memory after 15 s idle:
 * started as {@code java -Xmx384m -jar}, and started the way docs/operations.md recommends for production (the
 * jar extracted, a class data sharing archive made once, G1 returning unused heap when idle). Each way: a first
 * start on an empty H2 file, then two restarts.
 */
class StartupBench {

    /** The JVM options of docs/operations.md, "Start-up and memory", without the archive. */
    static final List<String> RECOMMENDED = List.of("-Xmx384m", "-XX:G1PeriodicGCInterval=5000",
        "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=40");

    @Test
    void startupAndIdleMemory() throws Exception {
        BenchReport report = new BenchReport("startup", "Packaged jar: start-up and idle memory");
        measure(report, "java -Xmx384m -jar studyflow.jar", "startup-plain", List.of("-Xmx384m"), Node.jar());

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
        measure(report, "extracted, class data sharing, G1 idle heap return (docs/operations.md)", "startup-cds",
            options, jar);
    }

    private static void measure(BenchReport report, String how, String name, List<String> options, Path jar)
        throws Exception {
        FileSystemUtils.deleteRecursively(Path.of("target", "nodes", name));
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            try (Node node = Node.start(name, Node.freePort(), options, jar, List.of("--logging.level.root=warn"))) {
                double ready = (System.nanoTime() - start) / 1e9;
                Thread.sleep(15_000);
                long rssKb = Files.readAllLines(Path.of("/proc", String.valueOf(node.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1);
                report.row("started as", how, "run", run, "first start (empty database)", run == 1 ? "yes" : "no",
                    "ready in s (target <= 10)", BenchReport.round(ready),
                    "resident MB idle (target <= 450)", BenchReport.round(rssKb / 1024.0));
            }
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("startup-bench", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }
}
