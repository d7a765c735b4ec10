package cn.studyflow.makeup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.Role;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Roster;
import cn.studyflow.support.DemoCast;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.StudyGroup;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's make-up: filed for 卞桥镇's second member for a held session they missed, submitted and waiting for
 * the secretary in her tasklist; nothing for a member who missed none, and nothing twice.
 */
class DemoMakeupTest extends IntegrationTest {

    @Autowired DemoMakeup demo;
    @Autowired MakeupService makeups;
    @Autowired TasklistService tasks;
    @Autowired JdbcTemplate jdbc;
    @Autowired Roster roster;

    @Test
    void aMemberWhoMissedNoHeldSessionGetsNone() {
        Org bq = orgService.get(user(DemoCast.BQ_MEMBER2).getOrgId());
        CurrentUser newcomer = newPerson("bqnew", bq, Role.MEMBER);

        assertThat(demo.file(newcomer.getUsername())).isEmpty();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sf_makeup WHERE person_id = ?", Integer.class,
            newcomer.getPersonId())).isZero();
    }

    @Test
    void theSecondMembersMakeupOfAMissedSessionWaitsForTheSecretary() {
        CurrentUser member = user(DemoMakeup.MEMBER);
        CurrentUser secretary = user(DemoOrg.BQ.username(Role.SECRETARY));
        StudyGroup.Sessions sessions = new StudyGroup.Sessions(jdbc, roster, member.getOrgId());
        long missed = sessions.inDays(-1, member, secretary);
        roster.change(missed, secretary.getPersonId(), Attendance.EXPECTED, Attendance.PRESENT, null, null);
        jdbc.update("UPDATE sf_study_session SET status = 'HELD' WHERE id = ?", missed);
        roster.change(missed, member.getPersonId(), Attendance.EXPECTED, Attendance.ABSENT, null, null);

        Optional<Makeup> filed = demo.file(DemoMakeup.MEMBER);

        assertThat(filed).isPresent();
        Makeup m = makeups.get(filed.get().getId(), secretary);
        assertThat(m.getMemberUsername()).isEqualTo(DemoMakeup.MEMBER);
        assertThat(m.getStatus()).isEqualTo(MakeupStatus.SUBMITTED);
        assertThat(m.getNotes()).hasSizeGreaterThanOrEqualTo(300);
        assertThat(makeups.currentSteps(m)).extracting(TaskInfo::step).containsExactly(MakeupStudyProcess.TASK_CHECK);
        assertThat(tasks.list(secretary, TaskFilter.View.ALL, MakeupStudyProcess.KEY, null, null,
                TaskFilter.Sort.CREATED, false, 0, 100).items()).extracting(TaskInfo::businessKey)
            .contains("MAKEUP:" + m.getId());
        assertThat(demo.file(DemoMakeup.MEMBER)).as("a restart files nothing more").isEmpty();
    }
}
