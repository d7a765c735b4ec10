package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Role;
import cn.studyflow.support.DemoCast;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.Node;
import cn.studyflow.support.NodeArgs;
import cn.studyflow.support.TestDatabase;
import cn.studyflow.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Pool exhaustion and slow queries, against one node of the packaged jar on a PostgreSQL schema of its own, with a
 * pool of {@value #POOL} connections, a pool wait of {@value #POOL_WAIT_MS} ms and a statement timeout of
 * {@value #STATEMENT_TIMEOUT_S} s.
 *
 * <p>Injected: the test takes an exclusive lock on {@code sf_person}, which every logged-in request reads (the
 * account is reloaded on each), so that {@value #POOL} requests stall inside the database holding every pooled
 * connection, as a slow query would.
 *
 * <p>Checked: while the pool is exhausted, further API and page requests answer within about the pool wait with
 * 503, {@code Retry-After} and the message in the user's language (JSON for {@code /api/**}, the error page for
 * pages; Chinese by default, English for a user who chose it), never a 500; anonymous health answers 503 DOWN with
 * no detail; the stalled requests end with 503 at the statement timeout, not later; once the lock goes, the same
 * requests answer 200 and health is UP again, without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolExhaustionIT {

    static final int POOL = 4;
    static final int POOL_WAIT_MS = 2000;
    static final int STATEMENT_TIMEOUT_S = 12;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    void requirePostgres() {
        TestDatabase.assumePostgres();
    }

    @Test
    void anExhaustedPoolAnswers503FastAndRecovers() throws Exception {
        String schema = TestDatabase.freshSchema("sf_pool_");
        List<String> args = NodeArgs.postgres(schema,
            "--spring.datasource.hikari.maximum-pool-size=" + POOL,
            "--spring.datasource.hikari.minimum-idle=" + POOL,
            "--spring.datasource.hikari.connection-timeout=" + POOL_WAIT_MS,
            "--spring.datasource.hikari.data-source-properties.options=-c statement_timeout=" + STATEMENT_TIMEOUT_S + "s",
            // no timers in the way: every connection the test counts is a web request's
            "--camunda.bpm.job-execution.enabled=false",
            "--studyflow.scheduling.enabled=false",
            "--logging.level.root=warn");
        try (Node node = Node.start("pool", Node.freePort(), args)) {
            String base = node.baseUrl();
            List<WebSession> stallers = new ArrayList<>();
            // more than the pool holds: one that times out waiting leaves the others to take any connection freed
            for (int i = 0; i < POOL + 2; i++) {
                DemoOrg org = DemoOrg.values()[i % DemoOrg.values().length];
                WebSession s = new WebSession(org.username(i < DemoOrg.values().length ? Role.SECRETARY : Role.PUBLICITY));
                s.loginWhenReady(base);
                stallers.add(s);
            }
            WebSession chinese = new WebSession(DemoOrg.BQ.username(Role.MEMBER));
            chinese.login(base);
            WebSession english = new WebSession(DemoOrg.BQ.username(Role.LEADER));
            english.login(base);
            assertThat(english.exchange(base, "/tasks?lang=en", "text/html").statusCode()).isEqualTo(200);
            assertThat(chinese.get(base, "/api/tasks").status()).isEqualTo(200);

            ExecutorService pool = Executors.newFixedThreadPool(stallers.size());
            try (Connection lock = DriverManager.getConnection(TestDatabase.urlOf(schema), "postgres", "")) {
                lock.setAutoCommit(false);
                try (Statement s = lock.createStatement()) {
                    s.execute("LOCK TABLE sf_person IN ACCESS EXCLUSIVE MODE");
                }
                List<Future<Timed>> stalled = new ArrayList<>();
                for (WebSession s : stallers) {
                    stalled.add(pool.submit(() -> Timed.of(() -> s.exchange(base, "/api/tasks", "application/json"))));
                }
                List<String> waiting = awaitWaitingOnLock(schema, POOL);

                // every connection is held: new requests fail fast and clearly
                Timed api = Timed.of(() -> chinese.exchange(base, "/api/tasks", "application/json"));
                assertUnavailable(api, "application/json");
                JsonNode body = JSON.readTree(api.response.body());
                assertThat(body.get("status").asInt()).isEqualTo(503);
                assertThat(body.get("code").asText()).isEqualTo("error.unavailable");
                assertThat(body.get("message").asText()).contains("数据库暂时无法访问").contains("10 秒");
                Timed page = Timed.of(() -> chinese.exchange(base, "/tasks", "text/html"));
                assertUnavailable(page, "text/html");
                assertThat(page.response.body()).contains("数据库暂时无法访问").doesNotContain("Exception");
                Timed englishPage = Timed.of(() -> english.exchange(base, "/tasks", "text/html"));
                assertUnavailable(englishPage, "text/html");
                assertThat(englishPage.response.body()).contains("its database cannot be reached just now");
                Timed health = Timed.of(() -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()));
                assertThat(health.response.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(health.response.body()).get("status").asText()).isEqualTo("DOWN");
                // nothing about the database's address, product or the reason leaks to an anonymous caller
                assertThat(health.response.body()).doesNotContain("components").doesNotContain("db")
                    .doesNotContain("postgres");
                assertThat(health.millis).isLessThan(POOL_WAIT_MS + 3000);

                // the stalled requests end with a 503: those waiting on the lock at the statement timeout, those that
                // never got a connection by the pool's wait; none in between, none later, their connections back in
                // the pool. (How many end at each is not fixed: the pool fills its idle connections in the background,
                // so that a request may get the connection another staller would have had.)
                List<Long> millis = new ArrayList<>();
                for (Future<Timed> f : stalled) {
                    Timed t = f.get(STATEMENT_TIMEOUT_S + 30, TimeUnit.SECONDS);
                    assertThat(t.response.statusCode()).as(t.response.body()).isEqualTo(503);
                    assertThat(t.response.headers().firstValue("Retry-After")).contains("10");
                    millis.add(t.millis);
                }
                String seen = "stalled requests' times " + millis + " ms; waiting on the lock: " + waiting;
                assertThat(millis).as(seen).allMatch(m -> m < POOL_WAIT_MS * 3L + 2000
                    || m > STATEMENT_TIMEOUT_S * 1000L - 3000 && m < STATEMENT_TIMEOUT_S * 1000L + 8000);
                assertThat(millis.stream().filter(m -> m > STATEMENT_TIMEOUT_S * 1000L - 3000).count())
                    .as("requests cancelled at the statement timeout; " + seen).isGreaterThanOrEqualTo(1);
                lock.rollback();
            } finally {
                pool.shutdownNow();
            }

            // recovered without a restart
            assertThat(chinese.get(base, "/api/tasks").status()).isEqualTo(200);
            assertThat(chinese.exchange(base, "/tasks", "text/html").statusCode()).isEqualTo(200);
            for (WebSession s : stallers) {
                assertThat(s.get(base, "/api/tasks").status()).isEqualTo(200);
            }
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
            // a system administrator sees which part is which
            WebSession admin = new WebSession(DemoCast.ADMIN);
            admin.login(base);
            assertThat(admin.exchange(base, "/actuator/health", "application/json").body()).contains("\"db\"");
        }
    }

    /**
     * A 503 with Retry-After and the type asked for, well within the statement timeout: it came from the pool's
     * wait, not from a statement of its own.
     */
    private static void assertUnavailable(Timed t, String type) {
        assertThat(t.response.statusCode()).as(t.response.body()).isEqualTo(503);
        assertThat(t.response.headers().firstValue("Retry-After")).contains("10");
        assertThat(t.response.headers().firstValue("Content-Type").orElse("")).startsWith(type);
        assertThat(t.millis).isBetween(POOL_WAIT_MS - 200L, POOL_WAIT_MS + 3000L);
    }

    /**
     * Waits until {@code n} of the node's connections (every one of the pool) wait for the test's lock on sf_person;
     * what each of them runs.
     */
    static List<String> awaitWaitingOnLock(String schema, int n) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(STATEMENT_TIMEOUT_S - 4);
        List<String> waiting = List.of();
        try (Connection c = DriverManager.getConnection(TestDatabase.urlOf(schema), "postgres", "");
             Statement s = c.createStatement()) {
            while (System.nanoTime() < end) {
                waiting = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT DISTINCT l.pid, a.query FROM pg_locks l"
                    + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND l.relation = '"
                    + schema + ".sf_person'::regclass")) {
                    while (rs.next()) {
                        waiting.add(rs.getInt(1) + ": " + rs.getString(2).replaceAll("\\s+", " "));
                    }
                }
                if (waiting.size() >= n) {
                    return waiting;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("Only " + waiting.size() + " of " + n + " requests wait for the lock: " + waiting);
    }

    /** A response and how long it took. */
    record Timed(HttpResponse<String> response, long millis) {

        interface Call {
            HttpResponse<String> send() throws Exception;
        }

        static Timed of(Call call) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> r = call.send();
            return new Timed(r, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }
}
