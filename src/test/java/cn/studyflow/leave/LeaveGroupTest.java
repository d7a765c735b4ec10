package cn.studyflow.leave;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.Attendance;
import cn.studyflow.support.StudyGroupTest;
import cn.studyflow.workflow.TaskInfo;
import org.junit.jupiter.api.BeforeEach;

/** The leave tests' base: a study group of the test's own under 青州市委 and a session in five days with a roster. */
abstract class LeaveGroupTest extends StudyGroupTest {

    protected LeaveFixture fixture;
    protected long sessionId;

    @Override
    protected String townName() {
        return "请假测试镇党委";
    }

    @BeforeEach
    void makeSession() {
        fixture = new LeaveFixture(jdbc);
        sessionId = group.sessions().inDays(5, group.member(), group.member2(), group.leader(), group.deputy());
    }

    /** The request's one open task. */
    protected TaskInfo current(Leave l) {
        return onlyTask(l.getProcessInstanceId());
    }

    /** How this person stands on the roster of the test's session. */
    protected Attendance attendance(CurrentUser who) {
        return attendance(sessionId, who);
    }
}
