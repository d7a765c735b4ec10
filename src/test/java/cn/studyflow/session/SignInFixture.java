package cn.studyflow.session;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Sessions with a day and a start, as the scheduling pages write them, and sessions still without a day. */
public final class SignInFixture {

    private SignInFixture() {
    }

    /** A scheduled session of {@code orgId} starting at {@code startsAt}, without a plan topic. */
    public static long session(DataSource db, long orgId, LocalDateTime startsAt, String title) {
        Map<String, Object> row = row(orgId, startsAt.toLocalDate(), title, "");
        row.put("session_date", startsAt.toLocalDate());
        row.put("start_time", startsAt.toLocalTime().withNano(0));
        return insert(db, row);
    }

    /**
     * A session of {@code orgId} in the month of {@code month} with its topic and no day yet, the row a plan's
     * approval leaves (without the plan itself), for the secretary to schedule.
     */
    public static long unscheduled(DataSource db, long orgId, LocalDate month, String title, String speaker) {
        return insert(db, row(orgId, month, title, speaker));
    }

    private static Map<String, Object> row(long orgId, LocalDate month, String title, String speaker) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("org_id", orgId);
        row.put("session_year", month.getYear());
        row.put("session_month", month.getMonthValue());
        row.put("title", title);
        row.put("format", "COLLECTIVE_STUDY");
        row.put("speaker", speaker);
        row.put("enlarged", false);
        row.put("status", SessionService.SCHEDULED);
        row.put("created_at", OffsetDateTime.now());
        return row;
    }

    private static long insert(DataSource db, Map<String, Object> row) {
        // a plain INSERT: SimpleJdbcInsert reads table metadata from the default schema, and the PostgreSQL tests
        // run in a schema of their own (search_path)
        String sql = "INSERT INTO sf_study_session (" + String.join(", ", row.keySet()) + ") VALUES ("
            + String.join(", ", row.keySet().stream().map(k -> "?").toList()) + ")";
        KeyHolder key = new GeneratedKeyHolder();
        new JdbcTemplate(db).update(con -> {
            var statement = con.prepareStatement(sql, new String[] {"id"});
            int i = 1;
            for (Object value : row.values()) {
                statement.setObject(i++, value);
            }
            return statement;
        }, key);
        return key.getKey().longValue();
    }
}
