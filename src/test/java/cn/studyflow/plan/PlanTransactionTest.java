package cn.studyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySessionMapper;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.support.StepFailures;
import cn.studyflow.task.ActionMapper;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The registration delegate runs in the transaction of the department's decision. When its domain work
 * fails half way, neither the domain writes nor the engine step are kept, and the user reads a message.
 */
class PlanTransactionTest extends IntegrationTest {

    @MockitoSpyBean SessionService sessions;

    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired Workflow workflow;
    @Autowired ActionMapper actions;
    @Autowired NotificationMapper notifications;
    @Autowired StudySessionMapper sessionRows;

    CurrentUser secretary;
    Plan plan;
    TaskInfo registration;

    @BeforeEach
    void planWaitsForRegistration() {
        secretary = user("bq_secretary");
        plan = Plans.submittedAnnual(plans, secretary);
        decideCurrent(user("bq_publicity"));
        decideCurrent(user("bq_leader"));
        registration = workflow.activeTasks(plan.getProcessInstanceId()).get(0);
        assertThat(registration.step()).isEqualTo(PlanApprovalProcess.TASK_REGISTER_BY_DEPT);
    }

    @Test
    void whenSchedulingSessionsFailsAfterWritingThemTheRegistrationIsNotKeptAndTheUserIsTold() throws Exception {
        Before before = before();
        // the sessions are written, then the registration fails: the rows already written must go too
        doAnswer(call -> {
            call.callRealMethod();
            assertThat(sessionRows.selectByPlan(plan.getId())).as("written before the failure").hasSize(12);
            throw new IllegalStateException("session store unavailable");
        }).when(sessions).scheduleAll(any());

        ResultActions result = mvc.perform(post("/tasks/{id}/decide", registration.id()).with(as("qz_dept")).with(csrf())
                .header("Referer", "http://localhost/tasks/" + registration.id())
                .param("decision", "APPROVE").param("comment", "准予备案"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(content().string(Matchers.containsString(StepFailures.TOLD)));
        String page = result.andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("session store unavailable", "IllegalStateException", "at cn.studyflow");

        verify(sessions).scheduleAll(any());
        assertNothingKept(before);
    }

    @Test
    void theApiCallerGetsA503MessageAndNothingIsKept() throws Exception {
        Before before = before();
        org.mockito.Mockito.doThrow(new IllegalStateException("session store unavailable"))
            .when(sessions).scheduleAll(any());

        mvc.perform(post("/api/tasks/{id}/complete", registration.id()).with(httpBasic("qz_dept", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(jsonPath("$.code").value("task.stepFailed"))
            .andExpect(jsonPath("$.message").value(Matchers.containsString(StepFailures.TOLD)))
            .andExpect(content().string(Matchers.not(Matchers.containsString("session store unavailable"))));

        assertNothingKept(before);
    }

    @Test
    void onceTheFailureIsGoneTheSameDecisionSucceeds() throws Exception {
        org.mockito.Mockito.doThrow(new IllegalStateException("session store unavailable"))
            .when(sessions).scheduleAll(any());
        mvc.perform(post("/tasks/{id}/decide", registration.id()).with(as("qz_dept")).with(csrf())
            .param("decision", "APPROVE")).andExpect(status().isServiceUnavailable());
        org.mockito.Mockito.reset(sessions);

        mvc.perform(post("/tasks/{id}/decide", registration.id()).with(as("qz_dept")).with(csrf())
                .param("decision", "APPROVE"))
            .andExpect(redirectedUrl("/tasks"));

        assertThat(plans.get(plan.getId(), secretary).getStatus()).isEqualTo(PlanStatus.APPROVED);
        assertThat(sessionRows.selectByPlan(plan.getId())).hasSize(12);
        assertThat(workflow.isRunning(plan.getProcessInstanceId())).isFalse();
    }

    private void assertNothingKept(Before before) {
        Plan now = plans.get(plan.getId(), secretary);
        assertThat(now.getStatus()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(now.getVersion()).isEqualTo(before.version());
        assertThat(workflow.activeTasks(plan.getProcessInstanceId())).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(registration.id());
            assertThat(t.assignee()).as("the claim made on the way is undone too").isNull();
        });
        assertThat(actions.selectBySubject(PlanApprovalProcess.SUBJECT_TYPE, plan.getId())).hasSize(before.actions())
            .noneMatch(a -> registration.id().equals(a.getTaskId()))
            .noneMatch(a -> "APPROVED".equals(a.getAction()));
        assertThat(sessionRows.selectByPlan(plan.getId())).isEmpty();
        assertThat(notifications.countByPerson(secretary.getPersonId())).isEqualTo(before.secretaryNotifications());
    }

    private Before before() {
        return new Before(plans.get(plan.getId(), secretary).getVersion(),
            actions.selectBySubject(PlanApprovalProcess.SUBJECT_TYPE, plan.getId()).size(),
            notifications.countByPerson(secretary.getPersonId()));
    }

    private void decideCurrent(CurrentUser who) {
        List<TaskInfo> open = workflow.activeTasks(plan.getProcessInstanceId());
        tasks.decide(open.get(0).id(), who, Decision.APPROVE, null);
    }

    record Before(int version, int actions, int secretaryNotifications) {
    }
}
