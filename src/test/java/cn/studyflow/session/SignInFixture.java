package cn.studyflow.session;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

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
        return new SimpleJdbcInsert(db).withTableName("sf_study_session").usingGeneratedKeyColumns("id")
            .usingColumns(row.keySet().toArray(String[]::new)).executeAndReturnKey(row).longValue();
    }
}
