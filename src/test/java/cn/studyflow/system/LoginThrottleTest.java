package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.notify.NotificationTexts;
import cn.studyflow.org.PersonNames;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 13 §4: failed logins slow the guesser down, per user name and per source address, without telling
 * which names exist and without letting a stranger shut the owner out. Every test sends its requests from
 * addresses of its own, since the address count is shared by the whole test context.
 */
class LoginThrottleTest extends IntegrationTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Pattern FLASH_ERROR = Pattern.compile("<div class=\"flash error\"[^>]*>([^<]*)</div>");

    @Autowired LoginThrottle throttle;
    @Autowired LoginThrottleMapper throttles;
    @Autowired LoginProperties properties;
    @Autowired NotificationService notifications;
    @Autowired NotificationTexts texts;
    @Autowired PersonNames names;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyFailedLoginShowsTheSameMessage() throws Exception {
        Org town = orgService.get(user("bq_member").getOrgId());
        CurrentUser known = newPerson("same", town, Role.MEMBER);
        CurrentUser inactive = newPerson("inactive", town, Role.MEMBER);
        jdbc.update("UPDATE sf_person SET enabled = FALSE WHERE id = ?", inactive.getPersonId());
        CurrentUser throttled = newPerson("throttled", town, Role.MEMBER);
        String guesser = address();
        for (int i = 0; i < properties.maxFailures(); i++) {
            login(throttled.getUsername(), "guess-" + i, guesser);
        }

        List<String> messages = new ArrayList<>();
        List<String> apiAnswers = new ArrayList<>();
        for (String[] attempt : List.of(
                new String[] {"nobody-" + ADDRESSES.incrementAndGet(), PASSWORD},
                new String[] {known.getUsername(), "wrong-password"},
                new String[] {inactive.getUsername(), PASSWORD},
                new String[] {throttled.getUsername(), PASSWORD})) {
            messages.add(failureMessage(attempt[0], attempt[1], address()));
            apiAnswers.add(mvc.perform(get("/api/tasks").with(httpBasic(attempt[0], attempt[1])).with(from(address())))
                .andExpect(status().isUnauthorized())
                .andReturn().getResponse().getContentAsString());
        }

        assertThat(messages).containsOnly("用户名或密码错误，或尝试过于频繁，请稍后再试。");
        assertThat(apiAnswers).hasSize(4).allSatisfy(answer -> assertThat(answer).isEqualTo(apiAnswers.get(0)));
    }

    @Test
    void unknownNamesAreThrottledExactlyLikeKnownOnes() {
        String known = newPerson("known", orgService.get(user("bq_member").getOrgId()), Role.MEMBER).getUsername();
        String unknown = "nobody-" + ADDRESSES.incrementAndGet();
        for (String name : List.of(known, unknown)) {
            String address = address();
            for (int i = 0; i < properties.maxFailures() - 1; i++) {
                throttle.failed(name, address);
            }
            assertThat(throttle.isThrottled(name)).as(name).isFalse();
            throttle.failed(name, address);
            assertThat(throttle.isThrottled(name)).as(name).isTrue();
            assertThat(throttle.allows(name, address())).as(name).isFalse();
        }
    }

    @Test
    void everyCheckedAttemptCostsOneBcryptAndAThrottledOneNone() {
        Org town = orgService.get(user("bq_member").getOrgId());
        CurrentUser known = newPerson("bcrypt", town, Role.MEMBER);
        CurrentUser inactive = newPerson("bcryptoff", town, Role.MEMBER);
        jdbc.update("UPDATE sf_person SET enabled = FALSE WHERE id = ?", inactive.getPersonId());
        AtomicInteger checks = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String hash) {
                checks.incrementAndGet();
                return encoder.matches(raw, hash);
            }
        };
        ThrottledLoginProvider provider = new ThrottledLoginProvider(userDetails, counting, throttle);

        for (String[] attempt : List.of(new String[] {"nobody-" + ADDRESSES.incrementAndGet(), PASSWORD},
                new String[] {known.getUsername(), "wrong"}, new String[] {inactive.getUsername(), PASSWORD})) {
            checks.set(0);
            authenticate(provider, attempt[0], attempt[1], address());
            assertThat(checks).as(attempt[0]).hasValue(1);
        }

        String guesser = address();
        for (int i = 0; i < properties.maxFailures(); i++) {
            authenticate(provider, known.getUsername(), "wrong-" + i, guesser);
        }
        checks.set(0);
        authenticate(provider, known.getUsername(), PASSWORD, address());
        assertThat(checks).as("the password of a throttled name is not looked at").hasValue(0);
    }

    @Test
    void aStrangersFailuresDelayTheOwnerOnlyUntilTheDelayHasPassed() throws Exception {
        CurrentUser owner = newPerson("owner", orgService.get(user("bq_member").getOrgId()), Role.MEMBER);
        String stranger = address();
        String ownersDesk = address();
        for (int i = 0; i < properties.maxFailures(); i++) {
            login(owner.getUsername(), "guess-" + i, stranger).andExpect(redirectedUrl("/login?error"));
        }

        // during the delay even the right password is refused, from anywhere, the API included
        login(owner.getUsername(), PASSWORD, ownersDesk).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/tasks").with(httpBasic(owner.getUsername(), PASSWORD)).with(from(ownersDesk)))
            .andExpect(status().isUnauthorized());

        delayHasPassed(LoginThrottle.userKey(owner.getUsername()));
        login(owner.getUsername(), PASSWORD, ownersDesk).andExpect(redirectedUrl("/"));
        assertThat(throttle.isThrottled(owner.getUsername())).isFalse();
        // the good login forgot the stranger's failures: one more wrong guess does not block again
        login(owner.getUsername(), "typo", ownersDesk).andExpect(redirectedUrl("/login?error"));
        login(owner.getUsername(), PASSWORD, ownersDesk).andExpect(redirectedUrl("/"));
    }

    @Test
    void failuresBelowTheLimitAreForgottenByAGoodLogin() throws Exception {
        CurrentUser person = newPerson("below", orgService.get(user("bq_member").getOrgId()), Role.MEMBER);
        String desk = address();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < properties.maxFailures() - 1; i++) {
                login(person.getUsername(), "wrong-" + i, desk).andExpect(redirectedUrl("/login?error"));
            }
            login(person.getUsername(), PASSWORD, desk).andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void oneAddressGuessingManyNamesIsThrottledWhileOthersLogIn() throws Exception {
        String guesser = address();
        for (int i = 0; i < properties.addressMaxFailures(); i++) {
            login("guess-" + ADDRESSES.incrementAndGet(), "password" + i, guesser)
                .andExpect(redirectedUrl("/login?error"));
        }

        // no name was tried twice, yet the address is held back, even with someone's right password
        login("bq_member", PASSWORD, guesser).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/tasks").with(httpBasic("bq_member", PASSWORD)).with(from(guesser)))
            .andExpect(status().isUnauthorized());
        // the same person from their own desk is not
        login("bq_member", PASSWORD, address()).andExpect(redirectedUrl("/"));

        delayHasPassed(LoginThrottle.addressKey(guesser));
        login("bq_member", PASSWORD, guesser).andExpect(redirectedUrl("/"));
    }

    @Test
    void delaysDoubleWithEachFurtherFailureUpToTheCapAndAreForgottenLater() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(throttles, orgService, notifications, properties, clock);
        String name = "clock-" + ADDRESSES.incrementAndGet();
        String address = address();
        for (int i = 0; i < properties.maxFailures(); i++) {
            throttle.failed(name, address);
        }

        Duration expected = properties.firstDelay();
        for (int further = 0; further < 6; further++) {
            clock.move(expected.minusSeconds(1));
            assertThat(throttle.allows(name, address())).as("%s after failure %d", expected, further).isFalse();
            clock.move(Duration.ofSeconds(2));
            assertThat(throttle.allows(name, address())).as("%s after failure %d", expected, further).isTrue();
            throttle.failed(name, address);
            expected = expected.multipliedBy(2).compareTo(properties.maxDelay()) > 0 ? properties.maxDelay()
                : expected.multipliedBy(2);
        }
        assertThat(expected).isEqualTo(properties.maxDelay());

        // an hour without failures: the count starts again, and one failure does not block
        clock.move(properties.forgetAfter().plusMinutes(1));
        throttle.failed(name, address);
        assertThat(throttle.allows(name, address())).isTrue();
    }

    @Test
    void theOwnerIsToldOnceAndTheAdministratorsToldOfAnAdministrator() throws Exception {
        Org city = newOrg("市委", OrgKind.CITY, null);
        CurrentUser admin = newPerson("adm", city, Role.ADMIN);
        CurrentUser otherAdmin = newPerson("adm2", city, Role.ADMIN);
        CurrentUser member = newPerson("told", city, Role.MEMBER);

        String guesser = address();
        for (String target : List.of(admin.getUsername(), member.getUsername())) {
            for (int i = 0; i < properties.maxFailures() + 3; i++) {
                login(target, "guess-" + i, guesser);
                if (i == properties.maxFailures()) {
                    // a wait that passes is the same episode: nobody is told again
                    delayHasPassed(LoginThrottle.userKey(target));
                }
            }
        }

        assertThat(keys(admin)).containsExactly("login.notify.throttled");
        assertThat(notificationsOf(admin).get(0).argList()).containsExactly("" + properties.maxFailures(), guesser);
        assertThat(keys(member)).containsExactly("login.notify.throttled");
        assertThat(keys(otherAdmin)).containsExactly("login.notify.adminThrottled");
        assertThat(texts.args(notificationsOf(otherAdmin).get(0))).first().isEqualTo(names.byId(admin.getPersonId()));
        assertThat(notificationsOf(user("admin"))).extracting(n -> texts.args(n).get(0))
            .contains(names.byId(admin.getPersonId()))
            .doesNotContain(names.byId(member.getPersonId()));

        // the notice renders in the person's language, and a new episode after a good login is told again
        mvc.perform(get("/notifications").with(as(admin.getUsername())))
            .andExpect(status().isOk())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("登录已被暂时限制")));
        throttle.reset(member.getUsername());
        login(member.getUsername(), PASSWORD, address()).andExpect(redirectedUrl("/"));
        for (int i = 0; i < properties.maxFailures(); i++) {
            login(member.getUsername(), "again-" + i, address());
        }
        assertThat(keys(member)).containsExactly("login.notify.throttled", "login.notify.throttled");
    }

    @Test
    void anAdministratorsResetLetsThePersonInAtOnce() throws Exception {
        CurrentUser person = newPerson("reset", orgService.get(user("bq_member").getOrgId()), Role.MEMBER);
        String guesser = address();
        for (int i = 0; i < properties.maxFailures() + 2; i++) {
            login(person.getUsername(), "guess-" + i, guesser);
        }
        assertThat(throttle.isThrottled(person.getUsername())).isTrue();

        throttle.reset(person.getUsername());

        assertThat(throttle.isThrottled(person.getUsername())).isFalse();
        login(person.getUsername(), PASSWORD, address()).andExpect(redirectedUrl("/"));
    }

    private String failureMessage(String username, String password, String address) throws Exception {
        MvcResult result = login(username, password, address).andExpect(redirectedUrl("/login?error")).andReturn();
        Cookie session = result.getResponse().getCookie("SESSION");
        var page = get("/login").param("error", "").with(from(address));
        String body = mvc.perform(session == null ? page : page.cookie(session))
            .andReturn().getResponse().getContentAsString();
        Matcher m = FLASH_ERROR.matcher(body);
        assertThat(m.find()).as("an error message on the login page").isTrue();
        return m.group(1);
    }

    private void authenticate(ThrottledLoginProvider provider, String username, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        try {
            provider.authenticate(token);
        } catch (BadCredentialsException expected) {
            return;
        }
        throw new AssertionError("expected a refusal for " + username);
    }

    /** Moves the end of the key's wait into the past, as if the delay had gone by. */
    private void delayHasPassed(String key) {
        int rows = jdbc.update("UPDATE sf_login_throttle SET blocked_until = ? WHERE throttle_key = ?",
            OffsetDateTime.now().minusSeconds(1), key);
        assertThat(rows).as("a throttled " + key).isOne();
    }

    private List<Notification> notificationsOf(CurrentUser person) {
        List<Notification> newestFirst = new ArrayList<>(notifications.page(person.getPersonId(), 0, 100).items());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private List<String> keys(CurrentUser person) {
        return notificationsOf(person).stream().map(Notification::getMessageKey)
            .filter(k -> k.startsWith("login.")).toList();
    }

    private ResultActions login(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(address))
            .param("username", username).param("password", password));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** An address of its own for each use (TEST-NET-3 and beyond; never a real client). */
    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (1 + n % 250);
    }

    /** A clock that a test moves forward by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
