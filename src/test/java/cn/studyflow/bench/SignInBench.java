package cn.studyflow.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Part;
import cn.studyflow.session.Roster;
import cn.studyflow.session.SignInFixture;
import cn.studyflow.session.SignInService;
import jakarta.servlet.http.Cookie;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 200 members signing in to one session at once (issue 16), in-process (MockMvc) through every filter as a phone's
 * request goes: each member has logged in by the login form beforehand, and the sign-in carries the member's SESSION
 * cookie and the CSRF token of its page (so Spring Session reads the session from the database and writes it back,
 * Spring Security takes the login from it and checks the token, AccountFilter reloads the person), the API's
 * POST /api/sessions/{id}/signin with the current code. All 200 are released by one latch and each is timed from the
 * latch, as a phone would wait for it; beside that the time from the moment its thread ran, and the CPU time the
 * request's thread spent (ThreadMXBean: what a request costs, whatever else runs on the machine). Compared in
 * alternating rounds with the service call alone and with the bare minimum, the one conditional UPDATE of the roster
 * row by plain JDBC; each sign-in alone, one after another, too.
 */
@SpringBootTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles({"demo", "test"})
class SignInBench extends DatabaseBench {

    static final int MEMBERS = 200;
    /** Rounds of 200 at once; more for a profile, e.g. -Dbench.jvmArgs=-Dbench.rounds=30. */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    /**
     * Windows over which 200 members arrive as a room does when the code goes up on the projector: each phone at its
     * own moment, uniformly spread (seeded), every sign-in timed from the moment its phone sent it.
     */
    static final long[] ARRIVAL_WINDOWS_MS = {10_000, 3_000};
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Autowired OrgService orgService;
    @Autowired SignInService signIn;
    @Autowired Roster roster;
    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource db;

    CurrentUser secretary;
    List<Phone> phones = new ArrayList<>();
    Org org;

    /** A member logged in on a phone: the session cookie and the page's CSRF token. */
    record Phone(CurrentUser member, Cookie session, String csrf) { }

    /** One call's figures in nanoseconds: from the latch, from the moment its thread ran, CPU of its thread. */
    record Timing(long fromLatch, long fromStart, long cpu) { }

