package cn.studyflow.session;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.support.Browser;
import cn.studyflow.support.OwnTown;
import cn.studyflow.support.DemoCast;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A study session's day in a real browser, through the pages only: the secretary schedules the session, opens
 * sign-in and puts the code on the projector; a member signs in on a phone 375 px wide by typing the code; the
 * secretary draws the speaker from those present and marks the session held, and the page shows who came.
 * <p>
 * A town of its own (so no demo session of the same day overlaps): its secretary, leader (the chair) and two
 * members, and one session of this month with its topic and no day yet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionDayBrowserIT {

    private static final String TITLE = "学习贯彻党的二十届四中全会精神专题学习会";
    private static final String PLACE = "镇党委三楼会议室";

    @LocalServerPort int port;
    @Autowired OrgService orgService;
    @Autowired DataSource db;

    Browser browser;
    String base;
    long session;
    Person secretary;
    Person leader;
    Person present;
    Person away;

    @BeforeAll
    void setUp() {
        base = "http://localhost:" + port;
        browser = Browser.open(base);
        OwnTown town = OwnTown.create(orgService, "day", "学习日测试镇党委");
        secretary = town.person("day_sec", "欧阳静", Role.SECRETARY);
        leader = town.person("day_lead", "司马宏", Role.LEADER);
        present = town.person("day_m1", "诸葛兰", Role.MEMBER);
        away = town.person("day_m2", "上官远", Role.MEMBER);
        session = SignInFixture.unscheduled(db, town.org().getId(), LocalDate.now(ScheduleRules.ZONE), TITLE,
            leader.getDisplayName());
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theSecretarySchedulesTodaysSessionAMemberSignsInOnAPhoneIsDrawnAsSpeakerAndIsPresentWhenItIsHeld() {
        LocalDateTime now = LocalDateTime.now(ScheduleRules.ZONE).truncatedTo(ChronoUnit.MINUTES);
        Assumptions.assumeTrue(now.toLocalTime().isBefore(LocalTime.of(23, 50)),
            "a session of today must start ahead of now and end before midnight in Asia/Shanghai");
        LocalTime start = now.toLocalTime().plusMinutes(2);
        LocalTime end = start.plusMinutes(start.isBefore(LocalTime.of(23, 0)) ? 45 : 5);
        LocalDate today = now.toLocalDate();

        // 1. the secretary gives the session its day, hours, place and chair on the session's page
        Page desk = browser.loginAs(secretary.getUsername());
        desk.navigate(base + "/sessions/" + session);
        assertThat(desk.locator("#session-title")).hasText(TITLE);
        Locator form = desk.locator("#schedule-form");
        form.locator("input[name=date]").fill(today.toString());
        form.locator("input[name=startTime]").fill(start.toString());
        form.locator("input[name=endTime]").fill(end.toString());
        form.locator("input[name=place]").fill(PLACE);
        form.locator("#chair").selectOption(new SelectOption().setLabel(leader.getDisplayName()));
        desk.click("#schedule-submit");
        assertThat(desk.locator(".flash.success")).isVisible();
        assertThat(desk.locator("#session-day")).hasText(today.toString());
        assertThat(desk.locator("#session-time")).hasText(start + "–" + end);
        assertThat(desk.locator("#session-place")).hasText(PLACE);
        assertThat(desk.locator("#session-chair")).hasText(leader.getDisplayName());
        Locator roster = desk.locator("#session-roster tr");
        assertThat(roster).hasCount(4);
        assertThat(roster.filter(new Locator.FilterOptions().setHasText(leader.getDisplayName()))).containsText("主持人");
        for (Person p : List.of(secretary, present, away)) {
            assertThat(roster.filter(new Locator.FilterOptions().setHasText(p.getDisplayName()))).containsText("待签到");
        }
        assertThat(desk.locator("body")).not().containsText(present.getUsername());

        // 2. sign-in opens and the projector shows the six-digit code
        desk.click("#signin-open");
        assertThat(desk.locator(".flash.success")).hasText("已开启签到");
        assertThat(desk.locator("#signin-state")).containsText("签到进行中");
        Page projector = desk.context().newPage();
        projector.navigate(desk.locator("#signin-projector").getAttribute("href"));
        assertThat(projector.locator("#signin-code")).hasText(Pattern.compile("^\\d{6}$"));
        assertThat(projector.locator("#signin-qr")).isVisible();
        Browser.screenshot(projector, "session-day-projector");
        String code = projector.locator("#signin-code").textContent();

        // 3. a member signs in on a phone by typing the code
        Page phone = browser.newPhonePage();
        Browser.login(phone, base, present.getUsername(), DemoCast.PASSWORD);
        phone.navigate(base + "/signin");
        phone.fill("#code", code);
        phone.click("#signin-submit");
        assertThat(phone.locator("#signin-done")).containsText("已签到：" + TITLE);
        assertThat(phone.locator("#signin-done")).not().containsText("迟到");
        assertThat((Boolean) phone.evaluate("() => document.documentElement.scrollWidth <= 375"))
            .as("nothing wider than the phone").isTrue();
        Browser.screenshot(phone, "session-day-phone-375");

        // 4. the only one present is the one the draw names
        desk.reload();
        Locator sheetRow = desk.locator("#signin-sheet tbody tr",
            new Page.LocatorOptions().setHasText(present.getDisplayName()));
        assertThat(sheetRow.locator("td").nth(1)).hasText("已到");
        desk.click("#rollcall-draw");
        assertThat(desk.locator("#rollcall-drawn")).hasText("抽中：" + present.getDisplayName());
        assertThat(desk.locator("#rollcall-list li")).hasCount(1);
        assertThat(desk.locator("#rollcall-list li")).containsText(present.getDisplayName());

        // 5. marked held, the page shows who came and who did not
        desk.navigate(base + "/sessions/" + session);
        desk.click("#mark-held");
        assertThat(desk.locator("#session-facts #session-status")).hasText("已举行");
        assertThat(desk.locator("#mark-held")).hasCount(0);
        assertThat(desk.locator("#session-held-at")).hasText(Pattern.compile("^" + today + " \\d{2}:\\d{2}$"));
        assertThat(desk.locator("#signin-sheet")).not().containsText("null");
        assertThat(desk.locator("#absent-count")).containsText("3");
        Locator attendance = desk.locator("#roster tbody tr");
        assertThat(attendance).hasCount(4);
        assertThat(attendance.filter(new Locator.FilterOptions().setHasText(present.getDisplayName()))
            .locator("td").nth(2)).hasText("出席");
        for (Person p : List.of(secretary, leader, away)) {
            assertThat(attendance.filter(new Locator.FilterOptions().setHasText(p.getDisplayName()))
                .locator("td").nth(2)).hasText("缺席");
        }
        Browser.screenshot(desk, "session-day-held");
    }
}
