package cn.studyflow.material;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.Browser;
import cn.studyflow.support.DemoCast;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.OwnTown;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.Workflow;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
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
 * Forms that keep what a person typed, in a real browser: a plan draft saves incomplete rows and its submit
 * names each of them; an upload the browser or the server refuses leaves every field as it was and says why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormsKeepWhatWasTypedBrowserIT {

    private static final String LONG_TOPIC = "深入学习贯彻习近平新时代中国特色社会主义思想和党的二十届四中全会精神，"
        + "结合本镇乡村振兴、基层治理和作风建设实际开展专题研讨并形成调研成果";

    @LocalServerPort int port;
    @Autowired UserDetailsService userDetails;
    @Autowired OrgService orgs;
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
        session = MaterialFixtures.sessionsOf(DemoOrg.BQ, u -> (CurrentUser) userDetails.loadUserByUsername(u), plans,
            tasks, workflow, sessions).get(2);
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aDraftSavesIncompleteRowsAndSubmittingNamesEachOfThem() {
        Person secretary = OwnTown.create(orgs, "dr", "草稿镇党委").person("dr_secretary", "孙秀英", Role.SECRETARY);
        Page page = browser.newPage();
        Browser.login(page, base, secretary.getUsername(), DemoCast.PASSWORD);
        page.navigate(base + "/plans/new");
        page.fill("#new-annual input[name=year]", "2027");
        page.click("#new-annual button[type=submit]");
        assertThat(page.locator(".flash.success")).hasText("计划已创建，请填写专题。");

        // row 1 complete, row 2 only its (long) topic, row 3 only a speaker: a draft keeps them all
        page.fill("[name='topics[0].title']", "学习新修订的党章");
        page.selectOption("select[name='topics[0].format']", "COLLECTIVE_STUDY");
        page.fill("input[name='topics[0].speaker']", "孙秀英");
        page.fill("[name='topics[1].title']", LONG_TOPIC);
        page.fill("input[name='topics[2].speaker']", "县委党校讲师");
        page.click("#save-plan");
        assertThat(page.locator(".flash.success")).hasText("草稿已保存。");
        assertThat(page.locator("[name='topics[1].title']")).hasValue(LONG_TOPIC);
        assertThat(page.locator("input[name='topics[2].speaker']")).hasValue("县委党校讲师");

        // the long topic wraps in its box: taller than one line, nothing cut off at the side
        Locator longTopic = page.locator("[name='topics[1].title']");
        assertThat(longTopic.boundingBox().height).as("the box grows with the text").isGreaterThan(40);
        assertThat((Boolean) longTopic.evaluate("e => e.scrollWidth <= e.clientWidth")).isTrue();
        Browser.screenshot(page, "plan-draft-incomplete-rows-saved");

        page.click("#submit-plan");
        Locator rowErrors = page.locator("#row-errors li");
        assertThat(rowErrors).hasCount(2);
        assertThat(rowErrors.nth(0)).hasText("第 2 行：请选择学习形式。 请填写领学人或授课人。");
        assertThat(rowErrors.nth(1)).containsText("第 3 行：");
        assertThat(page.locator("#topic-row-2")).hasClass(Pattern.compile(".*has-error.*"));
        assertThat(page.locator("[name='topics[1].title']")).hasValue(LONG_TOPIC);
        Browser.screenshot(page, "plan-submit-names-incomplete-rows");
    }

    @Test
    void aRefusedUploadKeepsEveryFieldAndStatesTheLimitAndTypes() {
        Page author = browser.loginAs("bq_member");
        author.navigate(base + "/materials/new");
        assertThat(author.locator("#file-hint")).containsText("单个文件不超过 20 MB");
        assertThat(author.locator("#file-hint")).containsText("pdf、docx、pptx、xlsx");
        author.selectOption("#sessionId", String.valueOf(session.getId()));
        author.selectOption("#kind", "SPEECH");
        author.fill("#title", "不会丢失的标题");
        author.fill("#summary", "不会丢失的摘要");

        // the browser refuses a file over the limit before sending anything
        author.setInputFiles("#file", new FilePayload("太大的发言.pdf", "application/pdf", pdfOf(21 * 1024 * 1024)));
        assertThat(author.locator("#file-error")).hasText("文件超过 20 MB，未上传。请选择较小的文件，已填写的内容不会丢失。");
        author.click("#upload-submit");
        assertThat(author).hasURL(Pattern.compile(".*/materials/new$"));
        assertThat(author.locator("#title")).hasValue("不会丢失的标题");
        Browser.screenshot(author, "upload-too-large-refused-in-browser");

        // and a type the field does not take
        author.setInputFiles("#file", new FilePayload("程序.exe", "application/octet-stream", MaterialFixtures.exe()));
        assertThat(author.locator("#file-error")).containsText("此处不接受该类型的文件");

        // the server refuses what the browser cannot see: HTML dressed as a Word file; the form comes back as typed
        author.setInputFiles("#file", new FilePayload("伪装.docx", "application/octet-stream", MaterialFixtures.html()));
        assertThat(author.locator("#file-error")).hasText("");
        author.click("#upload-submit");
        assertThat(author.locator(".flash.error")).containsText("不支持此文件类型");
        assertThat(author.locator("#title")).hasValue("不会丢失的标题");
        assertThat(author.locator("#summary")).hasValue("不会丢失的摘要");
        assertThat(author.locator("#kind")).hasValue("SPEECH");

        // past the server's multipart limit (the browser's check taken away): the request never reaches the form's
        // handler, and still the page comes back with a message and what was typed
        author.navigate(base + "/materials/new");
        author.selectOption("#sessionId", String.valueOf(session.getId()));
        author.selectOption("#kind", "SPEECH");
        author.fill("#title", "超过服务器上限也保留");
        author.fill("#summary", "摘要同样保留");
        author.locator("#file").evaluate("e => e.removeAttribute('data-max-bytes')");
        author.setInputFiles("#file", new FilePayload("很大的发言.pdf", "application/pdf", pdfOf(26 * 1024 * 1024)));
        author.click("#upload-submit");
        assertThat(author.locator(".flash.error")).containsText("上传的文件过大");
        assertThat(author).hasURL(Pattern.compile(".*/materials/new$"));
        assertThat(author.locator("#title")).hasValue("超过服务器上限也保留");
        assertThat(author.locator("#summary")).hasValue("摘要同样保留");
        assertThat(author.locator("#file-error")).hasText("已恢复您刚才填写的内容，请重新选择文件。");
        Browser.screenshot(author, "upload-over-server-limit-form-restored");
        assertThat(author.locator("#sessionId")).hasValue(String.valueOf(session.getId()));
    }

    private static byte[] pdfOf(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(MaterialFixtures.PDF, 0, bytes, 0, MaterialFixtures.PDF.length);
        return bytes;
    }
}
