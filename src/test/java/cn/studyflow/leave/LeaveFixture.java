package cn.studyflow.leave;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.session.Part;
import cn.studyflow.session.Roster;
import java.sql.Date;
import java.sql.Time;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A study group of its own for each leave test (so that counts and notifications are the test's), and sessions
 * with a day, an hour and a roster, written as the session work schedules them.
 */
final class LeaveFixture {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A town's center group under 青州市委: two leaders (for 转办), a deputy, the secretary, the office, two members. */
    record Group(Org org, CurrentUser leader, CurrentUser leader2, CurrentUser deputy, CurrentUser secretary,
                 CurrentUser office, CurrentUser member, CurrentUser member2) {

        List<CurrentUser> everyone() {
            return List.of(leader, leader2, deputy, secretary, office, member, member2);
        }
    }

    interface People {
        Org org(String name, OrgKind kind, Org parent);

        CurrentUser person(String prefix, Org org, Role... roles);
    }

    private final JdbcTemplate jdbc;
    private final Roster roster;

    LeaveFixture(JdbcTemplate jdbc, Roster roster) {
        this.jdbc = jdbc;
        this.roster = roster;
    }

    static Group group(People people, Org county) {
        Org town = people.org("请假测试镇党委", OrgKind.TOWN, county);
        return new Group(town, people.person("lvleader", town, Role.LEADER), people.person("lvleader2b", town, Role.LEADER),
            people.person("lvdeputy", town, Role.DEPUTY), people.person("lvsecretary", town, Role.SECRETARY),
            people.person("lvoffice", town, Role.OFFICE), people.person("lvmember", town, Role.MEMBER),
            people.person("lvmember2b", town, Role.MEMBER));
    }

    /** A scheduled session of the group starting at {@code startsAt}, with {@code onRoster} expected. */
    long session(Group group, LocalDateTime startsAt, CurrentUser... onRoster) {
        return session(group.org().getId(), startsAt, onRoster);
    }

    /** A scheduled session of any organisation starting at {@code startsAt}, with {@code onRoster} expected. */
    long session(long orgId, LocalDateTime startsAt, CurrentUser... onRoster) {
        String title = "学习贯彻党的二十届四中全会精神 " + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO sf_study_session (org_id, session_year, session_month, session_date, start_time, title,"
                + " format, speaker, enlarged, status, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE,"
                + " 'SCHEDULED', CURRENT_TIMESTAMP, 0)",
            orgId, startsAt.getYear(), startsAt.getMonthValue(), Date.valueOf(startsAt.toLocalDate()),
            Time.valueOf(startsAt.toLocalTime()), title, "COLLECTIVE_STUDY", "王建国");
        long id = jdbc.queryForObject("SELECT id FROM sf_study_session WHERE title = ?", Long.class, title);
        roster.add(java.util.Arrays.stream(onRoster).map(p -> Roster.expected(id, p.getPersonId(), Part.MEMBER)).toList());
        return id;
    }

    /** A session of the group that starts in {@code days} days at nine. */
    long sessionInDays(Group group, int days, CurrentUser... onRoster) {
        return session(group, LocalDateTime.now(ZONE).toLocalDate().plusDays(days).atTime(9, 0), onRoster);
    }

    void setStatus(long sessionId, String status) {
        jdbc.update("UPDATE sf_study_session SET status = ? WHERE id = ?", status, sessionId);
    }

    void clearDay(long sessionId) {
        jdbc.update("UPDATE sf_study_session SET session_date = NULL, start_time = NULL WHERE id = ?", sessionId);
    }

    int leavesOf(CurrentUser person) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sf_leave WHERE person_id = ?", Integer.class, person.getPersonId());
    }

    static LeaveForm trip() {
        return new LeaveForm(LeaveReason.WORK_TRIP, "赴省城参加招商推介会");
    }
}
