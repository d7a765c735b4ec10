package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.status.StatusService;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.JobIncidents;
import cn.studyflow.support.StepFailures;
import cn.studyflow.support.StudyGroup;
import cn.studyflow.task.Action;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.Workflow;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Each timer of the material review whose delegate fails becomes an incident the administrator retries once the
 * cause is fixed; the review then goes on where it stopped, and the reminder or the escalation goes out once.
 * The archiving runs in the leader's sign-off: a failure rolls the sign-off back instead.
 */
class MaterialIncidentsTest extends IntegrationTest {

    @MockitoSpyBean MaterialCallbacks callbacks;

    @Autowired MaterialService materials;
    @Autowired MaterialUploads uploads;
    @Autowired MaterialReviews reviews;
    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;
    @Autowired Workflow workflow;
    @Autowired ManagementService management;
    @Autowired StatusService status;
    @Autowired JdbcTemplate jdbc;

    static Stream<JobIncidents.Timer<MaterialCallbacks>> jobs() {
        return Stream.of(
            new JobIncidents.Timer<>("materialReminderDelegate", MaterialReviewProcess.TIMER_REMINDER, c -> c.remind(anyLong()),
                "REMIND"),
            new JobIncidents.Timer<>("materialOverdueDelegate", MaterialReviewProcess.TIMER_OVERDUE, c -> c.escalate(anyLong()),
                "ESCALATE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    void failingDelegateIsAnIncidentAndTheReviewGoesOnAfterTheRetry(JobIncidents.Timer<MaterialCallbacks> s) throws Exception {
        CurrentUser author = user("bq_member");
        Material m = submitted(author);
        JobIncidents incidents = new JobIncidents(management, status, mvc, this::user, this::as);
        incidents.failUntilIncident(m.getProcessInstanceId(), s, callbacks);

        Material after = materials.get(m.getId(), author);
        assertThat(materials.timeline(after)).extracting(Action::getAction).containsOnlyOnce(s.action());
        assertThat(workflow.isRunning(m.getProcessInstanceId())).as("still in review").isTrue();
    }

    /** archiveMaterialDelegate runs in the leader's sign-off: its failure rolls the sign-off back, and no incident. */
    @Test
    void failingArchiveRollsTheSignOffBackAndTheSameSignOffSucceedsOnceFixed() throws Exception {
        CurrentUser author = user("bq_member");
        Material m = submitted(author);
        FirstReviewForm first = new FirstReviewForm();
        first.setDecision(Decision.APPROVE);
        first.setNotClassified(true);
        reviews.firstReview(currentTaskId(m), user("bq_office"), first);
        SecondReviewForm second = new SecondReviewForm();
        for (CheckItem item : CheckItem.values()) {
            second.getPassed().put(item, true);
        }
        reviews.secondReview(currentTaskId(m), user("bq_publicity"), second);
        String signOff = currentTaskId(m);
        doThrow(new IllegalStateException(JobIncidents.CAUSE)).when(callbacks).archive(anyLong());

        StepFailures.failThenSucceed(mvc, () -> post("/tasks/" + signOff + "/decide").param("decision", "APPROVE")
                .with(csrf()).with(as("bq_leader")), () -> {
                assertThat(currentTaskId(m)).as("still the leader's sign-off").isEqualTo(signOff);
                Material unchanged = materials.get(m.getId(), author);
                assertThat(unchanged.getStatus()).isNotEqualTo(MaterialStatus.ARCHIVED);
                assertThat(materials.timeline(unchanged)).extracting(Action::getAction)
                    .containsExactly("CREATE", "SUBMIT", "APPROVE", "APPROVE");
                assertThat(status.incidents(user("admin"))).noneMatch(r -> r.instance().getId().equals(m.getProcessInstanceId()));
            }, () -> reset(callbacks), redirectedUrl("/tasks"));

        Material archived = materials.get(m.getId(), author);
        assertThat(archived.getStatus()).isEqualTo(MaterialStatus.ARCHIVED);
        assertThat(materials.timeline(archived)).extracting(Action::getAction)
            .containsExactly("CREATE", "SUBMIT", "APPROVE", "APPROVE", "APPROVE", "ARCHIVE");
        assertThat(workflow.isRunning(m.getProcessInstanceId())).isFalse();
    }

    /** A material submitted for a session ten days ahead (its deadline still to come), waiting for the office. */
    private Material submitted(CurrentUser author) {
        StudySession session = MaterialFixtures.sessionsOf(DemoOrg.BQ, this::user, plans, tasks, workflow, sessions).get(2);
        // the session's day and hour, as scheduling gives them
        jdbc.update("UPDATE sf_study_session SET session_date = ?, start_time = ? WHERE id = ?",
            LocalDate.now(StudyGroup.ZONE).plusDays(10), LocalTime.of(14, 30), session.getId());
        return uploads.create(author, MaterialFixtures.form(session, "故障重试的发言"),
            MaterialFixtures.pdf("故障重试的发言.pdf"), true);
    }

    private String currentTaskId(Material m) {
        return workflow.activeTasks(m.getProcessInstanceId()).get(0).id();
    }
}
