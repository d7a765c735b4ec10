package cn.studyflow.status;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.Browser;
import cn.studyflow.support.Plans;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.Workflow;
import com.microsoft.playwright.Page;
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
 * The county's manager starts on the status of the county, sees a plan that was returned and is waiting at
 * its first review, opens it from the dashboard and finds it on its diagram, then looks at the process heatmap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusBrowserIT {

    @LocalServerPort
    int port;

    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired Workflow workflow;
    @Autowired UserDetailsService users;
    @Autowired OrgService orgService;
    @Autowired Rollups rollups;

    Browser browser;
    Plan plan;

    @BeforeAll
    void start() {
        CurrentUser secretary = (CurrentUser) users.loadUserByUsername("jy_secretary");
        plan = Plans.submittedAnnual(plans, secretary);
        String review = workflow.activeTasks(plan.getProcessInstanceId()).get(0).id();
        tasks.decide(review, (CurrentUser) users.loadUserByUsername("jy_publicity"), Decision.RETURN, "请补充专题");
        plan = plans.get(plan.getId(), secretary);
        plans.submit(plan.getId(), secretary, plan.getVersion());
        // the year's figures and step durations as the job rolls them up every minute
        rollups.rollUp();
        browser = Browser.open("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void managerFollowsAFigureToTheInstanceOnItsDiagram() {
        Page manager = browser.loginAs("qz_manager");
        assertThat(manager).hasURL(java.util.regex.Pattern.compile(".*/status$"));
        assertThat(manager.locator("h1")).containsText("青州市委");
        var planRow = manager.locator("#process-table tr[data-process=plan-approval]");
        assertThat(planRow.locator("a.running")).hasText("1");
        // a header and a row for every organisation of 青州市委's subtree (other browser tests in this JVM add towns)
        int subtree = orgService.subtree(orgService.byCode("qz")).size();
        assertThat(manager.locator("#org-table tbody tr")).hasCount(subtree);
        assertThat(manager.locator("#org-table tr")).hasCount(1 + subtree);
        assertThat(manager.locator("#chart-processes svg rect").first()).isAttached();
        // the step-duration chart: this test's steps of seconds are drawn in seconds (minutes on a slow machine), each
        // with a bar, and no label is cut off
        var stageChart = manager.locator("#chart-stages");
        assertThat(stageChart.locator("svg")).isAttached();
        org.assertj.core.api.Assertions.assertThat((Boolean) stageChart.evaluate("el => { const c = JSON.parse(el.dataset.chart);"
            + " return ['秒', '分钟'].includes(c.unit) && c.series.every(s => s.data.every(v => v > 0)); }"))
            .as("seconds, and no bar of zero").isTrue();
        org.assertj.core.api.Assertions.assertThat((Boolean) stageChart.evaluate("el => { const r = el.querySelector('svg').getBoundingClientRect();"
            + " return Array.from(el.querySelectorAll('svg text')).every(t => { const b = t.getBoundingClientRect();"
            + " return b.width === 0 || (b.left >= r.left - 1 && b.right <= r.right + 1); }); }"))
            .as("every axis label inside the chart").isTrue();
        Browser.screenshot(manager, "status-dashboard");

        planRow.locator("a.running").click();
        assertThat(manager.locator("#instance-table tbody tr")).hasCount(1);
        assertThat(manager.locator("#instance-table")).containsText("青州市教育局党组");
        assertThat(manager.locator("#instance-table")).containsText("宣传委员审核");
        manager.click("#instance-table tbody a");

        assertThat(manager.locator("h1")).containsText(plan.getTitle());
        assertThat(manager.locator(".bpmn-diagram .sf-current").first()).isVisible();
        assertThat(manager.locator(".bpmn-diagram .sf-completed").first()).isVisible();
        assertThat(manager.locator("#stage-times tbody tr")).hasCount(4);
        assertThat(manager.locator(".timeline")).containsText("请补充专题");
        Browser.screenshot(manager, "status-instance");

        manager.click("dd a[href*='/status/processes/plan-approval']");
        assertThat(manager.locator(".bpmn-diagram .sf-heat").first()).isVisible();
        assertThat(manager.locator(".bpmn-diagram .sf-count-badge").first()).hasText("1");
        Browser.screenshot(manager, "status-process-heatmap");

        manager.click("text=English");
        assertThat(manager.locator("h1")).containsText("Study plan approval");
        assertThat(manager).hasURL(java.util.regex.Pattern.compile(".*/status/processes/plan-approval\\?.*org=.*lang=en.*"));
    }
}