    @Test
    void signInLatency() throws Exception {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
        }
        THREADS.setThreadCpuTimeEnabled(true);
        Org qz = orgService.get(((CurrentUser) users.loadUserByUsername("qz_dept")).getOrgId());
        org = orgService.create("benchsignin", "签到基准测试镇", OrgKind.TOWN, qz);
        // a BCrypt hash of the lowest cost, so that 200 logins take seconds, not minutes; the logins are not measured
        String hash = new BCryptPasswordEncoder(4).encode("x");
        orgService.createPerson("benchsignin_secretary", "签到秘书", org, hash, List.of(Role.SECRETARY));
        secretary = (CurrentUser) users.loadUserByUsername("benchsignin_secretary");
        for (int i = 0; i < MEMBERS; i++) {
            orgService.createPerson("benchsignin" + i, "成员" + i, org, hash, List.of(Role.MEMBER));
            phones.add(login("benchsignin" + i));
        }
        BenchReport report = new BenchReport("signin-" + database(), "Sign-in server time (ms), " + database());
        round(Via.API, true);
        round(Via.SERVICE, true);
        bare();
        List<List<Timing>> samples = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long[] walls = new long[3];
        for (int r = 0; r < ROUNDS; r++) {
            Round[] rounds = {round(Via.API, true), round(Via.SERVICE, true), bare()};
            for (int k = 0; k < 3; k++) {
                samples.get(k).addAll(rounds[k].timings());
                walls[k] += rounds[k].wall();
            }
        }
        String[] names = {"StudyFlow API, " + MEMBERS + " at once (POST /api/sessions/{id}/signin with session cookie,"
            + " every filter)", "StudyFlow service, " + MEMBERS + " at once (SignInService.signIn)",
            "bare conditional UPDATE by JDBC, " + MEMBERS + " at once"};
        for (int k = 0; k < 3; k++) {
            row(report, names[k], samples.get(k), BenchReport.round(walls[k] / 1e6 / ROUNDS));
        }
        for (long window : ARRIVAL_WINDOWS_MS) {
            List<Timing> arrivals = new ArrayList<>();
            long wall = 0;
            for (int r = 0; r < 2; r++) {
                Round round = arriving(window, r);
                arrivals.addAll(round.timings());
                wall += round.wall();
            }
            row(report, "StudyFlow API, " + MEMBERS + " arriving within " + window / 1000 + " s (each timed from"
                + " its own sending)", arrivals, BenchReport.round(wall / 1e6 / 2));
        }
        row(report, "StudyFlow API, one after another", round(Via.API, false).timings(), "");
        row(report, "StudyFlow service, one after another", round(Via.SERVICE, false).timings(), "");
        report.row("call", "ratio bare / StudyFlow API (time until all are in)", "p50", "", "p95", "",
            "p95 from its thread's start", "", "CPU per call", "",
            "all 200 in after (ms)", BenchReport.round((double) walls[2] / walls[0]));
    }

    private static void row(BenchReport report, String name, List<Timing> timings, Object wall) {
        long[] latch = timings.stream().mapToLong(Timing::fromLatch).toArray();
        long[] start = timings.stream().mapToLong(Timing::fromStart).toArray();
        double cpu = timings.stream().mapToLong(Timing::cpu).average().orElse(0) / 1e6;
        report.row("call", name, "p50", BenchReport.round(BenchReport.percentile(latch, 50)),
            "p95", BenchReport.round(BenchReport.percentile(latch, 95)),
            "p95 from its thread's start", BenchReport.round(BenchReport.percentile(start, 95)),
            "CPU per call", BenchReport.round(cpu), "all 200 in after (ms)", wall);
    }

    /** Logs in by the form as a phone does, then opens the page it lands on (the tasklist) for the CSRF token its script would send. */
    private Phone login(String username) throws Exception {
        MockHttpServletResponse login = mvc.perform(post("/login").param("username", username).param("password", "x")
            .with(csrf()))
            .andReturn().getResponse();
        Cookie session = login.getCookie("SESSION");
        if (login.getStatus() != 302 || session == null || login.getRedirectedUrl().contains("error")) {
            throw new IllegalStateException("login of " + username + " answered " + login.getStatus() + " "
                + login.getRedirectedUrl());
        }
        MockHttpServletResponse home = mvc.perform(get("/tasks").cookie(session)).andReturn().getResponse();
        String page = home.getContentAsString();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the tasklist of " + username + ": " + home.getStatus()
                + " " + home.getRedirectedUrl() + " " + page.substring(0, Math.min(page.length(), 600)));
        }
        return new Phone((CurrentUser) users.loadUserByUsername(username), session, csrf.group(1));
    }

    enum Via { API, SERVICE }

    /** The timings of a round, and the time from the release until the last call answered. */
    record Round(List<Timing> timings, long wall) { }

    interface Call {
        void run() throws Exception;
    }

    /** A new open session with everyone on its roster; each member signs in with the code, at once or in turn. */
    private Round round(Via via, boolean atOnce) throws Exception {
        long session = newSession();
        signIn.open(secretary, session);
        String code = signIn.projection(secretary, session).code();
        List<Call> calls = phones.stream().map(p -> (Call) () -> {
            if (via == Via.SERVICE) {
                signIn.signIn(p.member(), session, code);
                return;
            }
            apiSignIn(p, session, code);
        }).toList();
        return atOnce ? atOnce(calls) : inTurn(calls);
    }

    /** A new open session; each member's phone signs in at its own moment within the window (seeded per round). */
    private Round arriving(long windowMs, int seed) throws Exception {
        long session = newSession();
        signIn.open(secretary, session);
        String code = signIn.projection(secretary, session).code();
        Random random = new Random(seed);
        List<Long> offsets = phones.stream().map(p -> (long) (random.nextDouble() * windowMs * 1_000_000)).toList();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(MEMBERS);
        long released = System.nanoTime() + 200_000_000L;
        try {
            List<Future<Timing>> futures = new ArrayList<>();
            for (int i = 0; i < phones.size(); i++) {
                Phone phone = phones.get(i);
                long sent = released + offsets.get(i);
                futures.add(pool.schedule(() -> timed(() -> apiSignIn(phone, session, code), sent),
                    sent - System.nanoTime(), TimeUnit.NANOSECONDS));
            }
            List<Timing> timings = new ArrayList<>();
            for (Future<Timing> future : futures) {
                timings.add(future.get(120, TimeUnit.SECONDS));
            }
            return new Round(timings, System.nanoTime() - released);
        } finally {
            pool.shutdownNow();
        }
    }

    private void apiSignIn(Phone p, long session, String code) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/sessions/" + session + "/signin")
            .cookie(p.session()).header("X-CSRF-TOKEN", p.csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"code\":\"" + code + "\"}")).andReturn().getResponse();
        if (response.getStatus() != 200 || !response.getContentAsString().contains("PRESENT")) {
            throw new IllegalStateException("sign-in answered " + response.getStatus() + " "
                + response.getContentAsString());
        }
    }

    /** What any sign-in must do at least: the one conditional UPDATE of the member's roster row. */
    private Round bare() throws Exception {
        long session = newSession();
        return atOnce(phones.stream().map(p -> (Call) () -> {
            int n = jdbc.update("UPDATE sf_session_person SET attendance = ?, signed_at = CURRENT_TIMESTAMP "
                + "WHERE session_id = ? AND person_id = ? AND attendance = ?", Attendance.PRESENT.name(), session,
                p.member().getPersonId(), Attendance.EXPECTED.name());
            if (n != 1) {
                throw new IllegalStateException("not signed in");
            }
        }).toList());
    }

    private long newSession() {
        long session = SignInFixture.session(db, org.getId(), LocalDateTime.now(ZoneId.of("Asia/Shanghai")), "基准测试学习会");
        roster.add(phones.stream().map(p -> Roster.expected(session, p.member().getPersonId(), Part.MEMBER)).toList());
        return session;
    }

    private static Timing timed(Call call, long released) throws Exception {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        call.run();
        long t1 = System.nanoTime();
        return new Timing(t1 - released, t1 - t0, THREADS.getCurrentThreadCpuTime() - cpu0);
    }

    /** All calls on threads of their own, released by one latch; each timed from the release. */
    private static Round atOnce(List<Call> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        long[] released = new long[1];
        try {
            List<Future<Timing>> futures = new ArrayList<>();
            for (Call call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return timed(call, released[0]);
                }));
            }
            Thread.sleep(200);
            released[0] = System.nanoTime();
            go.countDown();
            List<Timing> timings = new ArrayList<>();
            for (Future<Timing> future : futures) {
                timings.add(future.get(120, TimeUnit.SECONDS));
            }
            return new Round(timings, System.nanoTime() - released[0]);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Round inTurn(List<Call> calls) throws Exception {
        List<Timing> timings = new ArrayList<>();
        for (Call call : calls) {
            timings.add(timed(call, System.nanoTime()));
        }
        return new Round(timings, 0);
    }
}
