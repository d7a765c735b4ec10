package cn.studyflow.makeup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.session.SignInFixture;
import cn.studyflow.support.Browser;
import cn.studyflow.support.OwnTown;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Leave and make-up study in a real browser, through the pages only: a member asks for leave from the session's
 * page, the leader approves it in the tasklist, the secretary marks the session held, the member submits the
 * make-up, the secretary returns it once with a comment and accepts the revision; the member's year then reads
 * "on leave, made up".
 * <p>
 * A town of its own (so no demo session interferes): its secretary, leader (the chair) and a member, and one
 * session of this month with no day yet, which the secretary schedules for tomorrow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MakeupBrowserIT {

    /** The application's days are Beijing time's. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String TITLE = "学习《习近平谈治国理政》第五卷专题学习会";
    private static final String NOTES_FIRST = "认真学习了本次学习会的全部材料。".repeat(20);
    private static final String NOTES_REVISED = NOTES_FIRST + "结合本人分管的乡村振兴工作，提出三条落实措施：".repeat(3);
    private static final String RETURN_COMMENT = "心得须结合分管工作谈具体落实措施，请补充后再提交。";

    @LocalServerPort int port;
    @Autowired OrgService orgService;
    @Autowired DataSource db;

    Browser browser;
    String base;
    long session;
    Person secretary;
    Person leader;
    Person member;

    @BeforeAll
    void setUp() {
        base = "http://localhost:" + port;
        browser = Browser.open(base);
        OwnTown town = OwnTown.create(orgService, "mk", "补学测试镇党委");
        secretary = town.person("mk_sec", "令狐敏", Role.SECRETARY);
        leader = town.person("mk_lead", "东方明", Role.LEADER);
        member = town.person("mk_mem", "慕容秀", Role.MEMBER);
        session = SignInFixture.unscheduled(db, town.org().getId(), LocalDate.now(ZONE), TITLE,
            leader.getDisplayName());
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMemberOnApprovedLeaveMakesTheSessionUpAfterOneReturnAndTheirYearReadsOnLeaveMadeUp() {
        LocalDate tomorrow = LocalDate.now(ZONE).plusDays(1);

        // 1. the secretary schedules the session for tomorrow morning
        Page desk = browser.loginAs(secretary.getUsername());
        desk.navigate(base + "/sessions/" + session);
        Locator form = desk.locator("#schedule-form");
        form.locator("input[name=date]").fill(tomorrow.toString());
        form.locator("input[name=startTime]").fill("09:00");
        form.locator("input[name=endTime]").fill("11:30");
        form.locator("input[name=place]").fill("镇党委二楼会议室");
        form.locator("#chair").selectOption(new SelectOption().setLabel(leader.getDisplayName()));
        desk.click("#schedule-submit");
        assertThat(desk.locator(".flash.success")).isVisible();
        assertThat(desk.locator("#session-day")).hasText(tomorrow.toString());

        // 2. the member asks for leave from the session's own page
        Page own = browser.loginAs(member.getUsername());
        own.navigate(base + "/sessions/" + session);
        own.click("#ask-leave-link");
        assertThat(own.locator("#sessionId option:checked")).containsText(TITLE);
        own.locator("#reason").selectOption("WORK_TRIP");
        own.fill("#detail", "赴省城参加乡村振兴专题培训。");
        own.click("#leave-submit");
        assertThat(own.locator(".flash.success")).isVisible();
        assertThat(own.locator("#leave-status")).hasText("待审批");
        Browser.screenshot(own, "makeup-1-leave-asked");

        // 3. the leader approves it in the tasklist
        Page lead = browser.loginAs(leader.getUsername());
        openTask(lead, member.getDisplayName() + " · " + TITLE);
        lead.fill("#decision-form textarea[name=comment]", "同意，会后按要求补学。");
        lead.click("#approve");
        assertThat(lead.locator(".flash.success")).isVisible();
        desk.navigate(base + "/sessions/" + session);
        assertThat(rosterRow(desk, member)).containsText("请假");
        assertThat(rosterRow(desk, member)).containsText("出差：赴省城参加乡村振兴专题培训。");

        // 4. the day comes (the clock cannot wait a day: the session's day is moved to today by SQL), the
        // secretary marks the session held, and the member on leave has a make-up to do
        new JdbcTemplate(db).update("UPDATE sf_study_session SET session_date = ?, start_time = ? WHERE id = ?",
            LocalDate.now(ZONE), LocalTime.of(0, 0), session);
        desk.navigate(base + "/sessions/" + session);
        desk.click("#mark-held");
        assertThat(desk.locator("#session-facts #session-status")).hasText("已举行");

        // 5. the member studies the materials and submits the make-up
        openMakeup(own);
        assertThat(own.locator("#makeup-status")).hasText("待补学");
        assertThat(own.locator("#makeup-absence")).hasText("请假");
        assertThat(own.locator("#makeup-session")).hasText(TITLE);
        own.fill("#notes", "太短");
        own.click("#submit-makeup");
        assertThat(own.locator(".flash.error")).isVisible();
        assertThat(own.locator("#makeup-status")).hasText("待补学");
        own.fill("#notes", NOTES_FIRST);
        Browser.screenshot(own, "makeup-2-notes");
        own.click("#submit-makeup");
        assertThat(own.locator(".flash.success")).isVisible();
        assertThat(own.locator("#makeup-status")).hasText("待审核");

        // 6. the secretary returns it once with a comment
        openTask(desk, member.getDisplayName() + " · " + TITLE);
        assertThat(desk.locator("#makeup-notes")).hasText(NOTES_FIRST);
        desk.fill("#decision-form textarea[name=comment]", RETURN_COMMENT);
        Browser.screenshot(desk, "makeup-3-secretary-checks");
        desk.click("#return");
        assertThat(desk.locator(".flash.success")).isVisible();

        // 7. the member reads why, revises and submits again
        openMakeup(own);
        assertThat(own.locator("#makeup-status")).hasText("已退回");
        assertThat(own.locator("#makeup-comment")).hasText(RETURN_COMMENT);
        own.fill("#notes", NOTES_REVISED);
        own.click("#submit-makeup");
        assertThat(own.locator("#makeup-status")).hasText("待审核");

        // 8. the secretary accepts the revision
        openTask(desk, member.getDisplayName() + " · " + TITLE);
        assertThat(desk.locator("#makeup-notes")).hasText(NOTES_REVISED);
        desk.fill("#decision-form textarea[name=comment]", "措施具体，同意。");
        desk.click("#approve");
        assertThat(desk.locator(".flash.success")).isVisible();

        // 9. the member's make-up is done, and their year and the session's roster read "on leave, made up"
        openMakeup(own);
        assertThat(own.locator("#makeup-status")).hasText("已补学");
        own.navigate(base + "/");
        Locator year = own.locator("#my-attendance tr", new Page.LocatorOptions().setHasText(TITLE));
        assertThat(year).containsText("请假，已补学");
        Browser.screenshot(own, "makeup-4-year");
        desk.navigate(base + "/sessions/" + session);
        assertThat(rosterRow(desk, member)).containsText(Pattern.compile("请假\\s*·\\s*已补学"));
        Browser.screenshot(desk, "makeup-5-session");
    }

    /** Finds the task among the person's group tasks by its title and opens it. */
    private void openTask(Page page, String title) {
        page.navigate(base + "/tasks?view=GROUP");
        page.locator("#task-table a", new Page.LocatorOptions().setHasText(title)).first().click();
        page.waitForURL(Pattern.compile(".*/tasks/[^/]+$"));
    }

    private void openMakeup(Page page) {
        page.navigate(base + "/makeups");
        page.locator("#makeup-table tr", new Page.LocatorOptions().setHasText(TITLE)).locator("a").first().click();
        page.waitForURL(Pattern.compile(".*/makeups/\\d+$"));
    }

    private static Locator rosterRow(Page page, Person person) {
        return page.locator("#roster tbody tr", new Page.LocatorOptions().setHasText(person.getDisplayName()));
    }
}
