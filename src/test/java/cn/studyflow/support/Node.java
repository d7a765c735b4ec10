package cn.studyflow.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One StudyFlow node: the packaged jar started as its own process, as it runs in production. */
public final class Node implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;

    private Node(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts the packaged jar with the given arguments and waits until its health check answers UP. */
    public static Node start(String name, int port, List<String> args) throws IOException, InterruptedException {
        return start(name, port, List.of("-Xmx384m"), jar(), args);
    }

    /** Starts a jar (the packaged one, or one extracted from it) with these JVM options. */
    public static Node start(String name, int port, List<String> jvmOptions, Path jar, List<String> args)
        throws IOException, InterruptedException {
        return start(name, port, jvmOptions, jar, args, "/actuator/health");
    }

    /** Starts a jar and waits until {@code healthPath} answers 200 with UP (another app than StudyFlow, a probe). */
    public static Node start(String name, int port, List<String> jvmOptions, Path jar, List<String> args,
                             String healthPath) throws IOException, InterruptedException {
        Path dir = Path.of("target", "nodes", name);
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(javaBin());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        // a data directory of its own, unless the arguments name one that the nodes share (material files)
        if (args.stream().noneMatch(a -> a.startsWith("--studyflow.data-dir="))) {
            command.add("--studyflow.data-dir=" + dir.toAbsolutePath());
        }
        command.addAll(args);
        Process process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("node.log").toFile())
            .start();
        Node node = new Node(name, port, process);
        // a busy shared machine may need longer: -Dstudyflow.node.start-minutes=8
        node.awaitHealthy(healthPath, Duration.ofMinutes(Long.getLong("studyflow.node.start-minutes", 4)));
        return node;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the node as a crash would: no shutdown hooks, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private void awaitHealthy(String healthPath, Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " died at start-up; see target/nodes/" + name + "/node.log");
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + healthPath)).build(),
                    HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        String stuck = mainThread();
        process.destroyForcibly();
        throw new IllegalStateException("Node " + name + " not healthy after " + timeout + "; its main thread:\n" + stuck);
    }

    /**
     * The stack of the node's main thread (where the start-up runners run), read with the JDK's {@code jcmd}, for the
     * failure message of a start that never became healthy; the whole thread dump goes to the node's log directory.
     */
    private String mainThread() {
        Path dump = logOf(name).toPath().resolveSibling("threads.txt");
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            List<String> lines = Files.readAllLines(dump);
            int start = 0;
            while (start < lines.size() && !lines.get(start).startsWith("\"main\"")) {
                start++;
            }
            return String.join("\n", lines.subList(start, Math.min(lines.size(), start + 40)));
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    public static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The executable jar that the package phase built. */
    public static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("studyflow-.*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No target/studyflow-*.jar: run the package phase first"));
        }
    }

    public static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The last error a request thread of the node logged (the error handling's "Unexpected failure", or the
     * container's for what a filter threw), as its first lines and its causes on one line, for a test's failure
     * message; empty when there is none.
     */
    public String lastUnexpectedFailure() {
        try {
            List<String> lines = Files.readAllLines(logOf(name).toPath());
            int start = -1;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.contains(" ERROR ") && line.contains("exec-") && !line.contains("overridden by rollback")) {
                    start = i;
                }
            }
            if (start < 0) {
                return "";
            }
            List<String> summary = new ArrayList<>();
            for (int i = start; i < lines.size() && summary.size() < 12; i++) {
                String line = lines.get(i);
                if (i <= start + 1 || line.startsWith("Caused by:")) {
                    summary.add(line.trim());
                } else if (!line.startsWith("\t")) {
                    break;
                }
            }
            return String.join(" <- ", summary);
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    static File logOf(String name) {
        return Path.of("target", "nodes", name, "node.log").toFile();
    }
}
