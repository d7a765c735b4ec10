package cn.studyflow.session;

import static cn.studyflow.session.SessionRecordsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.upload.UploadSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;

/** Photos and the sign-in sheet are checked by content as materials are, and shown only to those who see the session. */
class SessionFilesTest extends IntegrationTest {

    @Autowired SessionFiles files;
    @Autowired SessionRecords records;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Value("${studyflow.data-dir}") String dataDir;

    SessionRows rows;
    Org town;
    CurrentUser secretary;
    long session;

    @BeforeEach
    void heldSession() {
        rows = new SessionRows(jdbc);
        town = newOrg("测试镇党委", OrgKind.TOWN, orgService.get(user("qz_dept").getOrgId()));
        secretary = newPerson("sec", town, Role.SECRETARY);
        session = rows.session(town.getId(), "会后上传", LocalDate.now(clock));
        records.markHeld(session, secretary, rows.version(session));
    }

    @Test
    void aPhotoThatIsReallyAnExecutableIsRefusedAndLeavesNoRowAndNoFile() throws IOException {
        int before = fileRows();
        List<Path> stored = storedFiles();

        refused(() -> files.attach(session, secretary, SessionFileKind.PHOTO, file("会场.jpg", UploadSamples.exe())),
            HttpStatus.BAD_REQUEST, "upload.error.type");
        refused(() -> files.attach(session, secretary, SessionFileKind.PHOTO, file("签到表.pdf", UploadSamples.PDF)),
            HttpStatus.BAD_REQUEST, "upload.error.type");
        refused(() -> files.attach(session, secretary, SessionFileKind.PHOTO, file("会场.png", UploadSamples.image("jpg"))),
            HttpStatus.BAD_REQUEST, "upload.error.mismatch");
        refused(() -> files.attach(session, secretary, SessionFileKind.SHEET, file("../签到表.pdf", UploadSamples.PDF)),
            HttpStatus.BAD_REQUEST, "sessionrecord.error.fileName");

        assertThat(fileRows()).isEqualTo(before);
        assertThat(storedFiles()).isEqualTo(stored);
    }

    @Test
    void theRefusalReachesTheSecretaryAsAClearMessageOnThePage() throws Exception {
        mvc.perform(multipart("/sessions/{id}/files", session).file(file("会场.jpg", UploadSamples.exe())).param("kind", "PHOTO")
                .header("Referer", "http://localhost/sessions/" + session).with(as(secretary.getUsername())).with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("error", Matchers.containsString("不支持此文件类型")));
        assertThat(fileRows()).isZero();
    }

    @Test
    void photosAreShownInThePageToThoseWhoSeeTheSessionAndToNobodyElse() throws Exception {
        SessionFile photo = files.attach(session, secretary, SessionFileKind.PHOTO, file("会场.png", UploadSamples.image("png")));
        SessionFile sheet = files.attach(session, secretary, SessionFileKind.SHEET, file("签到表.pdf", UploadSamples.PDF));
        assertThat(Path.of(dataDir, "session-files", photo.getStoredName())).exists();
        assertThat(rows.actions(session)).containsExactly("SESSION_HELD", "SESSION_FILE", "SESSION_FILE");

        mvc.perform(get("/sessions/{id}/files/{f}", session, photo.getId()).with(as(secretary.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().contentType("image/png"))
            .andExpect(header().string("Content-Disposition", Matchers.startsWith("inline;")))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/sessions/{id}/files/{f}", session, sheet.getId()).with(as("qz_manager")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment;")));
        mvc.perform(get("/sessions/{id}/files/{f}", session, photo.getId()).with(as("bq_member")))
            .andExpect(status().isNotFound());
        mvc.perform(get("/sessions/{id}/files/{f}", session, photo.getId()).with(as("wfz_secretary")))
            .andExpect(status().isNotFound());
        long other = rows.session(town.getId(), "另一次", LocalDate.now(clock));
        mvc.perform(get("/sessions/{id}/files/{f}", other, photo.getId()).with(as(secretary.getUsername())))
            .andExpect(status().isNotFound());
    }

    @Test
    void filesWaitUntilTheSessionIsHeld() {
        long coming = rows.session(town.getId(), "未举行", LocalDate.now(clock).plusDays(3));

        refused(() -> files.attach(coming, secretary, SessionFileKind.PHOTO, file("会场.png", UploadSamples.image("png"))),
            HttpStatus.CONFLICT, "sessionrecord.error.notHeld");
        assertThat(fileRows()).isZero();
    }

    private int fileRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sf_session_file WHERE session_id = ?", Integer.class, session);
    }

    private List<Path> storedFiles() throws IOException {
        Path dir = Path.of(dataDir, "session-files");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content);
    }
}
