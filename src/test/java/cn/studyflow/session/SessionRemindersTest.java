package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A session still scheduled three days after its day reminds its secretaries, once, however often the job runs. */
class SessionRemindersTest extends IntegrationTest {

    /** A day far from every other test's sessions, so that the job finds only this test's. */
    static final LocalDate DAY = LocalDate.of(2001, 3, 10);

    @Autowired SessionReminders reminders;
    @Autowired JdbcTemplate jdbc;

    SessionRows rows;
    Org town;
    CurrentUser secretary;

    @BeforeEach
    void town() {
        rows = new SessionRows(jdbc);
        town = newOrg("测试镇党委", OrgKind.TOWN, orgService.get(user("qz_dept").getOrgId()));
        secretary = newPerson("sec", town, Role.SECRETARY);
        newPerson("mem", town, Role.MEMBER);
        // sessions other tests left behind are not this test's to remind
        reminders.remindOverdue(DAY.minusDays(1));
    }

    @Test
    void theSecretaryIsRemindedOnceThreeDaysAfterTheDayOfASessionNotMarkedHeld() {
        long forgotten = rows.session(town.getId(), "忘记标记的学习会", DAY);
        long held = rows.session(town.getId(), "已举行的学习会", DAY);
        jdbc.update("UPDATE sf_study_session SET status = 'HELD' WHERE id = ?", held);

        assertThat(reminders.remindOverdue(DAY.plusDays(2))).as("two days after: not yet").isZero();
        assertThat(notifications()).isEmpty();

        assertThat(reminders.remindOverdue(DAY.plusDays(3))).isEqualTo(1);
        assertThat(reminders.remindOverdue(DAY.plusDays(4))).as("the next run, or another node").isZero();

        assertThat(notifications()).singleElement().satisfies(link -> assertThat(link).isEqualTo("/sessions/" + forgotten));
    }

    @Test
    void aReminderAnotherNodeClaimedFirstIsNotSentAgain() {
        long id = rows.session(town.getId(), "两个节点", DAY);
        StudySession seenByBoth = jdbc.queryForObject("SELECT * FROM sf_study_session WHERE id = ?",
            (rs, n) -> {
                StudySession s = new StudySession();
                s.setId(rs.getLong("id"));
                s.setOrgId(rs.getLong("org_id"));
                s.setTitle(rs.getString("title"));
                s.setSessionDate(rs.getObject("session_date", LocalDate.class));
                return s;
            }, id);

        assertThat(reminders.remind(seenByBoth)).as("the first node").isTrue();
        assertThat(reminders.remind(seenByBoth)).as("the second node, which read the row before the claim").isFalse();
        assertThat(notifications()).hasSize(1);
    }

    private List<String> notifications() {
        return jdbc.queryForList("SELECT link FROM sf_notification WHERE person_id = ? AND message_key = ?", String.class,
            secretary.getPersonId(), "sessionrecord.notify.notHeld");
    }
}
