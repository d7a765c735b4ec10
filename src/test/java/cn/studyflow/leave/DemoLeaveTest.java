package cn.studyflow.leave;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.session.Roster;
import cn.studyflow.support.DemoCast;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.StudyGroup;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo's leave: filed for 卞桥镇's member when a coming session has them on its roster, and only then. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoLeaveTest extends IntegrationTest {

    @Autowired DemoLeave demo;
    @Autowired LeaveService leaves;
    @Autowired TasklistService tasks;
    @Autowired JdbcTemplate jdbc;
    @Autowired Roster roster;

    @Test
    @Order(1)
    void withoutAComingSessionForTheMemberNothingIsFiled() {
        CurrentUser member = user(DemoLeave.MEMBER);
        // the case of a member with no coming session: one that a test run before left in this shared database
        // (DemoLecturesTest puts the member on a session in ten days) is cancelled first
        jdbc.update("UPDATE sf_study_session SET status = 'CANCELLED' WHERE status = 'SCHEDULED' AND session_date >= ?"
            + " AND id IN (SELECT session_id FROM sf_session_person WHERE person_id = ?)",
            LocalDate.now(StudyGroup.ZONE), member.getPersonId());
        int before = new LeaveFixture(jdbc).leavesOf(member);

        assertThat(demo.file()).isEmpty();

        assertThat(new LeaveFixture(jdbc).leavesOf(member)).isEqualTo(before);
    }

    @Test
    @Order(2)
    void theMembersLeaveWaitsForTheLeaderOfTheNextSessionTheyAreOn() {
        CurrentUser member = user(DemoLeave.MEMBER);
        CurrentUser leader = user(DemoOrg.BQ.username(Role.LEADER));
        StudyGroup.Sessions sessions = new StudyGroup.Sessions(jdbc, roster, member.getOrgId());
        LocalDateTime soon = LocalDateTime.now(StudyGroup.ZONE).plusDays(3).withHour(9).withMinute(0);
        long next = sessions.at(soon, member, user(DemoCast.BQ_MEMBER2));
        sessions.at(soon.plusDays(20), member);

        Optional<Leave> filed = demo.file();

        assertThat(filed).isPresent();
        Leave l = leaves.get(filed.get().getId(), leader);
        assertThat(l.getSessionId()).isEqualTo(next);
        assertThat(l.getApplicantUsername()).isEqualTo(DemoLeave.MEMBER);
        assertThat(l.getStatus()).isEqualTo(LeaveStatus.PENDING);
        assertThat(tasks.list(leader, TaskFilter.View.ALL, LeaveRequestProcess.KEY, null, null,
                TaskFilter.Sort.CREATED, false, 0, 100).items()).extracting(TaskInfo::businessKey)
            .contains("LEAVE:" + l.getId());
        assertThat(demo.file()).as("a restart files nothing more").isEmpty();
    }
}
