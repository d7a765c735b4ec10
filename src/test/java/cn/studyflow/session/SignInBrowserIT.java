package cn.studyflow.session;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.support.Browser;
import cn.studyflow.support.DemoCast;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
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
 * Sign-in in a real browser: the secretary opens it and puts the code on the projector, a member signs in on a phone
 * 375 px wide by typing the code, and the secretary draws that member as the speaker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserIT {

    @LocalServerPort int port;
    @Autowired UserDetailsService userDetails;
    @Autowired Roster roster;
    @Autowired DataSource db;

    Browser browser;
    String base;
    long session;

    @BeforeAll
    void setUp() {
        base = "http://localhost:" + port;
        browser = Browser.open(base);
        CurrentUser member = (CurrentUser) userDetails.loadUserByUsername("bq_member");
        session = SignInFixture.session(db, member.getOrgId(), LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusMinutes(2),
            "学习贯彻党的二十届四中全会精神");
        roster.add(List.of(Roster.expected(session, member.getPersonId(), Part.MEMBER),
            Roster.expected(session, ((CurrentUser) userDetails.loadUserByUsername(DemoCast.BQ_MEMBER2)).getPersonId(), Part.MEMBER)));
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theSecretaryOpensSignInAMemberSignsInOnAPhoneByTheCodeAndIsDrawnAsSpeaker() {
        Page secretary = browser.loginAs("bq_secretary");
        secretary.navigate(base + "/sessions/" + session + "/signin");
        secretary.click("#signin-open");
        assertThat(secretary.locator(".flash.success")).hasText("已开启签到");
        assertThat(secretary.locator("#signin-state")).containsText("签到进行中");

        Page projector = secretary.context().newPage();
        projector.navigate(base + "/sessions/" + session + "/signin/projector");
        assertThat(projector.locator("#signin-code")).hasText(Pattern.compile("^\\d{6}$"));
        assertThat(projector.locator("#signin-qr")).isVisible();
        assertThat((Boolean) projector.evaluate("() => document.getElementById('signin-qr').naturalWidth > 0")).isTrue();
        Browser.screenshot(projector, "signin-projector");
        String code = projector.locator("#signin-code").textContent();

        Page phone = browser.newPhonePage();
        Browser.login(phone, base, "bq_member", DemoCast.PASSWORD);
        phone.navigate(base + "/signin");
        phone.fill("#code", code);
        phone.click("#signin-submit");
        assertThat(phone.locator("#signin-done")).containsText("已签到：学习贯彻党的二十届四中全会精神");
        assertThat((Boolean) phone.evaluate("() => document.documentElement.scrollWidth <= 375"))
            .as("nothing wider than the phone").isTrue();
        Browser.screenshot(phone, "signin-phone-375");
        phone.fill("#code", code);
        phone.click("#signin-submit");
        assertThat(phone.locator(".flash.error")).containsText("你已于");

        assertThat(projector.locator("#signin-present")).hasText("1", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
        secretary.reload();
        secretary.click("#rollcall-draw");
        assertThat(secretary.locator("#rollcall-drawn")).containsText("抽中：");
        assertThat(secretary.locator("#rollcall-list li")).hasCount(1);
        Browser.screenshot(secretary, "signin-desk");
    }
}
