package cn.studyflow.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 200 members signing in to one session at once (issue 16): server time per sign-in (in-process MockMvc through
 * every filter, the API's POST /api/sessions/{id}/signin with the current code), all 200 released by one latch,
 * against the bare minimum a sign-in must do, the same conditional UPDATE of the roster row by plain JDBC on as many
 * threads, in alternating rounds on the same database; the service call alone (without the web stack) beside them.
 * Also each sign-in alone, one after another.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class SignInBench extends DatabaseBench {

    static final int MEMBERS = 200;
    static final int ROUNDS = 5;

    @Autowired OrgService orgService;
    @Autowired SignInService signIn;
    @Autowired Roster roster;
    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource db;

    CurrentUser secretary;
    List<CurrentUser> members = new ArrayList<>();
    Org org;

    @Test
    void signInLatency() throws Exception {
        Org qz = orgService.get(((CurrentUser) users.loadUserByUsername("qz_dept")).getOrgId());
        org = orgService.create("benchsignin", "签到基准测试镇", OrgKind.TOWN, qz);
        orgService.createPerson("benchsignin_secretary", "签到秘书", org, "{noop}x", List.of(Role.SECRETARY));
        secretary = (CurrentUser) users.loadUserByUsername("benchsignin_secretary");
        for (int i = 0; i < MEMBERS; i++) {
            orgService.createPerson("benchsignin" + i, "成员" + i, org, "{noop}x", List.of(Role.MEMBER));
            members.add((CurrentUser) users.loadUserByUsername("benchsignin" + i));
        }
        BenchReport report = new BenchReport("signin-" + database(), "Sign-in server time (ms), " + database());
        round(Via.API, true);
        round(Via.SERVICE, true);
        bare();
        long[][] samples = new long[3][MEMBERS * ROUNDS];
        long[] walls = new long[3];
        for (int r = 0; r < ROUNDS; r++) {
            long[][] rounds = {round(Via.API, true), round(Via.SERVICE, true), bare()};
            for (int k = 0; k < 3; k++) {
                System.arraycopy(rounds[k], 0, samples[k], r * MEMBERS, MEMBERS);
                walls[k] += rounds[k][MEMBERS];
            }
        }
        String[] names = {"StudyFlow API, " + MEMBERS + " at once (POST /api/sessions/{id}/signin, every filter)",
            "StudyFlow service, " + MEMBERS + " at once (SignInService.signIn)",
            "bare conditional UPDATE by JDBC, " + MEMBERS + " at once"};
        for (int k = 0; k < 3; k++) {
            report.row("call", names[k], "p50", BenchReport.round(BenchReport.percentile(samples[k], 50)),
                "p95", BenchReport.round(BenchReport.percentile(samples[k], 95)),
                "all 200 in after (ms)", BenchReport.round(walls[k] / 1e6 / ROUNDS));
        }
        long[] apiAlone = round(Via.API, false);
        long[] serviceAlone = round(Via.SERVICE, false);
        report.row("call", "StudyFlow API, one after another", "p50", BenchReport.round(BenchReport.percentile(apiAlone, 50)),
            "p95", BenchReport.round(BenchReport.percentile(apiAlone, 95)), "all 200 in after (ms)", "");
        report.row("call", "StudyFlow service, one after another",
            "p50", BenchReport.round(BenchReport.percentile(serviceAlone, 50)),
            "p95", BenchReport.round(BenchReport.percentile(serviceAlone, 95)), "all 200 in after (ms)", "");
        report.row("call", "ratio bare / StudyFlow API (time until all are in)", "p50", "", "p95", "",
            "all 200 in after (ms)", BenchReport.round((double) walls[2] / walls[0]));
    }

    enum Via { API, SERVICE }

    /** A new open session with everyone on its roster; each member signs in with the code, at once or in turn. */
    private long[] round(Via via, boolean atOnce) throws Exception {
        long session = newSession();
        signIn.open(secretary, session);
        String code = signIn.projection(secretary, session).code();
        List<Callable<Long>> calls = members.stream().map(m -> (Callable<Long>) () -> {
            long t0 = System.nanoTime();
            if (via == Via.SERVICE) {
                signIn.signIn(m, session, code);
                return System.nanoTime() - t0;
            }
            int status = mvc.perform(post("/api/sessions/" + session + "/signin").with(user(m)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}")).andReturn().getResponse().getStatus();
            long t = System.nanoTime() - t0;
            if (status != 200) {
                throw new IllegalStateException("sign-in answered " + status);
            }
            return t;
        }).toList();
        return atOnce ? atOnce(calls) : inTurn(calls);
    }

    /** What any sign-in must do at least: the one conditional UPDATE of the member's roster row. */
    private long[] bare() throws Exception {
        long session = newSession();
        return atOnce(members.stream().map(m -> (Callable<Long>) () -> {
            long t0 = System.nanoTime();
            int n = jdbc.update("UPDATE sf_session_person SET attendance = ?, signed_at = CURRENT_TIMESTAMP "
                + "WHERE session_id = ? AND person_id = ? AND attendance = ?", Attendance.PRESENT.name(), session,
                m.getPersonId(), Attendance.EXPECTED.name());
            long t = System.nanoTime() - t0;
            if (n != 1) {
                throw new IllegalStateException("not signed in");
            }
            return t;
        }).toList());
    }

    private long newSession() {
        long session = SignInFixture.session(db, org.getId(), LocalDateTime.now(ZoneId.of("Asia/Shanghai")), "基准测试学习会");
        roster.add(members.stream().map(m -> Roster.expected(session, m.getPersonId(), Part.MEMBER)).toList());
        return session;
    }

    /** Per call nanos, and in the last slot the time from the release until the last call answered. */
    private static long[] atOnce(List<Callable<Long>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (Callable<Long> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            Thread.sleep(200);
            long t0 = System.nanoTime();
            go.countDown();
            long[] nanos = new long[calls.size() + 1];
            for (int i = 0; i < calls.size(); i++) {
                nanos[i] = futures.get(i).get(120, TimeUnit.SECONDS);
            }
            nanos[calls.size()] = System.nanoTime() - t0;
            return nanos;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] inTurn(List<Callable<Long>> calls) throws Exception {
        long[] nanos = new long[calls.size()];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = calls.get(i).call();
        }
        return nanos;
    }
}
