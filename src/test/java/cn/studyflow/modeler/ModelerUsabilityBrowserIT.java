package cn.studyflow.modeler;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.support.Browser;
import cn.studyflow.support.DemoCast;
import cn.studyflow.workflow.Deployments;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * What got in the way of an administrator drawing a process: the palette's tooltips, the properties panel's header
 * in the page's language, the first click on 更改类型 after dropping a task, dropping a task onto a flow to insert
 * it, and the version tag proposed on deploy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelerUsabilityBrowserIT {

    private static final String KEY = "leave-request";

    @LocalServerPort int port;
    @Autowired Deployments deployments;

    Browser browser;
    String base;

    @BeforeAll
    void start() {
        base = "http://localhost:" + port;
        browser = Browser.open(base);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void thePaletteHasTooltipsAndThePanelHeaderSpeaksThePagesLanguage() {
        Page page = editor("");
        assertThat(page.locator(".djs-palette [data-action='create.task']")).hasAttribute("title", "任务");
        assertThat(page.locator(".djs-palette [data-action='create.exclusive-gateway']")).hasAttribute("title", "网关");
        assertThat(header(page)).hasText("流程");
        shape(page, "decideByLeader").click();
        assertThat(header(page)).hasText("用户任务");
        page.locator(".djs-palette [data-action='create.task']").hover();
        Browser.screenshot(page, "modeler-header-zh");

        Page english = editor("?lang=en");
        assertThat(english.locator(".djs-palette [data-action='create.task']")).hasAttribute("title", "Create task");
        assertThat(header(english)).hasText("Process");
        shape(english, "decideByLeader").click();
        assertThat(header(english)).hasText("User task");
        assertThat((String) header(english).evaluate("h => getComputedStyle(h).textTransform")).isEqualTo("none");
        Browser.screenshot(english, "modeler-header-en");
    }

    @Test
    void aTaskDroppedOntoAFlowIsInsertedAndTheFirstClickOnChangeTypeOpensTheMenu() throws Exception {
        Page page = editor("");
        // the flow 提交 is short and its label sits on its middle: that is where a person aims
        BoundingBox label = shape(page, "leaveSubmitted_label").boundingBox();
        BoundingBox entry = page.locator(".djs-palette [data-action='create.task']").boundingBox();
        page.mouse().move(entry.x + entry.width / 2, entry.y + entry.height / 2);
        page.mouse().down();
        double x = label.x + label.width / 2;
        double y = label.y + label.height / 2;
        page.mouse().move(x - 40, y + 40, new Mouse.MoveOptions().setSteps(5));
        page.mouse().move(x, y, new Mouse.MoveOptions().setSteps(5));
        page.mouse().up();

        // the new task is selected with its name open for typing; the first click on 更改类型 opens the menu
        Locator replace = page.locator(".djs-context-pad [data-action=replace]");
        assertThat(replace).isVisible();
        replace.click();
        assertThat(page.locator(".djs-popup")).isVisible();
        Browser.screenshot(page, "modeler-replace-first-click");
        page.locator(".djs-popup [data-id=replace-with-user-task]").click();
        assertThat(header(page)).hasText("用户任务");

        Download download = page.waitForDownload(() -> page.click("#download-xml"));
        String xml = Files.readString(download.path());
        Matcher inserted = Pattern.compile("<bpmn:userTask id=\"(Activity_\\w+)\"").matcher(xml);
        assertThat(inserted.find()).as("the dropped task, now a user task, in " + xml).isTrue();
        String id = inserted.group(1);
        assertThat(xml).containsPattern("<bpmn:sequenceFlow id=\"leaveSubmitted\" name=\"提交\" sourceRef=\"submit_gw\" targetRef=\""
            + id + "\"");
        assertThat(xml).containsPattern("<bpmn:sequenceFlow id=\"\\w+\" sourceRef=\"" + id + "\" targetRef=\"decideByLeader\"");
    }

    @Test
    void deployingProposesTheNextVersionTagFromTheLatestDeployedVersion() {
        assertThat(deployments.latest(KEY).orElseThrow().versionTag()).isEqualTo("1.0.0");
        Page page = editor("");
        // a real change: the leader's step gets a longer name
        shape(page, "decideByLeader").click();
        Locator name = page.locator("#bio-properties-panel-name");
        if (!name.isVisible()) {
            page.locator("[data-group-id=group-general] .bio-properties-panel-group-header").click();
        }
        name.fill("组长审批请假");
        name.press("Tab");
        page.click("#deploy-open");
        assertThat(page.locator("#deploy-version-tag")).hasValue("1.0.1");
        assertThat(page.locator("#version-tag-proposals option")).hasCount(3);
        assertThat(page.locator("#version-tag-hint")).containsText("1.0.0");
        Browser.screenshot(page, "modeler-version-proposal");
        page.fill("#deploy-comment", "版本标签按部署递增");
        page.click("#deploy-confirm");
        page.waitForURL(Pattern.compile(".*/modeler/processes/" + KEY + "\\?deployed=\\d+"));
        assertThat(page.locator("#version-table tbody tr").first()).containsText("1.0.1");
        assertThat(deployments.latest(KEY).orElseThrow().versionTag()).isEqualTo("1.0.1");
        assertThat(deployments.xml(deployments.latest(KEY).orElseThrow().definitionId())).contains("组长审批请假");

        // the next time the proposal follows the new version; an empty tag is refused before anything is sent
        Page again = editor("");
        again.click("#deploy-open");
        assertThat(again.locator("#deploy-version-tag")).hasValue("1.0.2");
        again.fill("#deploy-version-tag", "");
        again.fill("#deploy-comment", "不填版本标签");
        again.click("#deploy-confirm");
        assertThat(again.locator("#modeler-status")).hasText("必须填写版本标签，例如 1.1.0。");
        assertThat(deployments.latest(KEY).orElseThrow().versionTag()).isEqualTo("1.0.1");
    }

    private Page editor(String query) {
        Page page = browser.newPage();
        Browser.login(page, base, DemoCast.ADMIN, DemoCast.PASSWORD);
        page.navigate(base + "/modeler/processes/" + KEY + "/edit" + query);
        page.waitForSelector("#modeler[data-ready=true]");
        return page;
    }

    private static Locator header(Page page) {
        return page.locator(".bio-properties-panel-header-type");
    }

    private static Locator shape(Page page, String id) {
        return page.locator(".djs-element[data-element-id=" + id + "]").first();
    }
}
