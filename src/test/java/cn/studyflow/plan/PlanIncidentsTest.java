package cn.studyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.studyflow.session.SessionService;
import cn.studyflow.status.StatusService;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.JobIncidents;
import cn.studyflow.support.Plans;
import cn.studyflow.support.StepFailures;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Each timer of the plan approval whose delegate fails becomes an incident the administrator retries once the
 * cause is fixed; the plan then goes on where it stopped and the reminder or the escalation goes out once.
 */
class PlanIncidentsTest extends IntegrationTest {

    @MockitoSpyBean PlanService plans;

    @Autowired ManagementService management;
    @Autowired StatusService status;
    @Autowired JdbcTemplate jdbc;
    @Autowired Workflow workflow;
    @Autowired SessionService sessions;

    static Stream<JobIncidents.Timer<PlanService>> jobs() {
        return Stream.of(
            new JobIncidents.Timer<>("planDeadlineReminderDelegate", PlanApprovalProcess.TIMER_REMINDER,
                p -> p.remindDeadline(anyLong(), any()), "REMIND"),
            new JobIncidents.Timer<>("planDeadlineEscalationDelegate", PlanApprovalProcess.TIMER_DEADLINE,
                p -> p.escalateDeadline(anyLong()), "ESCALATE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    void failingDelegateIsAnIncidentAndThePlanGoesOnAfterTheRetry(JobIncidents.Timer<PlanService> s) throws Exception {
        var secretary = user("bq_secretary");
        Plan plan = plans.create(secretary, PlanKind.ANNUAL, Plans.freshYear(secretary), null);
        JobIncidents incidents = new JobIncidents(management, status, mvc, this::user, this::as);
        incidents.failUntilIncident(plan.getProcessInstanceId(), s, plans);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sf_action WHERE subject_type = 'PLAN' AND subject_id = ?"
            + " AND action = ?", Integer.class, plan.getId(), s.action())).isEqualTo(1);
        assertThat(plans.get(plan.getId(), secretary).getStatus()).isEqualTo(PlanStatus.DRAFT);
    }

    /**
     * registerPlanDelegate of the supplementary plan runs in the leader's approval: its failure rolls the approval
     * back, and no incident. (The annual plan's registration by the dept: {@code PlanTransactionTest}.)
     */
    @Test
    void failingRegistrationRollsTheLeadersApprovalBackAndTheSameApprovalSucceedsOnceFixed() throws Exception {
        var secretary = user("bq_secretary");
        LocalDate month = LocalDate.now().plusMonths(1);
        Plan plan = plans.create(secretary, PlanKind.SUPPLEMENTARY, month.getYear(), month.getMonthValue());
        plan = plans.saveDraft(plan.getId(), secretary, Plans.form(plan, 2));
        plans.submit(plan.getId(), secretary, plan.getVersion());
        String instance = plan.getProcessInstanceId();
        String approval = workflow.activeTasks(instance).get(0).id();
        long planId = plan.getId();
        doThrow(new IllegalStateException(JobIncidents.CAUSE)).when(plans).approve(anyLong());

        StepFailures.failThenSucceed(mvc, () -> post("/tasks/" + approval + "/decide").param("decision", "APPROVE")
                .with(csrf()).with(as("bq_leader")), () -> {
                assertThat(plans.get(planId, secretary).getStatus()).isEqualTo(PlanStatus.SUBMITTED);
                assertThat(workflow.activeTasks(instance)).extracting(TaskInfo::id).containsExactly(approval);
                assertThat(sessions.ofPlan(planId)).isEmpty();
                assertThat(status.incidents(user("admin"))).noneMatch(r -> r.instance().getId().equals(instance));
            }, () -> reset(plans), redirectedUrl("/tasks"));

        assertThat(plans.get(planId, secretary).getStatus()).isEqualTo(PlanStatus.APPROVED);
        assertThat(sessions.ofPlan(planId)).hasSize(2);
        assertThat(workflow.isRunning(instance)).isFalse();
    }
}
