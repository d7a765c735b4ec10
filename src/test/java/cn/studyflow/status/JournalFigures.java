package cn.studyflow.status;

import cn.studyflow.org.Org;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BeanPropertyRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The dashboard's year figures computed on the fly from the journal, as StatusService did before the rollups:
 * grouped queries over a year of sf_instance and sf_stage with exact percentiles ({@code PERCENTILE_CONT}). What the
 * rollups are checked against in the tests, and measured against in {@code StatusLatencyBench}.
 */
public final class JournalFigures {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final NamedParameterJdbcTemplate jdbc;

    public JournalFigures(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The scope of a manager of {@code top}: its subtree, and what it oversees. */
    public static StatusScope subtree(Org top) {
        return new StatusScope(top.getId(), top.getPath() + "%", top.getPath() + "%", OffsetDateTime.now(ZONE));
    }

    /** Running, started, returned, completed and overdue per process, as the old dashboard counted them. */
    public Map<String, ProcessFigures> processes(StatusScope scope, int year) {
        String sql = "SELECT t.process_key, SUM(t.running) AS running, SUM(t.started) AS started,"
            + " SUM(t.returned) AS returned, SUM(t.completed) AS completed, SUM(t.overdue) AS overdue FROM ("
            + " SELECT i.process_key, COUNT(*) AS running, 0 AS started, 0 AS returned, 0 AS completed, 0 AS overdue"
            + " FROM sf_instance i WHERE i.state = 'RUNNING' AND " + scope("i", scope) + " GROUP BY i.process_key"
            + " UNION ALL SELECT i.process_key, 0, COUNT(*), SUM(CASE WHEN i.returns > 0 THEN 1 ELSE 0 END), 0, 0"
            + " FROM sf_instance i WHERE i.started_at >= :from AND i.started_at < :to AND " + scope("i", scope)
            + " GROUP BY i.process_key"
            + " UNION ALL SELECT i.process_key, 0, 0, 0, COUNT(*), 0 FROM sf_instance i"
            + " WHERE i.ended_at >= :from AND i.ended_at < :to AND i.state = 'COMPLETED' AND " + scope("i", scope)
            + " GROUP BY i.process_key"
            + " UNION ALL SELECT s.process_key, 0, 0, 0, 0, COUNT(*) FROM sf_stage s"
            + " WHERE s.outcome IS NULL AND s.due_at < :now AND " + scope("s", scope) + " GROUP BY s.process_key"
            + ") t GROUP BY t.process_key ORDER BY t.process_key";
        Map<String, ProcessFigures> figures = new LinkedHashMap<>();
        jdbc.query(sql, params(scope, year), new BeanPropertyRowMapper<>(ProcessFigures.class))
            .forEach(f -> figures.put(f.getProcessKey(), f));
        return figures;
    }

    /** Decided, median and 90th percentile per process and step, exact. */
    public Map<String, StageFigures> stages(StatusScope scope, int year) {
        String sql = "SELECT s.process_key, s.step, MAX(s.step_name) AS step_name, COUNT(*) AS decided,"
            + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY s.duration_ms) AS median_ms,"
            + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY s.duration_ms) AS p90_ms"
            + " FROM sf_stage s WHERE s.outcome = 'COMPLETED' AND s.ended_at >= :from AND s.ended_at < :to AND "
            + scope("s", scope) + " GROUP BY s.process_key, s.step";
        Map<String, StageFigures> figures = new LinkedHashMap<>();
        List<StageFigures> rows = jdbc.query(sql, params(scope, year), new BeanPropertyRowMapper<>(StageFigures.class));
        rows.forEach(f -> figures.put(f.getProcessKey() + "/" + f.getStep(), f));
        return figures;
    }

    /** The durations of one step decided in the year, shortest first: what the exact percentiles are taken of. */
    public List<Long> durations(StatusScope scope, int year, String process, String step) {
        return jdbc.queryForList("SELECT s.duration_ms FROM sf_stage s WHERE s.outcome = 'COMPLETED' AND s.ended_at >= :from"
            + " AND s.ended_at < :to AND s.process_key = :process AND s.step = :step AND " + scope("s", scope)
            + " ORDER BY s.duration_ms", params(scope, year).addValue("process", process).addValue("step", step), Long.class);
    }

    private static String scope(String a, StatusScope scope) {
        String org = scope.pathPattern() != null ? a + ".org_path LIKE :path" : a + ".org_id = :org";
        return org + " AND (" + a + ".hidden_until IS NULL OR " + a + ".hidden_until <= :now OR " + a
            + ".overseer_path LIKE :overseer)";
    }

    private static MapSqlParameterSource params(StatusScope scope, int year) {
        return new MapSqlParameterSource().addValue("path", scope.pathPattern(), Types.VARCHAR)
            .addValue("org", scope.orgId(), Types.BIGINT).addValue("overseer", scope.overseerPattern(), Types.VARCHAR)
            .addValue("now", scope.now())
            .addValue("from", LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toOffsetDateTime())
            .addValue("to", LocalDate.of(year + 1, 1, 1).atStartOfDay(ZONE).toOffsetDateTime());
    }
}
