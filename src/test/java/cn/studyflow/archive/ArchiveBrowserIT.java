package cn.studyflow.archive;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Roster;
import cn.studyflow.session.SessionFileKind;
import cn.studyflow.session.SessionFiles;
import cn.studyflow.support.Browser;
import cn.studyflow.support.OwnTown;
import cn.studyflow.support.StudyGroup;
import cn.studyflow.support.WordText;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;

/**
 * The archive in a real browser: the secretary of a town of the test's own opens last year's archive from the
 * navigation, downloads it, and the .zip's summary (.docx) and attendance (.xlsx) are opened with Apache POI and
 * read; then the secretary asks to close the year and the page says it waits for the leader.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveBrowserIT {

    private static final String MINUTES = "会议传达学习了全会精神，班子成员结合分管工作交流发言。";

    @LocalServerPort int port;
    @Autowired OrgService orgService;
    @Autowired JdbcTemplate jdbc;
    @Autowired Roster roster;
    @Autowired SessionFiles files;

    Browser browser;
    String base;
    OwnTown town;
    Person secretary;
    Person member;
    int year;
    LocalDate day;
    String title;

    @BeforeAll
    void setUp() {
        base = "http://localhost:" + port;
        browser = Browser.open(base);
        town = OwnTown.create(orgService, "ar", "档案浏览器镇党委");
        secretary = town.person("ar_sec", "司马静", Role.SECRETARY);
        Person leader = town.person("ar_lead", "欧阳刚", Role.LEADER);
        member = town.person("ar_mem", "上官玉", Role.MEMBER);
        year = Year.now(StudyGroup.ZONE).getValue() - 1;
        day = LocalDate.of(year, 6, 18);
        StudyGroup.Sessions sessions = new StudyGroup.Sessions(jdbc, roster, town.org().getId());
        CurrentUser asSecretary = orgService.account(secretary.getId());
        long session = sessions.at(day.atTime(9, 0), orgService.account(leader.getId()), asSecretary, orgService.account(member.getId()));
        title = jdbc.queryForObject("SELECT title FROM sf_study_session WHERE id = ?", String.class, session);
        roster.change(session, leader.getId(), Attendance.EXPECTED, Attendance.PRESENT, null, null);
        roster.change(session, secretary.getId(), Attendance.EXPECTED, Attendance.PRESENT, null, null);
        roster.change(session, member.getId(), Attendance.EXPECTED, Attendance.ABSENT, secretary.getId(), "无故缺席");
        jdbc.update("UPDATE sf_study_session SET status = 'HELD', held_at = CURRENT_TIMESTAMP, minutes = ? WHERE id = ?",
            MINUTES, session);
        files.attach(session, asSecretary, SessionFileKind.PHOTO, new MockMultipartFile("file", "现场.png", "image/png", png()));
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theSecretaryDownloadsLastYearsArchiveAndItsWordAndExcelFilesReadRight() throws IOException {
        Page page = browser.loginAs(secretary.getUsername());
        page.click("#nav-archive");
        page.fill("#archive-year", String.valueOf(year));
        page.click("#archive-filters button[type=submit]");
        assertThat(page.locator("h1")).hasText("档案浏览器镇党委 " + year + "年学习档案");
        assertThat(page.locator("#archive-state-label")).hasText("未归档");
        assertThat(page.locator("#part-archive\\.part\\.sessions .count")).hasText("1");

        Download download = page.waitForDownload(() -> page.click("#archive-download"));
        assertThat(download.suggestedFilename()).isEqualTo("档案浏览器镇党委-" + year + ".zip");
        ArchiveZip zip = ArchiveZip.of(Files.readAllBytes(download.path()));
        String root = "档案浏览器镇党委" + year + "年学习档案/";

        WordText summary = WordText.of(zip.files().get(root + "目录与汇总.docx"));
        assertThat(summary.title()).isEqualTo("档案浏览器镇党委" + year + "年学习档案");
        assertThat(summary.paragraphs()).contains("汇总表", "目录");
        assertThat(summary.rows()).contains(List.of("学习会", "1"))
            .anySatisfy(r -> assertThat(r).contains(title, "已举行", "3", "2", "0", "1"));

        List<List<String>> attendance = ArchiveZip.sheetRows(zip.files().get(root + "出勤统计.xlsx"));
        assertThat(attendance.get(0)).startsWith("日期", "学习主题", "姓名");
        assertThat(attendance).anySatisfy(r -> assertThat(r.subList(0, 6)).containsExactly(day.toString(), title,
            "上官玉", "档案浏览器镇党委", "中心组成员", "缺席"));
        assertThat(zip.paths()).anyMatch(p -> p.endsWith(day + " " + title + "/照片/现场.png"));

        page.fill("#closing-form textarea[name=note]", "资料已整理齐全");
        page.click("#request-closing");
        assertThat(page.locator("#archive-state-label")).hasText("已申请归档，待组长审批");
        assertThat(page.locator("#archive-state-by")).containsText("司马静");
        assertThat(page.locator("#closing-form")).hasCount(0);
        assertThat(page.locator("body")).containsText("已申请归档，等待组长审批。");
    }

    private static byte[] png() {
        try (var in = ArchiveBrowserIT.class.getResourceAsStream("/demo/session-photo.png")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
