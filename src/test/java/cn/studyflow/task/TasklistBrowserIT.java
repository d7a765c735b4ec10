package cn.studyflow.task;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.AnnualPlanDue;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.Browser;
import cn.studyflow.support.DemoCast;
import cn.studyflow.support.Plans;
import cn.studyflow.workflow.Workflow;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
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
 * The work in front of a secretary whose plan was returned, in a real browser at a desk (1366 px) and on a
 * phone (375 px): the plan is in the default view, assigned to them by name, with a count on each tab and in
 * the header, and the home page says what needs them now, the plan's deadline with the days left included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistBrowserIT {

    @LocalServerPort
    int port;

    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired MyWork work;
    @Autowired Workflow workflow;
    @Autowired UserDetailsService users;
    @Autowired Clock clock;
    @Autowired AnnualPlanDue annualPlanDue;

    Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.open("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aReturnedPlanWaitsInTheSecretarysDefaultViewByNameWithCountsAndTheHomePageSaysWhatNeedsThem() {
        // 教育局's secretary submits a plan and the publicity member returns it with a comment
        CurrentUser secretary = user("jy_secretary");
        Plan plan = Plans.submittedAnnual(plans, secretary);
        tasks.decide(workflow.activeTasks(plan.getProcessInstanceId()).get(0).id(), user("jy_publicity"),
            Decision.RETURN, "请补充学习贯彻省委全会精神的专题");
        Map<String, Long> counts = work.counts(secretary);
        long days = ChronoUnit.DAYS.between(LocalDate.now(clock), LocalDate.of(plan.getPlanYear(), 1, 31));

        // at a desk: logging in lands on the home page, which lists everything the secretary can act on
        Page page = browser.newPage();
        page.setViewportSize(1366, 900);
        Browser.login(page, "http://localhost:" + port, "jy_secretary", DemoCast.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/tasks$"));
        assertThat(page.locator("#tab-all")).hasClass(Pattern.compile("active"));
        Locator row = page.locator("#task-table tbody tr").filter(new Locator.FilterOptions().setHasText(plan.getTitle()));
        assertThat(row).hasCount(1);
        // the demo's names repeat from town to town: the secretary's role and organisation tell them apart
        assertThat(row.locator("td.assignee")).hasText(secretary.getDisplayName() + "（学习秘书 · 青州市教育局党组）");
        assertThat(page.locator("#task-table")).not().containsText("jy_secretary");
        assertThat(page.locator("#tab-all .tab-count")).hasText("" + counts.get("ALL"));
        assertThat(page.locator("#tab-mine .tab-count")).hasText("" + counts.get("MINE"));
        assertThat(page.locator("#tab-group .tab-count")).hasText("" + counts.get("GROUP"));
        assertThat(page.locator("#open-count")).hasText("" + counts.get("ALL"));
        // what needs them now: the plan by its kind, its deadline with the days left, the notice of the return
        Locator needs = page.locator("#needs-me");
        assertThat(needs.locator("#needs-waiting")).containsText("学习计划审批");
        assertThat(needs.locator("#needs-coming")).containsText(plan.getTitle());
        assertThat(needs.locator("#needs-coming")).containsText("截止 " + plan.getPlanYear() + "-01-31");
        assertThat(needs.locator("#needs-coming")).containsText("还剩 " + days + " 天");
        assertThat(needs.locator("#needs-unread")).containsText("未读通知");
        // the plan of the year due next, if not started yet, is listed with its deadline too (MyWorkPagesTest)
        annualPlanDue.of(secretary).ifPresent(due -> assertThat(needs.locator("#needs-plan-due"))
            .containsText(due.year() + "年度学习计划（尚未创建）"));
        Browser.screenshot(page, "tasklist-returned-plan-1366");

        // the returned plan is theirs, not only their group's
        page.click("#tab-mine");
        assertThat(page.locator("#task-table")).containsText(plan.getTitle());
        assertThat(page.locator("#needs-me")).hasCount(0);
        page.click("#tab-group");
        assertThat(page.locator("#task-table >> text=" + plan.getTitle())).hasCount(0);

        // the task's own page names its holder too
        page.click("#tab-all");
        page.click("#task-table >> text=" + plan.getTitle());
        assertThat(page.locator("#task-assignee")).containsText(secretary.getDisplayName());
        assertThat(page.locator("#task-assignee")).not().containsText("jy_secretary");
        assertThat(page.locator(".timeline")).containsText(user("jy_publicity").getDisplayName());

        // on a phone: the same work, the same counts
        Page phone = browser.newPhonePage();
        Browser.login(phone, "http://localhost:" + port, "jy_secretary", DemoCast.PASSWORD);
        assertThat(phone.locator("#needs-me")).isVisible();
        assertThat(phone.locator("#tab-all .tab-count")).hasText("" + counts.get("ALL"));
        assertThat(phone.locator("#task-table a", new Page.LocatorOptions().setHasText(plan.getTitle()))).isVisible();
        assertThat(phone.locator("#task-table td.assignee").first()).hasAttribute("data-label", "办理人");
        Browser.screenshot(phone, "tasklist-returned-plan-375");
    }

    private CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }
}
