package cn.studyflow.bench;

import cn.studyflow.support.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-up time of the packaged jar (demo profile, fresh H2 file) until health is UP, and its idle memory. */
class StartupBench {

    @Test
    void startupAndIdleMemory() throws Exception {
        BenchReport report = new BenchReport("startup", "Packaged jar: start-up and idle memory");
        for (int run = 1; run <= 3; run++) {
            Path data = Path.of("target", "nodes", "startup");
            long start = System.nanoTime();
            try (Node node = Node.start("startup", Node.freePort(), List.of("--logging.level.root=warn"))) {
                double ready = (System.nanoTime() - start) / 1e9;
                Thread.sleep(15_000);
                long rssKb = Files.readAllLines(Path.of("/proc", String.valueOf(node.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1);
                report.row("run", run, "first start (empty database)", run == 1 ? "yes" : "no",
                    "ready in s (target <= 10)", BenchReport.round(ready),
                    "resident MB idle (target <= 450)", BenchReport.round(rssKb / 1024.0),
                    "data", data.toString());
            }
        }
    }
}
