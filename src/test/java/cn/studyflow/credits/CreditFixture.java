package cn.studyflow.credits;

import cn.studyflow.org.CadreRank;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Part;
import cn.studyflow.support.StudyGroupTest;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The base of the credits tests: a study group of the test's own, and what happened to its people written straight
 * into the features' tables (held sessions with their rosters, approved materials, make-ups), as each feature leaves
 * them, so that the figures credits draws from them can be worked out by hand.
 */
abstract class CreditFixture extends StudyGroupTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired protected CreditLedger ledger;
    @Autowired protected CreditStandings standings;

    protected void rank(CurrentUser who, CadreRank rank) {
        jdbc.update("UPDATE sf_person SET cadre_rank = ? WHERE id = ?", rank.name(), who.getPersonId());
    }

    /** A session of the group held on {@code day} from {@code start} to {@code end}; nobody on its roster yet. */
    protected long held(LocalDate day, LocalTime start, LocalTime end) {
        long id = group.sessions().at(LocalDateTime.of(day, start));
        jdbc.update("UPDATE sf_study_session SET status = 'HELD', end_time = ? WHERE id = ?", Time.valueOf(end), id);
        return id;
    }

    /** Puts {@code who} on the session's roster in {@code part}, attending as {@code attendance}. */
    protected void attended(long sessionId, CurrentUser who, Part part, Attendance attendance) {
        jdbc.update("INSERT INTO sf_session_person (session_id, person_id, part, attendance, made_up) VALUES (?, ?, ?, ?, FALSE)",
            sessionId, who.getPersonId(), part.name(), attendance.name());
    }

    /** A material of {@code author} at the session, in {@code status}, archived on {@code archivedOn} (null: never). */
    protected long material(long sessionId, CurrentUser author, String kind, String status, LocalDate archivedOn) {
        String title = "学习材料 " + UUID.randomUUID().toString().substring(0, 8);
        Timestamp archived = archivedOn == null ? null : Timestamp.from(archivedOn.atTime(15, 0).atZone(ZONE).toInstant());
        jdbc.update("INSERT INTO sf_material (org_id, session_id, author_id, kind, title, status, current_version, deadline,"
                + " created_at, updated_at, archived_at, version) VALUES (?, ?, ?, ?, ?, ?, 1, CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, 0)",
            group.org().getId(), sessionId, author.getPersonId(), kind, title, status, archived);
        return jdbc.queryForObject("SELECT id FROM sf_material WHERE title = ?", Long.class, title);
    }

    /** A make-up of {@code who} for the session in {@code status}, decided on {@code decidedOn} (null: not yet). */
    protected long makeup(long sessionId, CurrentUser who, String status, LocalDate createdOn, LocalDate decidedOn) {
        Timestamp created = Timestamp.from(createdOn.atTime(10, 0).atZone(ZONE).toInstant());
        Timestamp decided = decidedOn == null ? null : Timestamp.from(decidedOn.atTime(16, 0).atZone(ZONE).toInstant());
        jdbc.update("INSERT INTO sf_makeup (org_id, session_id, person_id, absence, status, due_at, decided_at, created_at,"
                + " updated_at, version) VALUES (?, ?, ?, 'LEAVE', ?, ?, ?, ?, ?, 0)",
            group.org().getId(), sessionId, who.getPersonId(), status, created, decided, created, created);
        return jdbc.queryForObject("SELECT id FROM sf_makeup WHERE session_id = ? AND person_id = ?", Long.class,
            sessionId, who.getPersonId());
    }

    protected CreditStanding standing(CurrentUser who, int year) {
        return standings.ofOrg(group.org().getId(), year).stream().filter(s -> s.personId() == who.getPersonId())
            .findFirst().orElseThrow();
    }
}
