package cn.studyflow.material;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.Browser;
import cn.studyflow.support.DemoCast;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.Plans;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.Workflow;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
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
 * The pages a person uses away from the desk, on a phone 375 px wide: the navigation folds behind a menu button,
 * and the tables of the tasks, a task's decision, the materials and a plan become cards, each line under its
 * column's label; nothing is wider than the phone. And the English pages at 1366 px: the navigation on one line,
 * English punctuation, month names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneAndEnglishBrowserIT {

    private static final String TITLE = "乡村振兴与理论学习相结合的研讨发言";

    @LocalServerPort int port;
    @Autowired UserDetailsService userDetails;
    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;
    @Autowired Workflow workflow;

    Browser browser;
    String base;
    StudySession session;
    Plan running;

    @BeforeAll
    void setUp() {
        base = "http://localhost:" + port;
        browser = Browser.open(base);
        // an approved annual plan of 卞桥镇 (its topics are the plan to read) and its sessions to upload materials for
        session = MaterialFixtures.sessionsOf(DemoOrg.BQ, u -> (CurrentUser) userDetails.loadUserByUsername(u), plans,
            tasks, workflow, sessions).get(1);
        // and one of 王坟镇 on its way, at its first review
        running = Plans.submittedAnnual(plans, (CurrentUser) userDetails.loadUserByUsername("wfz_secretary"));
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void onAPhoneTheNavigationFoldsAndTablesBecomeCards() {
        // a member uploads a material from the phone
        Page member = phone("bq_member");
        Locator toggle = member.locator("#nav-toggle");
        assertThat(toggle).isVisible();
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        assertThat(member.locator("#mainnav")).isHidden();
        assertThat(member.locator("#userbox")).isHidden();
        assertThat(member.locator("header.topbar").boundingBox().height).as("the closed header is one line")
            .isLessThan(60);
        Browser.screenshot(member, "phone-375-nav-closed");

        toggle.click();
        assertThat(toggle).hasAttribute("aria-expanded", "true");
        assertThat(member.locator("#mainnav a[href='/materials']")).isVisible();
        assertThat(member.locator("#current-user")).isVisible();
        Browser.screenshot(member, "phone-375-nav-open");
        // the keyboard: Escape closes and gives the focus back to the button, Enter opens again
        member.keyboard().press("Escape");
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        assertThat(member.locator("#mainnav")).isHidden();
        assertThat(toggle).isFocused();
        member.keyboard().press("Enter");
        assertThat(member.locator("#mainnav")).isVisible();
        member.click("#mainnav a[href='/materials']");
        member.waitForURL(base + "/materials");

        member.click("#new-material");
        member.selectOption("#sessionId", String.valueOf(session.getId()));
        member.selectOption("#kind", "SPEECH");
        member.fill("#title", TITLE);
        member.fill("#summary", "结合本镇乡村振兴工作谈学习体会。");
        member.setInputFiles("#file", new FilePayload("研讨发言.pdf", "application/pdf", MaterialFixtures.PDF));
        member.click("#upload-submit");
        member.waitForURL(Pattern.compile(".*/materials/\\d+$"));
        String materialUrl = member.url();
        assertCards(member, "#material-versions", "文件");
        Browser.screenshot(member, "phone-375-material-detail");

        member.navigate(base + "/materials");
        assertCards(member, "#material-table", "材料类型");
        assertThat(member.locator("#material-table tbody tr").first()).containsText(TITLE);
        Browser.screenshot(member, "phone-375-materials");

        // the plan to read: each topic a card with its month, format and speaker under their labels
        member.navigate(base + "/plans/" + session.getPlanId());
        assertCards(member, "#plan-topics", "月份");
        assertThat(member.locator("#plan-topics tbody tr").first().locator("td[data-label='学习形式']")).isVisible();
        Browser.screenshot(member, "phone-375-plan");

        // the office's tasks and the decision on the material
        Page office = phone("bq_office");
        office.navigate(base + "/tasks?view=GROUP");
        assertCards(office, "#task-table", "环节");
        Browser.screenshot(office, "phone-375-tasks");
        office.locator("#task-table a", new Page.LocatorOptions().setHasText(TITLE)).first().click();
        office.waitForURL(Pattern.compile(".*/tasks/[^/]+$"));
        assertCards(office, "#material-versions", "文件");
        assertThat(office.locator("#first-review-form textarea[name=comment]")).isVisible();
        Browser.screenshot(office, "phone-375-task-decision");

        // notifications: each one readable within the phone's width
        Page secretary = phone("bq_secretary");
        secretary.navigate(base + "/notifications");
        assertThat(secretary.locator("#notification-list li").first()).isVisible();
        assertNoWiderThanPhone(secretary);
        Browser.screenshot(secretary, "phone-375-notifications");

        member.navigate(materialUrl);
        assertNoWiderThanPhone(member);
    }

    @Test
    void inEnglishAt1366TheNavigationKeepsToOneLineAndTextUsesEnglishPunctuationAndMonths() {
        // the administrator has the longest navigation
        Page admin = desktop(DemoCast.ADMIN);
        admin.navigate(base + "/tasks?lang=en");
        assertThat(admin.locator("#nav-toggle")).isHidden();
        BoundingBox nav = admin.locator("#mainnav").boundingBox();
        BoundingBox link = admin.locator("#mainnav a").first().boundingBox();
        assertThat(nav.height).as("the navigation is one line of links").isLessThan(link.height * 1.5);
        BoundingBox brand = admin.locator("header.topbar .brand").boundingBox();
        BoundingBox userbox = admin.locator("#userbox").boundingBox();
        assertThat(Math.abs(userbox.y - brand.y)).as("the user box beside, not under, the navigation").isLessThan(link.height);
        Browser.screenshot(admin, "english-1366-nav");

        Page secretary = desktop("wfz_secretary");
        secretary.navigate(base + "/plans/" + running.getId() + "?lang=en");
        assertThat(secretary.locator(".current-step")).containsText("Current step:");
        assertThat(secretary.locator(".current-step")).not().containsText("：");
        Locator topics = secretary.locator("#plan-topics tbody tr");
        assertThat(topics.first().locator("td[data-label=Month]")).hasText("January");
        assertThat(topics.nth(11).locator("td[data-label=Month]")).hasText("December");
        assertThat(secretary.locator("#plan-topics")).not().containsText("Month 1");
        assertThat(topics.nth(5).locator("td[data-label=Enlarged]")).hasText("Yes: 各村党支部书记");
        Browser.screenshot(secretary, "english-1366-plan");
    }

    private Page phone(String username) {
        Page page = browser.newPhonePage();
        Browser.login(page, base, username, DemoCast.PASSWORD);
        return page;
    }

    private Page desktop(String username) {
        Page page = browser.newPage();
        page.setViewportSize(1366, 768);
        Browser.login(page, base, username, DemoCast.PASSWORD);
        return page;
    }

    /** The table's rows show as cards and its cells carry their column's label, shown before the value. */
    private static void assertCards(Page page, String table, String label) {
        Locator row = page.locator(table + " tbody tr").first();
        assertThat(row).isVisible();
        assertThat(row.evaluate("r => getComputedStyle(r).display")).isEqualTo("block");
        assertThat(((Number) page.locator(table + " thead").evaluate("h => h.getBoundingClientRect().height")).doubleValue())
            .as("the column heads are left to screen readers").isLessThanOrEqualTo(1.0);
        Locator cell = row.locator("td[data-label='" + label + "']");
        assertThat(cell).isVisible();
        assertThat((String) cell.evaluate("c => getComputedStyle(c, '::before').content")).isEqualTo("\"" + label + "\"");
        assertNoWiderThanPhone(page);
    }

    private static void assertNoWiderThanPhone(Page page) {
        Object wide = page.evaluate("Array.from(document.querySelectorAll('body *'))"
            + ".filter(e => e.getBoundingClientRect().right > 376 && !e.closest('table.cards thead'))"
            + ".slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))");
        assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
            .as("page width of " + page.url() + "; too wide: " + wide).isLessThanOrEqualTo(375);
    }
}
