package cn.studyflow.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.studyflow.session.Attendance;
import cn.studyflow.status.StatusService;
import cn.studyflow.support.JobIncidents;
import cn.studyflow.support.StepFailures;
import cn.studyflow.task.Action;
import cn.studyflow.workflow.TaskInfo;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Each timer of the leave process whose delegate fails becomes an incident the administrator retries once the
 * cause is fixed; the request then goes on where it stopped, and what the delegate does happens once. The grant,
 * which runs in the leader's approval, rolls the approval back instead.
 */
class LeaveIncidentsTest extends LeaveGroupTest {

    @MockitoSpyBean LeaveCallbacks callbacks;

    @Autowired LeaveRequests requests;
    @Autowired LeaveService leaves;
    @Autowired ManagementService management;
    @Autowired StatusService status;

    static Stream<JobIncidents.Timer<LeaveCallbacks>> jobs() {
        return Stream.of(
            new JobIncidents.Timer<>("leaveReminderDelegate", LeaveRequestProcess.TIMER_REMINDER, c -> c.remind(anyLong()),
                "REMIND"),
            new JobIncidents.Timer<>("lapseLeaveDelegate", LeaveRequestProcess.TIMER_SESSION_STARTS, c -> c.lapse(anyLong()),
                "LEAVE_LAPSE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    void failingDelegateIsAnIncidentAndTheRequestGoesOnAfterTheRetry(JobIncidents.Timer<LeaveCallbacks> s) throws Exception {
        Leave asked = requests.ask(group.member(), sessionId, LeaveFixture.trip());
        JobIncidents incidents = new JobIncidents(management, status, mvc, this::user, this::as);
        incidents.failUntilIncident(asked.getProcessInstanceId(), s, callbacks);

        Leave l = leaves.get(asked.getId(), group.member());
        assertThat(leaves.timeline(l)).extracting(Action::getAction).containsOnlyOnce(s.action());
        assertThat(l.getStatus()).isEqualTo("LEAVE_LAPSE".equals(s.action()) ? LeaveStatus.LAPSED : LeaveStatus.PENDING);
    }

    /** grantLeaveDelegate runs in the leader's approval: its failure rolls the approval back, and no incident. */
    @Test
    void failingGrantRollsTheApprovalBackAndTheSameApprovalSucceedsOnceFixed() throws Exception {
        Leave asked = requests.ask(group.member(), sessionId, LeaveFixture.trip());
        TaskInfo step = current(asked);
        doThrow(new IllegalStateException(JobIncidents.CAUSE)).when(callbacks).grant(anyLong());

        StepFailures.failThenSucceed(mvc, () -> post("/tasks/" + step.id() + "/decide").param("decision", "APPROVE")
                .with(csrf()).with(as(group.leader().getUsername())), () -> {
                assertThat(current(asked).id()).as("still the leader's step").isEqualTo(step.id());
                Leave l = leaves.get(asked.getId(), group.member());
                assertThat(l.getStatus()).isEqualTo(LeaveStatus.PENDING);
                assertThat(leaves.timeline(l)).extracting(Action::getAction).doesNotContain("APPROVE", "LEAVE_GRANT");
                assertThat(attendance(group.member())).isEqualTo(Attendance.EXPECTED);
                assertThat(status.incidents(user("admin"))).noneMatch(r -> r.instance().getId().equals(asked.getProcessInstanceId()));
            }, () -> reset(callbacks), redirectedUrl("/tasks"));

        Leave l = leaves.get(asked.getId(), group.member());
        assertThat(l.getStatus()).isEqualTo(LeaveStatus.APPROVED);
        assertThat(leaves.timeline(l)).extracting(Action::getAction).containsOnlyOnce("APPROVE", "LEAVE_GRANT");
        assertThat(attendance(group.member())).isEqualTo(Attendance.LEAVE);
    }
}
