package cn.studyflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database the integration tests use: H2 in memory by default, or the machine's PostgreSQL when the
 * system property {@code studyflow.test.database} is {@code postgres} (the pom's second Surefire run).
 * Each Spring context gets a schema of its own, dropped when the JVM ends. Without a reachable PostgreSQL
 * the tests are skipped with the reason, except under CI=true, where they fail.
 */
public final class TestDatabase implements ExecutionCondition {

    static final String URL = System.getProperty("studyflow.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("studyflow.test.postgres.user", "postgres");
    static final String PASSWORD = System.getProperty("studyflow.test.postgres.password", "");

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("studyflow.test.database"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!postgres()) {
            return ConditionEvaluationResult.enabled("H2 in memory");
        }
        String unreachable = unreachable();
        return unreachable == null ? ConditionEvaluationResult.enabled("PostgreSQL at " + URL)
            : ConditionEvaluationResult.disabled(unreachable);
    }

    /** For tests that always need PostgreSQL: skips them with the reason when it is down (fails under CI=true). */
    public static void assumePostgres() {
        String unreachable = unreachable();
        org.junit.jupiter.api.Assumptions.assumeTrue(unreachable == null, unreachable);
    }

    /** Null when PostgreSQL answers; else why not. Under CI=true an unreachable server is an error. */
    private static String unreachable() {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return null;
        } catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + "); "
                + "bash .ci/run starts it";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason, e);
            }
            return reason;
        }
    }

    /** A fresh schema name for a test that runs its own nodes; the schema is dropped when the JVM ends. */
    public static String freshSchema(String prefix) {
        String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        createSchema(schema);
        return schema;
    }

    public static String urlOf(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Points the context at a fresh PostgreSQL schema when the PostgreSQL run is on. */
    public static void register(DynamicPropertyRegistry registry) {
        if (postgres()) {
            registerPostgres(registry);
        }
    }

    /** Points the context at a fresh PostgreSQL schema, whichever run this is. */
    public static void registerPostgres(DynamicPropertyRegistry registry) {
        postgresProperties().forEach(registry::add);
    }

    /** The properties of a fresh PostgreSQL schema; the schema is made when the datasource URL is first read. */
    private static Map<String, Supplier<Object>> postgresProperties() {
        String schema = "sf_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", () -> createSchema(schema));
        properties.put("spring.datasource.username", () -> USER);
        properties.put("spring.datasource.password", () -> PASSWORD);
        properties.put("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
        // the engine looks for its tables in this schema only; else the ACT_* tables of another run's schema in
        // the same database make it skip creating its own
        properties.put("camunda.bpm.database.schema-name", () -> schema);
        properties.put("camunda.bpm.database.table-prefix", () -> schema + ".");
        return properties;
    }

    /**
     * For contexts declared by an annotation, which cannot carry a {@code @DynamicPropertySource} (see
     * {@link MapperTest}): in the PostgreSQL run, points the context at a fresh schema of its own.
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (postgres()) {
                Map<String, Object> values = new LinkedHashMap<>();
                postgresProperties().forEach((name, value) -> values.put(name, value.get()));
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("studyflow-test-postgres", values));
            }
        }
    }

    private static String createSchema(String schema) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema + " at " + URL, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(schema)));
        return urlOf(schema);
    }

    private static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // the next run's schemas have other names; a left-over schema harms nothing
        }
    }
}
