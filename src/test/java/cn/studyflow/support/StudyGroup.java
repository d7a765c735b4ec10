package cn.studyflow.support;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.session.Part;
import cn.studyflow.session.Roster;
import java.sql.Date;
import java.sql.Time;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A town's study group of a test's own under 青州市委 (two leaders for 转办, a deputy, two secretaries, the office, two
 * members), and its sessions with a day, an hour and a roster, written as the session work schedules them: what the
 * tests of leave and make-up study stand on. Made by {@link StudyGroupTest}.
 */
public record StudyGroup(Org org, CurrentUser leader, CurrentUser leader2, CurrentUser deputy, CurrentUser secretary,
                         CurrentUser secretary2, CurrentUser office, CurrentUser member, CurrentUser member2,
                         Sessions sessions) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public List<CurrentUser> everyone() {
        return List.of(leader, leader2, deputy, secretary, secretary2, office, member, member2);
    }

    /** Sessions of the group, or of any organisation, written straight to the tables. */
    public record Sessions(JdbcTemplate jdbc, Roster roster, long orgId) {

        /** A scheduled session of the group starting at {@code startsAt}, with {@code onRoster} expected. */
        public long at(LocalDateTime startsAt, CurrentUser... onRoster) {
            return of(orgId, startsAt, onRoster);
        }

        /** A scheduled session of any organisation starting at {@code startsAt}, with {@code onRoster} expected. */
        public long of(long ofOrg, LocalDateTime startsAt, CurrentUser... onRoster) {
            String title = "学习贯彻党的二十届四中全会精神 " + UUID.randomUUID().toString().substring(0, 8);
            jdbc.update("INSERT INTO sf_study_session (org_id, session_year, session_month, session_date, start_time,"
                    + " title, format, speaker, enlarged, status, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                    + " FALSE, 'SCHEDULED', CURRENT_TIMESTAMP, 0)",
                ofOrg, startsAt.getYear(), startsAt.getMonthValue(), Date.valueOf(startsAt.toLocalDate()),
                Time.valueOf(startsAt.toLocalTime()), title, "COLLECTIVE_STUDY", "王建国");
            long id = jdbc.queryForObject("SELECT id FROM sf_study_session WHERE title = ?", Long.class, title);
            roster.add(Arrays.stream(onRoster).map(p -> Roster.expected(id, p.getPersonId(), Part.MEMBER)).toList());
            return id;
        }

        /** A session of the group that starts in {@code days} days (negative: ago) at nine. */
        public long inDays(int days, CurrentUser... onRoster) {
            return at(LocalDateTime.now(ZONE).toLocalDate().plusDays(days).atTime(9, 0), onRoster);
        }

        public void setStatus(long sessionId, String status) {
            jdbc.update("UPDATE sf_study_session SET status = ? WHERE id = ?", status, sessionId);
        }

        public void clearDay(long sessionId) {
            jdbc.update("UPDATE sf_study_session SET session_date = NULL, start_time = NULL WHERE id = ?", sessionId);
        }
    }
}
