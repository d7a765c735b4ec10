package cn.studyflow.session;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sessions and rosters written straight into the tables, as scheduling and sign-in would leave them. */
final class SessionRows {

    private final JdbcTemplate jdbc;

    SessionRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A session without a plan topic of {@code orgId} on {@code day} (or with only a month when null). */
    long session(long orgId, String title, LocalDate day, int year, int month, String status) {
        jdbc.update("INSERT INTO sf_study_session (org_id, session_year, session_month, title, format, speaker, enlarged,"
                + " status, created_at, session_date, place) VALUES (?, ?, ?, ?, 'COLLECTIVE_STUDY', '书记', FALSE, ?, ?, ?, ?)",
            orgId, year, month, title, status, OffsetDateTime.now(), day, "党委会议室");
        return jdbc.queryForObject("SELECT MAX(id) FROM sf_study_session WHERE org_id = ? AND title = ?", Long.class,
            orgId, title);
    }

    long session(long orgId, String title, LocalDate day) {
        return session(orgId, title, day, day.getYear(), day.getMonthValue(), SessionService.SCHEDULED);
    }

    void roster(long sessionId, long personId, Part part, Attendance attendance) {
        jdbc.update("INSERT INTO sf_session_person (session_id, person_id, part, attendance, made_up) VALUES (?, ?, ?, ?, FALSE)",
            sessionId, personId, part.name(), attendance.name());
    }

    Attendance attendance(long sessionId, long personId) {
        return Attendance.valueOf(jdbc.queryForObject(
            "SELECT attendance FROM sf_session_person WHERE session_id = ? AND person_id = ?", String.class, sessionId, personId));
    }

    int version(long sessionId) {
        return jdbc.queryForObject("SELECT version FROM sf_study_session WHERE id = ?", Integer.class, sessionId);
    }

    String status(long sessionId) {
        return jdbc.queryForObject("SELECT status FROM sf_study_session WHERE id = ?", String.class, sessionId);
    }

    List<String> actions(long sessionId) {
        return jdbc.queryForList("SELECT action FROM sf_action WHERE subject_type = 'SESSION' AND subject_id = ? ORDER BY id",
            String.class, sessionId);
    }
}
