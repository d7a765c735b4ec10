package cn.studyflow.bench;

import cn.studyflow.org.Role;
import cn.studyflow.session.Roster;
import cn.studyflow.support.WebSession;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.Filter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * The SQL statements of each request of {@link HttpFlowBench}'s material review (issue 19, part 2), counted on the
 * server: every statement that the request's thread runs, from before Spring Session reads the session until after it
 * writes it back, by request (method and path, ids replaced by {id}). The report lists statements per request and,
 * unless {@code -Dbench.sql=false}, each statement (shortened) with how often one request runs it. It measures no time:
 * it says what a request does, so that a change can say how many statements it saves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
    "spring.datasource.url=jdbc:h2:file:./target/bench/flow-statements/studyflow-${random.uuid};LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256")
@ActiveProfiles({"demo", "test"})
@Import(FlowStatementsBench.Counting.class)
class FlowStatementsBench {

    private static final Pattern ID = Pattern.compile("/(\\d+|[0-9a-f]{8}-[0-9a-f-]{27})(?=/|$)");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final ThreadLocal<List<String>> STATEMENTS = new ThreadLocal<>();
    /** Per request: how many there were, and how often each statement ran in all of them. */
    private static final Map<String, AtomicLong> REQUESTS = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, AtomicLong>> SQL = new ConcurrentHashMap<>();

    @LocalServerPort int port;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Roster roster;

    @Test
    void statementsOfEachRequest() throws Exception {
        String base = "http://127.0.0.1:" + port;
        List<Map<Role, WebSession>> casts = HttpFlowBench.casts(base, users, jdbc, roster);
        ApiTokenBench.run(base, casts, 3_000);
        REQUESTS.clear();
        SQL.clear();
        ApiTokenBench.run(base, casts, Long.getLong("bench.statementMillis", 5_000));
        BenchReport report = new BenchReport("flow-statements", "SQL statements of each request of the material review");
        boolean verbose = Boolean.parseBoolean(System.getProperty("bench.sql", "true"));
        long statements = 0;
        for (Map.Entry<String, AtomicLong> request : new TreeMap<>(REQUESTS).entrySet()) {
            long n = request.getValue().get();
            Map<String, AtomicLong> sql = SQL.getOrDefault(request.getKey(), Map.of());
            double perRequest = sql.entrySet().stream().filter(e -> !e.getKey().startsWith("("))
                .mapToLong(e -> e.getValue().get()).sum() / (double) n;
            double commits = sql.getOrDefault("(commit)", new AtomicLong()).get() / (double) n;
            double connections = sql.getOrDefault("(connection from the pool)", new AtomicLong()).get() / (double) n;
            statements += Math.round(perRequest * n);
            report.row("request", request.getKey(), "requests", n, "statements a request", BenchReport.round(perRequest),
                "commits", BenchReport.round(commits), "connections", BenchReport.round(connections), "statement", "");
            System.out.printf("FlowStatementsBench %-50s %6.2f statements, %4.1f commits, %4.1f connections (%d requests)%n",
                request.getKey(), perRequest, commits, connections, n);
            if (verbose) {
                sql.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                    .forEach(s -> report.row("request", request.getKey(), "requests", n,
                        "statements a request", BenchReport.round(s.getValue().get() / (double) n), "commits", "",
                        "connections", "", "statement", "`" + s.getKey().replace("|", "\\|") + "`"));
            }
        }
        // one upload a flow
        long flows = REQUESTS.getOrDefault("POST /api/materials", new AtomicLong()).get();
        report.row("request", "a whole flow", "requests", flows, "statements a request",
            BenchReport.round(statements / (double) flows), "commits", "", "connections", "", "statement", "");
        System.out.printf("FlowStatementsBench a whole flow: %.1f statements (%d flows)%n", statements / (double) flows,
            flows);
    }

    /** Counts the statements of each request's thread: a filter before all others and a counting DataSource. */
    @TestConfiguration
    static class Counting {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    // the pool only: the engine's and MyBatis' wrappers around it would count each statement twice
                    return bean instanceof HikariDataSource ds ? proxy(DataSource.class, ds, null) : bean;
                }
            };
        }

        @Bean
        FilterRegistrationBean<Filter> countingFilter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                List<String> statements = new ArrayList<>();
                STATEMENTS.set(statements);
                try {
                    chain.doFilter(request, response);
                } finally {
                    STATEMENTS.remove();
                    var http = (jakarta.servlet.http.HttpServletRequest) request;
                    String key = http.getMethod() + " " + ID.matcher(http.getRequestURI()).replaceAll("/{id}");
                    REQUESTS.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
                    Map<String, AtomicLong> sql = SQL.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
                    statements.forEach(s -> sql.computeIfAbsent(s, k -> new AtomicLong()).incrementAndGet());
                }
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    /** A JDBC object whose statements (prepared, or run with their text) are counted on the current thread. */
    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, T target, String sql) {
        InvocationHandler handler = (p, method, args) -> {
            Object result = invoke(method, target, args);
            String name = method.getName();
            if (result instanceof Connection c && type == DataSource.class) {
                record("(connection from the pool)");
                return proxy(Connection.class, c, null);
            }
            if (type == Connection.class && name.equals("commit")) {
                record("(commit)");
            }
            if (result instanceof Statement s && type == Connection.class) {
                String text = args != null && args.length > 0 && args[0] instanceof String q ? q : null;
                Class<? extends Statement> kind = name.equals("prepareCall") ? java.sql.CallableStatement.class
                    : name.equals("prepareStatement") ? java.sql.PreparedStatement.class : Statement.class;
                return proxy((Class<Statement>) kind, s, text);
            }
            if (type != DataSource.class && type != Connection.class && name.startsWith("execute")) {
                String text = args != null && args.length > 0 && args[0] instanceof String q ? q : sql;
                String flat = SPACE.matcher(String.valueOf(text)).replaceAll(" ").trim();
                record(flat.length() > 200 ? flat.substring(0, 200) + "…" : flat);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(FlowStatementsBench.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static void record(String what) {
        List<String> statements = STATEMENTS.get();
        if (statements != null) {
            statements.add(what);
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
