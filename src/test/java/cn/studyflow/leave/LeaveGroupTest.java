package cn.studyflow.leave;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Roster;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The leave tests' base: a study group of the test's own under 青州市委 and a session in five days with a roster. */
abstract class LeaveGroupTest extends IntegrationTest {

    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected Roster roster;
    @Autowired protected Workflow workflow;
    @Autowired protected NotificationMapper notifications;

    protected LeaveFixture fixture;
    protected LeaveFixture.Group group;
    protected long sessionId;

    @BeforeEach
    void makeGroup() {
        fixture = new LeaveFixture(jdbc, roster);
        Org county = orgService.get(orgService.personByUsername("qz_dept").getOrgId());
        group = LeaveFixture.group(new LeaveFixture.People() {
            @Override
            public Org org(String name, OrgKind kind, Org parent) {
                return newOrg(name, kind, parent);
            }

            @Override
            public CurrentUser person(String prefix, Org org, Role... roles) {
                return newPerson(prefix, org, roles);
            }
        }, county);
        sessionId = fixture.sessionInDays(group, 5, group.member(), group.member2(), group.leader(), group.deputy());
    }

    /** The request's one open task. */
    protected TaskInfo current(Leave l) {
        List<TaskInfo> open = workflow.activeTasks(l.getProcessInstanceId());
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    /** How this person stands on the roster of the test's session. */
    protected Attendance attendance(CurrentUser who) {
        return roster.entry(sessionId, who.getPersonId()).orElseThrow().getAttendance();
    }

    protected Notification latest(CurrentUser who) {
        return notifications.selectByPerson(who.getPersonId(), 0, 1).get(0);
    }
}
