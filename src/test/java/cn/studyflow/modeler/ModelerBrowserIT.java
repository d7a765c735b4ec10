package cn.studyflow.modeler;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.support.Browser;
import cn.studyflow.support.DemoCast;
import cn.studyflow.workflow.Deployments;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * An administrator changes who reviews a plan in the browser: opens the modeler from the menu, sets a
 * forbidden expression and sees it marked, sets the office as candidate group, validates, deploys with a
 * reason, and finds the new version at the top of the list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ModelerBrowserIT {

    @LocalServerPort int port;
    @Autowired Deployments deployments;

    @Test
    void adminChangesACandidateGroupValidatesDeploysAndSeesTheNewVersion() {
        String base = "http://localhost:" + port;
        int before = deployments.latest("plan-approval").orElseThrow().version();

        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            Browser.login(page, base, DemoCast.ADMIN, DemoCast.PASSWORD);

            page.click("#nav-modeler");
            assertThat(page.locator("h1")).hasText("流程管理");
            page.click("#process-table tr[data-key=plan-approval] a");
            page.click("#edit-latest");
            page.waitForSelector("#modeler[data-ready=true]");

            // the palette speaks Chinese
            assertThat(page.locator(".djs-palette [data-action='create.task']")).hasAttribute("aria-label", "任务");

            // a service task offers StudyFlow's registered delegates with their descriptions
            shape(page, "registerPlan").click();
            Locator delegate = page.locator("#bio-properties-panel-studyflowDelegate");
            openGroup(page, "StudyFlow__Delegate");
            assertThat(delegate).hasValue("registerPlanDelegate");
            assertThat(delegate.locator("option")).containsText(new String[] {"请选择", "学习计划逾期告知",
                "学习计划截止前提醒", "学习计划生效"});

            // select the publicity review and open its assignment
            shape(page, "reviewByPublicity").click();
            openGroup(page, "CamundaPlatform__UserAssignment");
            Locator groups = page.locator("#bio-properties-panel-candidateGroups");
            assertThat(groups).hasValue("org:${orgId}:publicity");

            // a forbidden expression is refused and marked on the element
            groups.fill("${execution.processEngine}");
            groups.press("Tab");
            page.click("#validate");
            assertThat(page.locator("#modeler-status")).hasText("校验未通过，请按下列提示修改。");
            assertThat(page.locator("#problem-list li[data-element=reviewByPublicity]").first())
                .containsText("表达式不允许使用“execution”");
            assertThat(shape(page, "reviewByPublicity")).hasClass(Pattern.compile("sf-problem-error"));

            // the office reviews instead: valid
            groups.fill("org:${orgId}:office");
            groups.press("Tab");
            page.click("#validate");
            assertThat(page.locator("#modeler-status")).hasText("校验通过，可以部署。");
            assertThat(page.locator("#problems")).isHidden();

            page.click("#deploy-open");
            page.fill("#deploy-comment", "初审改由办公室负责");
            page.click("#deploy-confirm");
            page.waitForURL(Pattern.compile(".*/modeler/processes/plan-approval\\?deployed=\\d+"));

            Locator newest = page.locator("#version-table tbody tr").first();
            assertThat(newest).hasAttribute("data-version", String.valueOf(before + 1));
            assertThat(newest).containsText("当前");
            assertThat(newest.locator(".deployed-by")).hasText("系统管理员");
            assertThat(newest.locator(".comment")).hasText("初审改由办公室负责");
            assertThat(page.locator(".flash.success")).containsText("新版本已部署");
        }

        assertThat(deployments.latest("plan-approval").orElseThrow().version()).isEqualTo(before + 1);
        String deployed = deployments.xml(deployments.latest("plan-approval").orElseThrow().definitionId());
        assertThat(deployed).contains("org:${orgId}:office").doesNotContain("org:${orgId}:publicity");
    }

    private static Locator shape(Page page, String id) {
        return page.locator(".djs-element.djs-shape[data-element-id=" + id + "]").first();
    }

    /** Opens a properties panel group unless it is open already. */
    private static void openGroup(Page page, String groupId) {
        Locator header = page.locator("[data-group-id=group-" + groupId + "] .bio-properties-panel-group-header");
        if (!header.getAttribute("class").contains("open")) {
            header.click();
        }
    }
}
