package cn.studyflow.material;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.Browser;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.Workflow;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * A material from upload through the office's first review, the publicity member's checklist and the
 * leader's sign-off to the archive, in a real browser, as the four people do it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialReviewBrowserIT {

    @LocalServerPort int port;
    @Autowired UserDetailsService userDetails;
    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;
    @Autowired Workflow workflow;

    Browser browser;
    String base;
    StudySession session;

    @BeforeAll
    void setUp() {
        base = "http://localhost:" + port;
        browser = Browser.open(base);
        // sessions come from an approved annual plan; that part is the plan feature's and is done through its services
        session = MaterialFixtures.sessionsOf(DemoOrg.BQ, u -> (CurrentUser) userDetails.loadUserByUsername(u), plans,
            tasks, workflow, sessions).get(1);
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMaterialGoesFromUploadThroughOfficePublicityAndLeaderToTheArchive() throws Exception {
        String title = "深入学习贯彻党的二十届四中全会精神研讨发言";

        // the author uploads and submits
        Page author = as("bq_member");
        author.navigate(base + "/materials");
        author.click("#new-material");
        author.selectOption("#sessionId", String.valueOf(session.getId()));
        author.selectOption("#kind", "SPEECH");
        author.fill("#title", title);
        author.fill("#summary", "结合本镇乡村振兴工作谈学习体会。");
        author.setInputFiles("#file", new FilePayload("研讨发言.pdf", "application/pdf", MaterialFixtures.PDF));
        author.click("#upload-submit");
        author.waitForURL(Pattern.compile(".*/materials/\\d+$"));
        assertThat(author.locator(".flash.success")).hasText("材料已提交审核。");
        assertThat(author.locator("#material-status")).hasText("审核中");
        assertThat(author.locator("#current-step")).hasText("办公室初审");
        shot(author, "material-1-uploaded");
        String materialUrl = author.url();

        // the office: approving needs the explicit 不涉密 confirmation
        Page office = as("bq_office");
        openTask(office, title);
        assertThat(office.locator("#task-step")).hasText("办公室初审");
        office.click("#approve");
        assertThat(office.locator(".flash.error")).hasText("通过初审前须确认材料不涉密。");
        office.check("#not-classified");
        office.fill("#first-review-form textarea[name=comment]", "材料完整，格式规范。");
        shot(office, "material-2-first-review");
        office.click("#approve");
        assertThat(office.locator(".flash.success")).hasText("已通过。");

        // the publicity member marks the three checks
        Page publicity = as("bq_publicity");
        openTask(publicity, title);
        assertThat(publicity.locator("#task-step")).hasText("宣传委员复审");
        publicity.check("#pass-political");
        publicity.check("#pass-academic");
        publicity.check("#pass-legal");
        publicity.fill("#note-academic", "观点准确，引用规范。");
        shot(publicity, "material-3-second-review");
        publicity.click("#submit-second-review");
        assertThat(publicity.locator(".flash.success")).hasText("已通过。");

        // the leader signs off with the generic form
        Page leader = as("bq_leader");
        openTask(leader, title);
        assertThat(leader.locator("#task-step")).hasText("组长把关");
        leader.fill("#decision-form textarea[name=comment]", "同意。");
        leader.click("#approve");
        assertThat(leader.locator(".flash.success")).hasText("已通过。");

        // archived: the author sees every review and downloads the file under its own name
        author.navigate(materialUrl);
        assertThat(author.locator("#material-status")).hasText("已归档");
        assertThat(author.locator("#version-1 ul.reviews > li")).hasCount(3);
        assertThat(author.locator("#version-1")).containsText("已确认不涉密");
        assertThat(author.locator("#version-1")).containsText("观点准确，引用规范。");
        assertThat(author.locator("ol.timeline")).containsText("审核通过，随学习会归档");
        shot(author, "material-4-archived");
        Download download = author.waitForDownload(() -> author.click("#version-1 a.download"));
        assertThat(download.suggestedFilename()).isEqualTo("研讨发言.pdf");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(MaterialFixtures.PDF);

        // and now every member of the group reads it
        Page colleague = as("bq_member2");
        colleague.navigate(materialUrl);
        assertThat(colleague.locator("#material-status")).hasText("已归档");
    }

    private Page as(String username) {
        return browser.loginAs(username);
    }

    /** Finds the task about the material among the person's group tasks and opens it. */
    private void openTask(Page page, String title) {
        page.navigate(base + "/tasks?view=GROUP");
        page.locator("#task-table a", new Page.LocatorOptions().setHasText(title)).first().click();
        page.waitForURL(Pattern.compile(".*/tasks/[^/]+$"));
    }

    private static void shot(Page page, String name) {
        Browser.screenshot(page, name);
    }
}
