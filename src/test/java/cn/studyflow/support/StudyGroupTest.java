package cn.studyflow.support;

import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Roster;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The base of tests that need a study group of their own under 青州市委 ({@link StudyGroup}), so that counts and
 * notifications are the test's: who is told what, and how a person stands on a session's roster.
 */
public abstract class StudyGroupTest extends IntegrationTest {

    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected Roster roster;
    @Autowired protected Workflow workflow;
    @Autowired protected NotificationMapper notifications;

    protected StudyGroup group;

    /** The name of the group's town, which says whose tests made it. */
    protected abstract String townName();

    @BeforeEach
    void makeGroup() {
        Org county = orgService.get(orgService.personByUsername("qz_dept").getOrgId());
        Org town = newOrg(townName(), OrgKind.TOWN, county);
        group = new StudyGroup(town, newPerson("gleader", town, Role.LEADER), newPerson("gleader2b", town, Role.LEADER),
            newPerson("gdeputy", town, Role.DEPUTY), newPerson("gsecretary", town, Role.SECRETARY),
            newPerson("gsecretary2b", town, Role.SECRETARY), newPerson("goffice", town, Role.OFFICE),
            newPerson("gmember", town, Role.MEMBER), newPerson("gmember2b", town, Role.MEMBER),
            new StudyGroup.Sessions(jdbc, roster, town.getId()));
    }

    /** The one open task of an instance. */
    protected TaskInfo onlyTask(String processInstanceId) {
        List<TaskInfo> open = workflow.activeTasks(processInstanceId);
        Assertions.assertThat(open).hasSize(1);
        return open.get(0);
    }

    /** How this person stands on the roster of a session. */
    protected Attendance attendance(long sessionId, CurrentUser who) {
        return roster.entry(sessionId, who.getPersonId()).orElseThrow().getAttendance();
    }

    protected Notification latest(CurrentUser who) {
        return notifications.selectByPerson(who.getPersonId(), 0, 1).get(0);
    }
}
