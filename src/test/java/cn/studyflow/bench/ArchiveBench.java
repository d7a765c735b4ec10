package cn.studyflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Roster;
import cn.studyflow.support.StudyGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The archive of a town's year as one .zip over HTTP: {@code archive.bench.sessions} sessions (48) with 20 people
 * on each roster and {@code archive.bench.files} files (500) of {@code archive.bench.fileKb} KB (2048) of
 * incompressible bytes (typed as JPEG photos, so stored as they are), downloaded by a client that reads and discards
 * (a blocking connection, as a browser or curl reads; once more with the JDK's HttpClient for comparison).
 * Timed from the request to the first and to the last byte, each download set against reading the same files
 * straight from the disk just before it (the disk's speed on this machine, in the same run; the ratio is printed),
 * then the same files sent through a loopback socket (the ceiling without HTTP and zip), and the heap's peak
 * over the download read from the JVM's heap pools (server and client share the JVM; run with
 * {@code -Dbench.jvmArgs=-Xmx256m} so the heap cannot grow past the goal). The goals: close to disk speed, heap
 * under 256 MB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ArchiveBench extends DatabaseBench {

    static final int SESSIONS = Integer.getInteger("archive.bench.sessions", 48);
    static final int FILES = Integer.getInteger("archive.bench.files", 500);
    static final int FILE_KB = Integer.getInteger("archive.bench.fileKb", 2048);
    static final int PEOPLE = 20;
    /**
     * Drops the kernel's page cache before every disk read and every download (needs root), so that "the disk" is
     * the disk and the download reads it too; without it both read the files from memory, as they were just written.
     */
    static final boolean DROP_CACHES = Boolean.getBoolean("archive.bench.dropCaches");
    /**
     * Whether the files' rows carry the CRC-32 kept at upload (files stored since V29), so that the archive reads each
     * file once; false: rows as files stored before had them, read twice.
     */
    static final boolean KEPT_CRC = Boolean.parseBoolean(System.getProperty("archive.bench.keptCrc", "true"));
    /**
     * Downloads made after the first and before the others, not reported: a server that has run for a while has
     * compiled its download path; in a JVM a minute old the JIT compilers still take most of a core while it streams.
     */
    static final int WARMUPS = Integer.getInteger("archive.bench.warmups", 5);

    static final String CURL = "/usr/bin/curl";

    /** How a download is read. */
    enum Client { BLOCKING, JDK, CURL }

    @LocalServerPort int port;
    @Autowired OrgService orgService;
    @Autowired JdbcTemplate jdbc;
    @Autowired Roster roster;
    @Value("${studyflow.data-dir}") String dataDir;

    @Test
    void aTownsYearStreamsAtDiskSpeedInLittleHeap() throws Exception {
        int year = Year.now(StudyGroup.ZONE).getValue() - 1;
        Org county = orgService.get(orgService.personByUsername("qz_dept").getOrgId());
        Org town = orgService.create("abench" + System.nanoTime() % 100000, "基准档案镇党委", OrgKind.TOWN, county);
        String hash = orgService.personByUsername("bq_member").getPasswordHash();
        Person secretary = orgService.createPerson("abench_sec" + town.getId(), "基准秘书", town, hash,
            List.of(Role.SECRETARY));
        List<CurrentUser> people = new ArrayList<>();
        people.add(orgService.asUser(secretary));
        for (int i = 1; i < PEOPLE; i++) {
            people.add(orgService.asUser(orgService.createPerson("abench" + town.getId() + "_" + i, "基准成员" + i,
                town, hash, List.of(Role.MEMBER))));
        }
        StudyGroup.Sessions sessions = new StudyGroup.Sessions(jdbc, roster, town.getId());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            LocalDate day = LocalDate.of(year, 1 + i % 12, 3 + i / 12 * 6);
            long id = sessions.at(day.atTime(9, 0), people.toArray(CurrentUser[]::new));
            for (CurrentUser p : people) {
                roster.change(id, p.getPersonId(), Attendance.EXPECTED, Attendance.PRESENT, null, null);
            }
            jdbc.update("UPDATE sf_study_session SET status = 'HELD', minutes = ? WHERE id = ?",
                "会议记录。".repeat(400), id);
            ids.add(id);
        }
        List<Path> stored = storeFiles(ids, secretary);
        long fileBytes = (long) FILES * FILE_KB * 1024;
        BenchReport report = new BenchReport("archive-" + database(), "Archive of a town's year: " + SESSIONS
            + " sessions, " + FILES + " files of " + FILE_KB + " KB, over HTTP, " + database()
            + (DROP_CACHES ? ", the page cache dropped before each read" : ", the files in the page cache")
            + (KEPT_CRC ? ", CRC-32s kept at upload (each file read once)" : ", no CRC-32s kept (each file read twice)"));

        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long zipped = 0;
        // each download is set against the disk read just before it, so that both see the same machine
        // a blocking client reads the socket itself, as a browser or curl does; the JDK's HttpClient hands every
        // buffer from its selector thread to the reading one, which on a busy machine waits for the scheduler
        Map<String, Client> steps = new LinkedHashMap<>();
        steps.put("download the archive (first: the credit ledger of the year refreshed), blocking client",
            Client.BLOCKING);
        steps.put("download the archive again, blocking client", Client.BLOCKING);
        steps.put("download the archive again, the JDK's HttpClient", Client.JDK);
        if (Files.isExecutable(Path.of(CURL))) {
            steps.put("download the archive again, curl (its CPU not counted: the server's alone)", Client.CURL);
        }
        for (Map.Entry<String, Client> step : steps.entrySet()) {
            if (zipped > 0) {
                warmUp(town.getId(), year, secretary.getUsername());
            }
            dropCaches();
            double disk = readFromDisk(stored, report);
            dropCaches();
            long started = System.nanoTime();
            long compiling = compilingMillis();
            long serving = serverThreadsCpu();
            long[] firstByte = new long[2];
            zipped = switch (step.getValue()) {
                case BLOCKING -> downloadBlocking(town.getId(), year, secretary.getUsername(), firstByte);
                case JDK -> download(town.getId(), year, secretary.getUsername(), firstByte);
                case CURL -> downloadWithCurl(town.getId(), year, secretary.getUsername(), firstByte);
            };
            double seconds = (System.nanoTime() - started) / 1e9;
            double waited = (firstByte[0] - started) / 1e9;
            double streaming = (zipped >> 20) / (seconds - waited);
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            report.row("step", step.getKey(), "MB", zipped >> 20, "seconds", BenchReport.round(seconds),
                "to the first byte s", BenchReport.round(waited), "MB/s (streaming)", BenchReport.round(streaming),
                "÷ disk read before it", BenchReport.round(streaming / disk), "CPU ms per 100 MB",
                cpuPer100Mb(firstByte[1], zipped), "Tomcat's threads CPU ms per 100 MB",
                per100Mb(serverThreadsCpu() - serving, zipped),
                "JIT compiling ms", compilingMillis() - compiling,
                "heap peak MB", peak >> 20,
                "max heap MB", Runtime.getRuntime().maxMemory() >> 20, "heap under 256 MB", peak < 256L * 1024 * 1024,
                "load average", loadAverage());
        }
        dropCaches();
        sendOverLoopback(stored, report);
        assertThat(zipped).as("the files went out whole").isGreaterThan(fileBytes);
    }

    /** The anchor: the same files read from the disk (the page cache, as they were just written) into nothing. */
    private static double readFromDisk(List<Path> stored, BenchReport report) throws IOException {
        long started = System.nanoTime();
        long cpu = cpu();
        long read = 0;
        byte[] buffer = new byte[256 * 1024];
        for (Path p : stored) {
            try (InputStream in = Files.newInputStream(p)) {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    read += n;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double speed = (read >> 20) / seconds;
        report.row("step", "anchor: read the files from the disk", "MB", read >> 20, "seconds",
            BenchReport.round(seconds), "to the first byte s", "", "MB/s (streaming)", BenchReport.round(speed),
            "÷ disk read before it", "", "CPU ms per 100 MB", cpuPer100Mb(cpu, read), "Tomcat's threads CPU ms per 100 MB", "",
            "JIT compiling ms", "", "heap peak MB", "",
            "max heap MB", "", "heap under 256 MB", "", "load average", loadAverage());
        return speed;
    }

    /**
     * A second anchor, what the machine carries without HTTP and zip: the same files read from the disk and sent
     * through a loopback socket to a reader that discards them, as the download's client does.
     */
    private static void sendOverLoopback(List<Path> stored, BenchReport report) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long started = System.nanoTime();
            long cpu = cpu();
            CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = server.accept(); OutputStream out = socket.getOutputStream()) {
                    long total = 0;
                    byte[] buffer = new byte[256 * 1024];
                    for (Path p : stored) {
                        try (InputStream in = Files.newInputStream(p)) {
                            for (int n; (n = in.read(buffer)) != -1; total += n) {
                                out.write(buffer, 0, n);
                            }
                        }
                    }
                    return total;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            long received = 0;
            try (Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
                 InputStream in = socket.getInputStream()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    received += n;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(received).isEqualTo(sent.get());
            report.row("step", "anchor: the files from the disk through a loopback socket", "MB", received >> 20,
                "seconds", BenchReport.round(seconds), "to the first byte s", "", "MB/s (streaming)",
                BenchReport.round((received >> 20) / seconds), "÷ disk read before it", "", "CPU ms per 100 MB",
                cpuPer100Mb(cpu, received), "Tomcat's threads CPU ms per 100 MB", "", "JIT compiling ms", "", "heap peak MB", "",
                "max heap MB", "", "heap under 256 MB", "", "load average", loadAverage());
        }
    }

    /** Empties the page cache when asked to (see {@link #DROP_CACHES}); a machine that refuses fails the run. */
    private static void dropCaches() throws Exception {
        if (DROP_CACHES) {
            assertThat(new ProcessBuilder("sync").inheritIO().start().waitFor()).isZero();
            Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
        }
    }

    /** The CPU time this JVM (server and client) has used, in nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    /**
     * The CPU time the JVM spent since {@code since} for each 100 MB moved: a figure that a busy machine moves far
     * less than the wall-clock speed, since it counts the work, not the waiting for a core.
     */
    private static double cpuPer100Mb(long since, long bytes) {
        return per100Mb(cpu() - since, bytes);
    }

    /** CPU nanoseconds as milliseconds for each 100 MB of {@code bytes}. */
    private static double per100Mb(long nanos, long bytes) {
        return BenchReport.round(nanos / 1e6 / (bytes / (100.0 * (1 << 20))));
    }

    /** The downloads that warm the JIT up once, after the first measured one (see {@link #WARMUPS}). */
    private boolean warmedUp;

    private void warmUp(long orgId, int year, String username) throws Exception {
        for (int i = 0; !warmedUp && i < WARMUPS; i++) {
            downloadBlocking(orgId, year, username, new long[2]);
        }
        warmedUp = true;
    }

    /**
     * The CPU time of Tomcat's threads (the request's and the poller's), in nanoseconds: the server's own work for a
     * download, without the JIT compilers, the collector and the client that share the JVM. Read before the request
     * and after the last byte, so the work before the first byte is part of it.
     */
    private static long serverThreadsCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("http-nio")) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    /** The time the JIT compilers have spent compiling in this JVM, in milliseconds. */
    private static long compilingMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** The machine's load average over the last minute (how busy the shared machine was). */
    private static double loadAverage() {
        return BenchReport.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The files of the year, written straight into the session store with their rows (setup, not timed). */
    private List<Path> storeFiles(List<Long> sessionIds, Person uploader) throws IOException {
        Path folder = Path.of(dataDir).resolve("session-files");
        Files.createDirectories(folder);
        byte[] content = new byte[FILE_KB * 1024];
        Random random = new Random(20);
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            random.nextBytes(content);
            String name = UUID.randomUUID().toString();
            Path file = folder.resolve(name);
            Files.write(file, content);
            paths.add(file);
            CRC32 crc = new CRC32();
            crc.update(content);
            jdbc.update("INSERT INTO sf_session_file (session_id, kind, stored_name, original_name, file_type, size_bytes,"
                    + " sha256, crc32, uploaded_by, uploaded_at) VALUES (?, 'PHOTO', ?, ?, 'JPEG', ?, ?, ?, ?, CURRENT_TIMESTAMP)",
                sessionIds.get(i % sessionIds.size()), name, "照片" + i + ".jpg", content.length, "0".repeat(64),
                KEPT_CRC ? crc.getValue() : null, uploader.getId());
        }
        return paths;
    }

    /** Downloads over HTTP Basic with a blocking connection, reading and discarding; the bytes received. */
    private long downloadBlocking(long orgId, int year, String username, long[] firstByte) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port
            + "/api/archive/download?orgId=" + orgId + "&year=" + year).toURL().openConnection();
        connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((username + ":demo1234").getBytes(StandardCharsets.UTF_8)));
        assertThat(connection.getResponseCode()).isEqualTo(200);
        long total = 0;
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = connection.getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (total == 0) {
                    firstByte[0] = System.nanoTime();
                    firstByte[1] = cpu();
                }
                total += n;
            }
        } finally {
            connection.disconnect();
        }
        return total;
    }

    /**
     * Downloads with curl into nothing, as an administrator's script would; the time to the first byte is curl's,
     * the CPU counted is this JVM's from the request on (the server's work alone, its first-byte part included).
     */
    private long downloadWithCurl(long orgId, int year, String username, long[] firstByte) throws Exception {
        long started = System.nanoTime();
        firstByte[1] = cpu();
        Process curl = new ProcessBuilder(CURL, "-s", "-o", "/dev/null", "-u", username + ":demo1234", "-w",
            "%{http_code} %{size_download} %{time_starttransfer}",
            "http://localhost:" + port + "/api/archive/download?orgId=" + orgId + "&year=" + year)
            .redirectErrorStream(true).start();
        String[] out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
        assertThat(curl.waitFor()).isZero();
        assertThat(out[0]).isEqualTo("200");
        firstByte[0] = started + (long) (Double.parseDouble(out[2]) * 1e9);
        return Long.parseLong(out[1]);
    }

    /** Downloads over HTTP Basic with the JDK's HttpClient, reading and discarding; the bytes received. */
    private long download(long orgId, int year, String username, long[] firstByte) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String basic = Base64.getEncoder().encodeToString((username + ":demo1234").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/archive/download?orgId=" + orgId + "&year=" + year))
            .header("Authorization", "Basic " + basic).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (total == 0) {
                    firstByte[0] = System.nanoTime();
                    firstByte[1] = cpu();
                }
                total += n;
            }
        }
        return total;
    }
}
