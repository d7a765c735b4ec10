package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Role;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.Node;
import cn.studyflow.support.NodeArgs;
import cn.studyflow.support.TestDatabase;
import cn.studyflow.support.TestPdf;
import cn.studyflow.support.WebSession;
import cn.studyflow.support.WebSession.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A full disk under an upload: one node of the packaged jar on a PostgreSQL schema of its own, whose data directory
 * (where material files live) is a tmpfs of {@value #DISK_KB} KB mounted for the test. Needs root for the mount
 * (CI runs as root here); elsewhere it is skipped and says why.
 *
 * <p>Injected: after a first material is uploaded, a ballast file fills the tmpfs up to {@value #LEFT_KB} KB, and a
 * member uploads a {@value #BIG_KB} KB file, so that writing it fails with ENOSPC halfway.
 *
 * <p>Checked: the upload answers 507 with the message in the user's language (Chinese, English), never a 500; no
 * half-written file stays behind (neither in the scratch folder nor among the files), no row was written and every
 * row's file exists; once the ballast is gone the same upload succeeds, and both files download as uploaded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiskFullIT {

    static final int DISK_KB = 2048;
    static final int LEFT_KB = 64;
    static final int BIG_KB = 300;

    private Path mount;

    @BeforeAll
    void requirePostgresAndMount() throws Exception {
        TestDatabase.assumePostgres();
        mount = Path.of("target", "nodes", "disk-full-data").toAbsolutePath();
        Files.createDirectories(mount);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + DISK_KB + "k", "tmpfs", mount.toString())
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(p.waitFor() == 0,
            "A size-limited folder needs `mount -t tmpfs` (root; CI runs as root here): " + out.strip());
    }

    @Test
    void aFullDiskRefusesTheUploadCleanlyAndUploadsWorkOnceSpaceIsFree() throws Exception {
        String schema = TestDatabase.freshSchema("sf_disk_");
        try (Node node = Node.start("disk-full", Node.freePort(), NodeArgs.postgres(schema,
            "--studyflow.data-dir=" + mount, "--logging.level.root=warn"))) {
            String base = node.baseUrl();
            String member = DemoOrg.BQ.username(Role.MEMBER);
            WebSession chinese = new WebSession(member);
            chinese.loginWhenReady(base);
            WebSession english = new WebSession(member);
            english.login(base);
            english.exchange(base, "/tasks?lang=en", "text/html");
            String sessionId = chinese.get(base, "/api/materials/sessions").json().get(0).get("id").asText();

            byte[] first = TestPdf.of("first", 100);
            Response firstUpload = upload(chinese, base, sessionId, "first", first);
            assertThat(firstUpload.status()).as(firstUpload.body()).isEqualTo(201);
            long firstId = firstUpload.json().get("material").get("id").asLong();
            Path files = mount.resolve("files");
            // the demo data's own materials lie there too
            int filesBefore = listed(files).size();
            int rowsBefore = storedNames(schema).size();
            Path ballast = mount.resolve("ballast");
            fill(ballast, LEFT_KB);

            byte[] big = TestPdf.of("big", BIG_KB);
            Response refused = upload(chinese, base, sessionId, "big", big);
            assertThat(refused.status()).as(refused.body()).isEqualTo(507);
            assertThat(refused.json().get("message").asText()).contains("存储空间已满");
            Response refusedEn = upload(english, base, sessionId, "big", big);
            assertThat(refusedEn.status()).as(refusedEn.body()).isEqualTo(507);
            assertThat(refusedEn.json().get("message").asText()).contains("storage is full");
            // nothing half-written, nothing recorded
            assertThat(listed(files.resolve(".incoming"))).isEmpty();
            assertThat(listed(files)).hasSize(filesBefore);
            assertThat(storedNames(schema)).hasSize(rowsBefore).allSatisfy(name -> assertThat(files.resolve(name)).exists());

            Files.delete(ballast);
            Response accepted = upload(chinese, base, sessionId, "big", big);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            long bigId = accepted.json().get("material").get("id").asLong();
            assertThat(storedNames(schema)).hasSize(rowsBefore + 1).allSatisfy(name -> assertThat(files.resolve(name)).exists());
            assertThat(listed(files)).hasSize(filesBefore + 1);
            assertThat(chinese.download(base, "/api/materials/" + firstId + "/versions/1/file").body())
                .isEqualTo(new String(first, StandardCharsets.US_ASCII));
            assertThat(chinese.download(base, "/api/materials/" + bigId + "/versions/1/file").body())
                .isEqualTo(new String(big, StandardCharsets.US_ASCII));
        } finally {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
        }
    }

    private static Response upload(WebSession who, String base, String sessionId, String title, byte[] file) throws Exception {
        Map<String, String> fields = Map.of("sessionId", sessionId, "kind", "SPEECH", "title", "研讨发言" + title,
            "summary", "围绕专题谈学习体会和下一步工作打算。", "submit", "true");
        return who.postFile(base, "/api/materials", fields, title + ".pdf", file);
    }

    /** Writes {@code ballast} until the disk is full, then gives back {@code leftKb} KB. */
    static void fill(Path ballast, int leftKb) throws IOException {
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(ballast)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            // the disk is full
        }
        try (FileChannel c = FileChannel.open(ballast, StandardOpenOption.WRITE)) {
            c.truncate(Math.max(0, c.size() - leftKb * 1024L));
        }
    }

    private static List<Path> listed(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private static List<String> storedNames(String schema) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(TestDatabase.urlOf(schema), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT stored_name FROM sf_material_version")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
