package cn.studyflow.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes journal and domain rows with known values straight into the tables, so that the managers' figures can
 * be checked against answers worked out by hand. Public for the features' mapper tests, which count the
 * dashboard's plan, session and audit columns over the same rows.
 */
public final class StatusFixture {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final CurrentUser creator;

    public StatusFixture(JdbcTemplate jdbc, CurrentUser creator) {
        this.jdbc = jdbc;
        this.creator = creator;
    }

    public static OffsetDateTime at(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(ZONE).toOffsetDateTime();
    }

    /** An instance of {@code org}; {@code ended} null while it runs. */
    String instance(Org org, String process, String state, String started, String ended, int returns, int withdrawals) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO sf_instance (id, process_key, definition_id, business_key, org_id, org_path, title, state,"
                + " returns, withdrawals, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            id, process, process + ":1:x", "TEST:" + id.substring(0, 8), org.getId(), org.getPath(),
            "测试 " + process + " " + id.substring(0, 8),
            state, returns, withdrawals, ts(started), ended == null ? null : ts(ended));
        return id;
    }

    /** Hides an instance and its stages from its organisation's people until {@code until}; {@code overseer} sees it. */
    void hide(String instanceId, Org overseer, String until) {
        jdbc.update("UPDATE sf_instance SET overseer_path = ?, hidden_until = ? WHERE id = ?", overseer.getPath(), ts(until),
            instanceId);
        jdbc.update("UPDATE sf_stage SET overseer_path = ?, hidden_until = ? WHERE instance_id = ?", overseer.getPath(),
            ts(until), instanceId);
    }

    /** A stage decided {@code hours} after it was created. */
    void decided(String instanceId, String step, String created, double hours) {
        OffsetDateTime start = at(created);
        long ms = Math.round(hours * 3_600_000);
        stage(instanceId, step, start, null, start.plusNanos(ms * 1_000_000), ms, "COMPLETED");
    }

    /** A stage open now; {@code due} may be null. */
    void open(String instanceId, String step, String created, String due) {
        stage(instanceId, step, at(created), due == null ? null : at(due), null, null, null);
    }

    private void stage(String instanceId, String step, OffsetDateTime created, OffsetDateTime due, OffsetDateTime ended,
                       Long ms, String outcome) {
        jdbc.update("INSERT INTO sf_stage (task_id, instance_id, process_key, step, step_name, org_id, org_path, created_at,"
                + " due_at, ended_at, duration_ms, outcome) SELECT ?, i.id, i.process_key, ?, ?, i.org_id, i.org_path, ?, ?, ?, ?, ?"
                + " FROM sf_instance i WHERE i.id = ?",
            UUID.randomUUID().toString(), step, step + "名", ts(created), ts(due), ts(ended), ms, outcome, instanceId);
    }

    public long annualPlan(Org org, int year, String status) {
        jdbc.update("INSERT INTO sf_plan (org_id, kind, plan_year, annual_key, title, status, revision, created_by,"
                + " created_at, updated_at) VALUES (?, 'ANNUAL', ?, ?, ?, ?, 1, ?, ?, ?)",
            org.getId(), year, org.getId() + "-" + year, org.getName() + year, status, creator.getPersonId(), now(), now());
        return jdbc.queryForObject("SELECT id FROM sf_plan WHERE annual_key = ?", Long.class, org.getId() + "-" + year);
    }

    public long session(Org org, long planId, int topic, int year, int month, LocalDate date) {
        jdbc.update("INSERT INTO sf_study_session (org_id, plan_id, topic_key, session_year, session_month, title, format,"
                + " speaker, enlarged, status, created_at, session_date) VALUES (?, ?, ?, ?, ?, ?, 'COLLECTIVE_STUDY', '书记', FALSE,"
                + " 'SCHEDULED', ?, ?)", org.getId(), planId, topic, year, month, "专题" + topic, now(), date);
        return jdbc.queryForObject("SELECT id FROM sf_study_session WHERE plan_id = ? AND topic_key = ?", Long.class, planId,
            topic);
    }

    /** Marks a session held, as its secretary does after it. */
    public void held(long sessionId) {
        jdbc.update("UPDATE sf_study_session SET status = 'HELD', held_at = ? WHERE id = ?", now(), sessionId);
    }

    /** Puts a person on a session's roster with their attendance. */
    public void attendance(long sessionId, long personId, String part, String attendance) {
        jdbc.update("INSERT INTO sf_session_person (session_id, person_id, part, attendance, made_up) VALUES (?, ?, ?, ?, FALSE)",
            sessionId, personId, part, attendance);
    }

    /** An audit of {@code org}'s session with one record per score (each of the four scores the same). */
    public void audit(Org dept, Org org, long sessionId, int year, String status, CurrentUser[] auditors, int... scores) {
        jdbc.update("INSERT INTO sf_audit (dept_org_id, org_id, session_id, audit_mode, status, session_date, audit_year,"
                + " title, created_by, created_at, updated_at) VALUES (?, ?, ?, 'FIXED', ?, ?, ?, ?, ?, ?, ?)",
            dept.getId(), org.getId(), sessionId, status, LocalDate.of(year, 6, 1), year, "巡听" + sessionId,
            creator.getPersonId(), now(), now());
        long auditId = jdbc.queryForObject("SELECT MAX(id) FROM sf_audit WHERE session_id = ?", Long.class, sessionId);
        for (int i = 0; i < scores.length; i++) {
            int s = scores[i];
            jdbc.update("INSERT INTO sf_audit_record (audit_id, auditor_id, expected_attendance, actual_attendance,"
                    + " score_preparation, score_discussion, score_discipline, score_application, findings, verdict,"
                    + " created_at) VALUES (?, ?, 10, 9, ?, ?, ?, ?, '发现', 'PASS', ?)",
                auditId, auditors[i].getPersonId(), s, s, s, s, now());
        }
    }

    private static Timestamp ts(String dateTime) {
        return ts(at(dateTime));
    }

    private static Timestamp ts(OffsetDateTime time) {
        return time == null ? null : Timestamp.from(time.toInstant());
    }

    private static Timestamp now() {
        return Timestamp.from(OffsetDateTime.now().toInstant());
    }
}
