package cn.studyflow.bench;

import cn.studyflow.org.Role;
import cn.studyflow.session.Roster;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.Node;
import cn.studyflow.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 19's second target: the whole material review over HTTP on loopback with the page session (form login
 * once, the CSRF token as a header; ten requests, as in {@link ApiTokenBench}) against the bare engine app's
 * three-step approval with the same request pattern (src/bench/bare-engine: start; at each step the group's
 * tasks, the instance's task, the decision), {@value ApiTokenBench#CLIENTS} clients in a closed loop each,
 * alternating rounds in one run. Both on an H2 file. StudyFlow runs in this JVM, the bare app as its own process
 * (its jar, with a heap as large as this JVM's, so that the collector does not hold it back). Target: StudyFlow
 * flows/s ÷ bare flows/s ≥ 0.6.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
    "spring.datasource.url=jdbc:h2:file:./target/bench/http-flow/studyflow-${random.uuid};LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256")
@ActiveProfiles({"demo", "test"})
class HttpFlowBench {

    static final List<Role> CAST = List.of(Role.MEMBER, Role.OFFICE, Role.PUBLICITY, Role.LEADER);
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Roster roster;

    @Test
    void materialReviewAgainstTheBareEngine() throws Exception {
        String base = "http://127.0.0.1:" + port;
        List<Map<Role, WebSession>> casts = casts(base, users, jdbc, roster);
        String heap = "-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m";
        try (Node bare = Node.start("http-flow-bare", Node.freePort(), List.of(heap), StartupBench.bareEngineJar(),
            List.of("--logging.level.root=warn"), "/health")) {
            BareClient[] clients = new BareClient[ApiTokenBench.CLIENTS];
            for (int c = 0; c < clients.length; c++) {
                clients[c] = new BareClient(bare.baseUrl(), c % DemoOrg.values().length + 1);
            }
            ApiTokenBench.Flow bareFlow = (client, n) -> clients[client].flow(n);
            BenchReport report = new BenchReport("http-flow", "Material review over HTTP against the bare engine app");
            ApiTokenBench.run(base, casts, 5_000);
            ApiTokenBench.closedLoop(5_000, bareFlow);
            for (int r = 1; r <= ApiTokenBench.ROUNDS; r++) {
                long compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                double studyFlow = ApiTokenBench.run(base, casts, ApiTokenBench.ROUND_MILLIS);
                compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compiling;
                double anchor = ApiTokenBench.closedLoop(ApiTokenBench.ROUND_MILLIS, bareFlow);
                report.row("round", r, "clients", ApiTokenBench.CLIENTS, "round s", ApiTokenBench.ROUND_MILLIS / 1000,
                    "StudyFlow flows/s (page session)", BenchReport.round(studyFlow),
                    "bare engine flows/s", BenchReport.round(anchor),
                    "StudyFlow ÷ bare (target >= 0.6)", BenchReport.round(studyFlow / anchor),
                    "StudyFlow's JIT compiling ms in its round", compiling);
                System.out.printf("HttpFlowBench round %d: StudyFlow %.2f flows/s, bare engine %.2f flows/s, ratio %.2f%n",
                    r, studyFlow, anchor, studyFlow / anchor);
            }
        }
    }

    /** The member and the three reviewers of each usable demo organisation, each logged in by the login form. */
    static List<Map<Role, WebSession>> casts(String base, UserDetailsService users, JdbcTemplate jdbc, Roster roster)
        throws Exception {
        List<Map<Role, WebSession>> casts = new ArrayList<>();
        for (DemoOrg org : ApiTokenBench.usable(users, jdbc, roster)) {
            Map<Role, WebSession> cast = new EnumMap<>(Role.class);
            for (Role role : CAST) {
                WebSession session = new WebSession(org.username(role));
                session.login(base);
                cast.put(role, session);
            }
            casts.add(cast);
        }
        return casts;
    }

    /** One client of the bare app, acting for the three groups of one organisation. */
    static final class BareClient {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final long orgId;

        BareClient(String base, long orgId) {
            this.base = base;
            this.orgId = orgId;
        }

        /** Ten requests: start; at each step the group's tasks, the instance's task, the decision. */
        void flow(int n) throws IOException, InterruptedException {
            String instance = send("POST", "/approvals", Map.of("orgId", orgId, "title", "研讨发言" + n))
                .get("processInstanceId").asText();
            step(instance, "firstStep", "office", "office" + orgId);
            step(instance, "secondStep", "publicity", "publicity" + orgId);
            step(instance, "thirdStep", "leader", "leader" + orgId);
        }

        private void step(String instance, String step, String group, String user)
            throws IOException, InterruptedException {
            send("GET", "/tasks?group=org:" + orgId + ":" + group, null);
            String task = null;
            for (JsonNode s : send("GET", "/approvals/" + instance, null).get("currentSteps")) {
                if (step.equals(s.get("step").asText())) {
                    task = s.get("id").asText();
                }
            }
            if (task == null) {
                throw new AssertionError("Approval " + instance + " is not at " + step);
            }
            send("POST", "/tasks/" + task + "/complete", Map.of("user", user, "decision", "approve", "comment", "同意"));
        }

        private JsonNode send(String method, String path, Object body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        }
    }
}
