package cn.studyflow.bench;

import cn.studyflow.admin.ApiTokens;
import cn.studyflow.material.MaterialReviewProcess;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.session.Roster;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.StudyGroup;
import cn.studyflow.support.WebSession;
import cn.studyflow.support.WebSession.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 19's first target: the whole material review over HTTP on loopback, with personal access tokens against the
 * same flow with the page session (form login once, the CSRF token as a header), in alternating rounds of one run.
 * A flow is ten requests: the member uploads and submits a PDF; then the office, the publicity member and the leader
 * each list their tasks, read the material and decide. {@value #CLIENTS} clients in a closed loop, each flow in
 * one of the demo's organisations. Target: token flows/s ÷ session flows/s ≥ 0.9.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ApiTokenBench extends DatabaseBench {

    static final int CLIENTS = 8;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final long ROUND_MILLIS = Long.getLong("bench.roundMillis", 30_000);
    static final List<Role> CAST = List.of(Role.MEMBER, Role.OFFICE, Role.PUBLICITY, Role.LEADER);
    /** The organisations whose members have sessions open for materials in the demo. */
    static final List<DemoOrg> ORGS = List.of(DemoOrg.values());

    @LocalServerPort int port;
    @Autowired ApiTokens tokens;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Roster roster;

    @Test
    void materialReviewWithTokensAgainstThePageSession() throws Exception {
        String base = "http://127.0.0.1:" + port;
        List<Map<Role, WebSession>> bySession = new ArrayList<>();
        List<Map<Role, WebSession>> byToken = new ArrayList<>();
        for (DemoOrg org : usable(users, jdbc, roster)) {
            Map<Role, WebSession> sessions = new EnumMap<>(Role.class);
            Map<Role, WebSession> tokened = new EnumMap<>(Role.class);
            for (Role role : CAST) {
                String username = org.username(role);
                WebSession session = new WebSession(username);
                session.login(base);
                sessions.put(role, session);
                CurrentUser person = (CurrentUser) users.loadUserByUsername(username);
                tokened.put(role, WebSession.withToken(username,
                    tokens.create(person, "bench", LocalDate.now().plusDays(2), false)));
            }
            bySession.add(sessions);
            byToken.add(tokened);
        }
        BenchReport report = new BenchReport("api-token-" + database().toLowerCase(),
            "Material review over HTTP: personal access token against the page session (" + database() + ")");
        run(base, bySession, 5_000);
        run(base, byToken, 5_000);
        double[] session = new double[ROUNDS];
        double[] token = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            session[r] = run(base, bySession, ROUND_MILLIS);
            token[r] = run(base, byToken, ROUND_MILLIS);
            report.row("round", r + 1, "database", database(), "clients", CLIENTS,
                "page session flows/s", BenchReport.round(session[r]), "token flows/s", BenchReport.round(token[r]),
                "token ÷ session", BenchReport.round(token[r] / session[r]));
        }
    }

    /**
     * The demo organisations, each with a session of this year still to come, which a member's material is for
     * (the demo's plans are next year's). Tomorrow at nine, or on the last day of the year later today.
     */
    static List<DemoOrg> usable(UserDetailsService users, JdbcTemplate jdbc, Roster roster) throws Exception {
        LocalDateTime now = LocalDateTime.now(StudyGroup.ZONE);
        LocalDateTime at = now.plusDays(1).getYear() == now.getYear()
            ? now.toLocalDate().plusDays(1).atTime(9, 0) : now.plusMinutes(30);
        for (DemoOrg org : ORGS) {
            CurrentUser member = (CurrentUser) users.loadUserByUsername(org.username(Role.MEMBER));
            new StudyGroup.Sessions(jdbc, roster, member.getOrgId()).of(member.getOrgId(), at, member);
        }
        return ORGS;
    }

    /** Flows per second of {@value #CLIENTS} clients in a closed loop for {@code millis}, each with a cast. */
    static double run(String base, List<Map<Role, WebSession>> casts, long millis) throws Exception {
        return closedLoop(millis, (client, n) -> flow(base, casts.get(client % casts.size()), n));
    }

    /** One whole flow of a client; {@code n} numbers the flows of a run. */
    interface Flow {
        void run(int client, int n) throws Exception;
    }

    /** Flows per second of {@value #CLIENTS} clients, each starting its next flow when one ends, for {@code millis}. */
    static double closedLoop(long millis, Flow flow) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger flows = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    flow.run(client, sequence.incrementAndGet());
                    flows.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        return flows.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void flow(String base, Map<Role, WebSession> cast, int n) throws Exception {
        WebSession member = cast.get(Role.MEMBER);
        JsonNode sessions = ok(member.get(base, "/api/materials/sessions")).json();
        Map<String, String> fields = Map.of("sessionId", sessions.get(n % sessions.size()).get("id").asText(),
            "kind", "SPEECH", "title", "研讨发言" + n, "summary", "围绕专题谈学习体会和下一步工作打算。", "submit", "true");
        byte[] pdf = ("%PDF-1.4\n% bench " + n + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
        long id = ok(member.postFile(base, "/api/materials", fields, "发言" + n + ".pdf", pdf)).json()
            .get("material").get("id").asLong();
        decide(base, cast.get(Role.OFFICE), id, MaterialReviewProcess.TASK_FIRST_REVIEW, "/first-review",
            Map.of("decision", "APPROVE", "notClassified", true, "comment", "材料完整，不涉密"));
        decide(base, cast.get(Role.PUBLICITY), id, MaterialReviewProcess.TASK_SECOND_REVIEW, "/second-review",
            Map.of("passed", Map.of("POLITICAL", true, "ACADEMIC", true, "LEGAL", true), "comment", "同意"));
        decide(base, cast.get(Role.LEADER), id, MaterialReviewProcess.TASK_SIGN_OFF, null,
            Map.of("decision", "APPROVE", "comment", "同意"));
    }

    /** One reviewer's step: list my tasks, read the material (its current step names the task), decide. */
    private static void decide(String base, WebSession reviewer, long material, String step, String form,
                               Map<String, Object> body) throws Exception {
        ok(reviewer.get(base, "/api/tasks?view=ALL&size=20"));
        JsonNode steps = ok(reviewer.get(base, "/api/materials/" + material)).json().get("currentSteps");
        String task = null;
        for (JsonNode s : steps) {
            if (step.equals(s.get("step").asText())) {
                task = s.get("id").asText();
            }
        }
        if (task == null) {
            throw new AssertionError("Material " + material + " is not at " + step + ": " + steps);
        }
        String path = form == null ? "/api/tasks/" + task + "/complete" : "/api/materials/tasks/" + task + form;
        ok(reviewer.post(base, path, body));
    }

    private static Response ok(Response r) {
        if (!r.ok()) {
            throw new AssertionError(r.status() + " " + r.body());
        }
        return r;
    }
}
