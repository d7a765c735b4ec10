package cn.studyflow.assessment;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A county of a test's own with its publicity department and three towns, whose {@value #YEAR} is written straight to
 * the features' tables with figures worked out by hand (see {@link AssessmentTest}): 新安镇 with something of every
 * indicator, 东坝镇 with one perfect session, 南河镇 with nothing.
 */
record AssessedCounty(Org county, CurrentUser dept, Org xinan, CurrentUser xinanSecretary, CurrentUser xinanLeader,
                      Org dongba, CurrentUser dongbaSecretary, Org nanhe, CurrentUser[] members) {

    static final int YEAR = 2025;

    /**
     * 新安镇: sessions 3 held of 4 planned (a cancelled one left out); attendance 9 of 11 (one on leave excused,
     * a guest left out); make-ups 2 of 3; materials 1 of 3 cleared on time (one not yet due left out); audit points
     * 44 of 60; rectifications 1 of 2 on time; members on target 2 of 3 (as the credit ledger left them; one
     * without a target left out).
     */
    void writeFigures(JdbcTemplate jdbc) {
        CurrentUser[] m = members;
        long a = session(jdbc, xinan, LocalDate.of(YEAR, 2, 20), "HELD");
        long b = session(jdbc, xinan, LocalDate.of(YEAR, 5, 20), "HELD");
        long c = session(jdbc, xinan, LocalDate.of(YEAR, 8, 20), "HELD");
        session(jdbc, xinan, LocalDate.of(YEAR, 3, 25), "SCHEDULED");
        session(jdbc, xinan, LocalDate.of(YEAR, 11, 20), "CANCELLED");
        roster(jdbc, a, m[0], "PRESENT", false, m[1], "LATE", false, m[2], "LEAVE", true, m[3], "ABSENT", false);
        roster(jdbc, b, m[0], "PRESENT", false, m[1], "PRESENT", false, m[2], "PRESENT", false, m[3], "ABSENT", true);
        roster(jdbc, c, m[0], "PRESENT", false, m[1], "PRESENT", false, m[2], "PRESENT", false, m[3], "PRESENT", false);
        jdbc.update("INSERT INTO sf_session_person (session_id, person_id, part, attendance, made_up)"
            + " VALUES (?, ?, 'GUEST', 'PRESENT', FALSE)", c, dongbaSecretary.getPersonId());

        OffsetDateTime deadline = OffsetDateTime.of(YEAR, 2, 17, 18, 0, 0, 0, ZoneOffset.ofHours(8));
        material(jdbc, a, "ARCHIVED", deadline, deadline.minusDays(1));
        material(jdbc, a, "ARCHIVED", deadline, deadline.plusDays(1));
        material(jdbc, a, "SUBMITTED", deadline, null);
        material(jdbc, b, "DRAFT", OffsetDateTime.now().plusYears(100), null);

        long passed = audit(jdbc, a, "PASSED", null, null);
        record(jdbc, passed, m[0], 5, 4, 4, 3);
        record(jdbc, passed, m[1], 4, 4, 4, 4);
        long rectified = audit(jdbc, b, "RECTIFIED", LocalDate.of(YEAR, 6, 30),
            OffsetDateTime.of(YEAR, 6, 20, 10, 0, 0, 0, ZoneOffset.ofHours(8)));
        record(jdbc, rectified, m[0], 3, 3, 3, 3);
        audit(jdbc, c, "RECTIFYING", LocalDate.of(YEAR, 9, 30), null);
        audit(jdbc, c, "SCHEDULED", null, null);
        creditYear(jdbc, m[0], "SECTION", "12.00", "12");
        creditYear(jdbc, m[1], "SENIOR", "19.50", "18");
        creditYear(jdbc, m[2], "SECTION", "8.00", "12");
        creditYear(jdbc, m[3], "OTHER", "2.00", "0");

        long d = session(jdbc, dongba, LocalDate.of(YEAR, 4, 10), "HELD");
        jdbc.update("INSERT INTO sf_session_person (session_id, person_id, part, attendance, made_up)"
            + " VALUES (?, ?, 'MEMBER', 'PRESENT', FALSE)", d, dongbaSecretary.getPersonId());
    }

    private void creditYear(JdbcTemplate jdbc, CurrentUser member, String rank, String earned, String target) {
        jdbc.update("INSERT INTO sf_credit_year (person_id, credit_year, org_id, cadre_rank, earned, target,"
            + " refreshed_at) VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", member.getPersonId(), YEAR,
            xinan.getId(), rank, new java.math.BigDecimal(earned), new java.math.BigDecimal(target));
    }

    long session(JdbcTemplate jdbc, Org org, LocalDate day, String status) {
        String title = "学习贯彻党的二十届四中全会精神 " + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO sf_study_session (org_id, session_year, session_month, session_date, title, format,"
                + " speaker, enlarged, status, created_at, version) VALUES (?, ?, ?, ?, ?, 'COLLECTIVE_STUDY', '王建国',"
                + " FALSE, ?, CURRENT_TIMESTAMP, 0)",
            org.getId(), day.getYear(), day.getMonthValue(), Date.valueOf(day), title, status);
        return jdbc.queryForObject("SELECT id FROM sf_study_session WHERE title = ?", Long.class, title);
    }

    private static void roster(JdbcTemplate jdbc, long session, Object... rows) {
        for (int i = 0; i < rows.length; i += 3) {
            jdbc.update("INSERT INTO sf_session_person (session_id, person_id, part, attendance, made_up)"
                + " VALUES (?, ?, 'MEMBER', ?, ?)", session, ((CurrentUser) rows[i]).getPersonId(), rows[i + 1], rows[i + 2]);
        }
    }

    private void material(JdbcTemplate jdbc, long session, String status, OffsetDateTime deadline, OffsetDateTime archived) {
        jdbc.update("INSERT INTO sf_material (org_id, session_id, author_id, kind, title, status, current_version, deadline,"
                + " created_at, updated_at, archived_at, version) VALUES (?, ?, ?, 'SPEECH', '交流发言', ?, 1, ?,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, 0)",
            xinan.getId(), session, members[0].getPersonId(), status, Timestamp.from(deadline.toInstant()),
            archived == null ? null : Timestamp.from(archived.toInstant()));
    }

    private long audit(JdbcTemplate jdbc, long session, String status, LocalDate deadline, OffsetDateTime closed) {
        String title = "巡听 " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = jdbc.queryForObject("SELECT session_date FROM sf_study_session WHERE id = ?", LocalDate.class, session);
        jdbc.update("INSERT INTO sf_audit (dept_org_id, org_id, session_id, audit_mode, status, session_date, audit_year,"
                + " title, rectification_deadline, created_by, created_at, updated_at, closed_at, version)"
                + " VALUES (?, ?, ?, 'FIXED', ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, 0)",
            county.getId(), xinan.getId(), session, status, Date.valueOf(day), YEAR, title,
            deadline == null ? null : Date.valueOf(deadline), dept.getPersonId(),
            closed == null ? null : Timestamp.from(closed.toInstant()));
        return jdbc.queryForObject("SELECT id FROM sf_audit WHERE title = ?", Long.class, title);
    }

    private static void record(JdbcTemplate jdbc, long audit, CurrentUser auditor, int... scores) {
        jdbc.update("INSERT INTO sf_audit_record (audit_id, auditor_id, expected_attendance, actual_attendance,"
                + " score_preparation, score_discussion, score_discipline, score_application, findings, verdict, created_at)"
                + " VALUES (?, ?, 4, 4, ?, ?, ?, ?, '准备充分', 'PASS', CURRENT_TIMESTAMP)",
            audit, auditor.getPersonId(), scores[0], scores[1], scores[2], scores[3]);
    }
}
