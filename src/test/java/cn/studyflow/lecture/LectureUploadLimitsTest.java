package cn.studyflow.lecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.support.WebSession;
import cn.studyflow.support.WebSession.FilePart;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP, through the container's multipart parsing: a lecture's entry takes a video above the
 * application-wide upload limit (25 MB) and keeps it on disk; every other upload endpoint still refuses such a file
 * with its 413 and message; a video over the lecture's own limit (40 MB here, to keep the test quick) is refused by
 * name and nothing is kept. The files are sparse and streamed from disk, never held in memory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "studyflow.lecture.max-video-size=40MB")
class LectureUploadLimitsTest extends LectureFixture {

    private static final long MB = 1024 * 1024;
    /** The start of an MP4 file ({@code ftyp} box, brand mp42): what the content check reads. */
    private static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0,
        'm', 'p', '4', '2', 'i', 's', 'o', 'm'};

    @LocalServerPort int port;
    @Value("${studyflow.data-dir}") Path dataDir;
    @TempDir Path dir;

    String base;
    WebSession session;

    @BeforeEach
    void logIn() throws Exception {
        base = "http://localhost:" + port;
        session = new WebSession(member.getUsername());
        session.login(base);
    }

    @Test
    void aThirtyMegabyteVideoIsTakenForALectureEntryOnThePageAndStoredWhole() throws Exception {
        Path video = sparse("实讲.mp4", 30 * MB, MP4);

        WebSession.Response r = session.postParts(base, "/lectures/entries", entry("三十兆的实讲视频"),
            List.of(new FilePart("video", "实讲.mp4", video)), "/lectures/rounds/" + townRound.getId() + "/entries/new");

        assertThat(r.status()).as(r.body()).isEqualTo(302);
        LectureEntry e = mapper.selectEntries(campaign.getId()).get(0);
        assertThat(e.getTitle()).isEqualTo("三十兆的实讲视频");
        assertThat(e.getVideoType()).isEqualTo(LectureFileType.MP4);
        assertThat(Files.size(dataDir.resolve("lecture-files").resolve(e.getVideoFile()))).isEqualTo(30 * MB);
    }

    @Test
    void theSameVideoIsTakenThroughTheApi() throws Exception {
        Path video = sparse("实讲.mp4", 30 * MB, MP4);

        WebSession.Response r = session.postParts(base, "/api/lectures/entries", entry("接口报送的视频"),
            List.of(new FilePart("video", "实讲.mp4", video)), null);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        LectureEntry e = mapper.selectEntry(r.json().path("id").asLong());
        assertThat(Files.size(dataDir.resolve("lecture-files").resolve(e.getVideoFile()))).isEqualTo(30 * MB);
    }

    @Test
    void anotherUploadEndpointStillRefusesSuchAFileWithItsMessage() throws Exception {
        Path over = sparse("发言.pdf", 30 * MB, "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        Path part = sparse("课件.pdf", 26 * MB, "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        Map<String, String> fields = Map.of("title", "太大的材料");

        // over max-request-size by its length: refused before the body is read, the token in the form's query string
        WebSession.Response page = session.postParts(base, "/materials", fields,
            List.of(new FilePart("file", "发言.pdf", over)), "/materials/new");
        assertThat(page.status()).isEqualTo(302);
        assertThat(session.exchange(base, "/materials/new", "text/html").body()).contains("上传的文件过大");

        // within max-request-size but one file over max-file-size: refused once parsed
        WebSession.Response api = session.postParts(base, "/api/materials", fields,
            List.of(new FilePart("file", "课件.pdf", part)), null);
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.json().path("message").asText()).contains("上传的文件过大");
    }

    @Test
    void aVideoOverTheLecturesLimitIsRefusedByNameAndNothingIsKept() throws Exception {
        Path video = sparse("实讲.mp4", 41 * MB, MP4);
        long filesBefore = storedFiles();

        WebSession.Response r = session.postParts(base, "/api/lectures/entries", entry("四十一兆的视频"),
            List.of(new FilePart("video", "实讲.mp4", video)), null);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("message").asText()).isEqualTo("实讲视频不能超过 40 MB，未接收，其余内容也未保存。请压缩视频后重新报送。");
        assertThat(mapper.selectEntries(campaign.getId())).isEmpty();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void anEntryLargerThanBothFilesTogetherIsRefusedBeforeItIsRead() throws Exception {
        // 40 MB video, 20 MB slides and 1 MB of fields at most: 62 MB is refused by its length
        Path video = sparse("实讲.mp4", 62 * MB, MP4);

        WebSession.Response r = session.postParts(base, "/api/lectures/entries", entry("超过整体上限"),
            List.of(new FilePart("video", "实讲.mp4", video)), null);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("message").asText()).contains("上传的文件过大");
        assertThat(mapper.selectEntries(campaign.getId())).isEmpty();
    }

    private Map<String, String> entry(String title) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("roundId", String.valueOf(townRound.getId()));
        fields.put("nomination", "SELF");
        fields.put("title", title);
        fields.put("category", "乡味党课");
        fields.put("homeDate", "2020-01-01");
        fields.put("homeAudience", "全体党员");
        return fields;
    }

    /** A file of {@code size} bytes that starts with {@code head}; the rest is a hole, not written to disk. */
    private Path sparse(String name, long size, byte[] head) throws IOException {
        Path file = dir.resolve(size + "-" + name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(head);
            f.setLength(size);
        }
        return file;
    }

    private long storedFiles() throws IOException {
        Path root = dataDir.resolve("lecture-files");
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
