package cn.studyflow.leave;

import cn.studyflow.org.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the leave tests count and file; their group and sessions are {@link cn.studyflow.support.StudyGroup}'s. */
final class LeaveFixture {

    private final JdbcTemplate jdbc;

    LeaveFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int leavesOf(CurrentUser person) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sf_leave WHERE person_id = ?", Integer.class, person.getPersonId());
    }

    static LeaveForm trip() {
        return new LeaveForm(LeaveReason.WORK_TRIP, "赴省城参加招商推介会");
    }
}
