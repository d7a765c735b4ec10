package cn.studyflow.session;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/** Sessions with a day and a start, as the scheduling pages will write them, for the sign-in tests. */
public final class SignInFixture {

    private SignInFixture() {
    }

    /** A scheduled session of {@code orgId} starting at {@code startsAt}, without a plan topic. */
    public static long session(DataSource db, long orgId, LocalDateTime startsAt, String title) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("org_id", orgId);
        row.put("session_year", startsAt.getYear());
        row.put("session_month", startsAt.getMonthValue());
        row.put("session_date", startsAt.toLocalDate());
        row.put("start_time", startsAt.toLocalTime().withNano(0));
        row.put("title", title);
        row.put("format", "COLLECTIVE_STUDY");
        row.put("speaker", "");
        row.put("enlarged", false);
        row.put("status", SessionService.SCHEDULED);
        row.put("created_at", OffsetDateTime.now());
        return new SimpleJdbcInsert(db).withTableName("sf_study_session").usingGeneratedKeyColumns("id")
            .usingColumns(row.keySet().toArray(String[]::new)).executeAndReturnKey(row).longValue();
    }
}
