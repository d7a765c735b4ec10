package cn.studyflow.task;


import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.plan.PlanService;
import cn.studyflow.plan.PlanStatus;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The approval operations through the JSON API: what a client gets, and that every request outside the
 * caller's rights or scope is refused with 403 and a message, and changes nothing.
 */
class OperationApiControllerTest extends IntegrationTest {

    @Autowired PlanService plans;

    @Autowired Workflow workflow;
    @Autowired ActionLog actionLog;
    @Autowired TasklistService tasks;

    @Test
    void reviewerTransfersReadsNextStepsAndCopiesInByApi() throws Exception {
        Plan plan = Plans.submittedAnnual(plans, user("bq_secretary"));
        String review = current(plan).id();
        tasks.decide(review, user("bq_publicity"), Decision.APPROVE, null);
        String task = current(plan).id();

        call("bq_leader", get("/api/tasks/{id}/next-steps", task))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].step").value(PlanApprovalProcess.TASK_REGISTER_BY_DEPT))
            .andExpect(jsonPath("$[0].holders[0].people").value(hasItem(user("qz_dept").getDisplayName() + "（宣传部 · 青州市委）")));
        call("bq_leader", get("/api/tasks/{id}/operations", task))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.canTransfer").value(true))
            .andExpect(jsonPath("$.transferTo[*].username").value(hasItem("bq_deputy")))
            .andExpect(jsonPath("$.returnTargets[*].step").value(hasItem(PlanApprovalProcess.TASK_DRAFT)));

        call("bq_leader", post("/api/tasks/{id}/copy", task), "{\"to\":[\"bq_member\"],\"comment\":\"请知悉\"}")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.copied[0]").value("bq_member"));
        call("bq_member", get("/api/copies"))
            .andExpect(jsonPath("$.items[*].subjectId").value(hasItem(plan.getId().intValue())));
        call("bq_leader", post("/api/tasks/{id}/transfer", task), "{\"to\":\"bq_deputy\",\"comment\":\"请代审\"}")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.transferredTo").value("bq_deputy"));

        assertThat(workflow.task(task).orElseThrow().assignee()).isEqualTo("bq_deputy");
    }

    @Test
    void requestsOutsideScopeFindNothingAndOutsideRightsAreRefusedAndChangeNothing() throws Exception {
        Plan plan = Plans.submittedAnnual(plans, user("bq_secretary"));
        TaskInfo task = current(plan);
        String pid = plan.getProcessInstanceId();
        int history = history(plan).size();

        // another town's people, who may not see the plan: for them neither the task nor the instance exists
        notFound("wfz_publicity", post("/api/tasks/{id}/transfer", task.id()), "{\"to\":\"bq_publicity\"}");
        notFound("wfz_publicity", post("/api/tasks/{id}/delegate", task.id()), "{\"to\":\"bq_office\"}");
        notFound("wfz_publicity", post("/api/tasks/{id}/add-signer", task.id()),
            "{\"to\":\"bq_office\",\"position\":\"BEFORE\"}");
        notFound("wfz_publicity", post("/api/tasks/{id}/return-to", task.id()), "{\"step\":\"draftPlan\",\"comment\":\"x\"}");
        notFound("wfz_publicity", post("/api/tasks/{id}/copy", task.id()), "{\"to\":[\"bq_member\"]}");
        notFound("wfz_publicity", get("/api/tasks/{id}/next-steps", task.id()), null);
        notFound("wfz_secretary", post("/api/instances/{pid}/withdraw", pid), "{}");
        notFound("wfz_secretary", post("/api/instances/{pid}/urge", pid), "{}");
        notFound("wfz_secretary", get("/api/instances/{pid}/next-steps", pid), null);
        // the same town, but not a holder of the step, nor its submitter
        forbidden("bq_member", post("/api/tasks/{id}/return-to", task.id()), "{\"step\":\"draftPlan\",\"comment\":\"x\"}");
        forbidden("bq_member", post("/api/tasks/{id}/transfer", task.id()), "{\"to\":\"bq_publicity\"}");
        forbidden("bq_leader", post("/api/instances/{pid}/withdraw", pid), "{}");
        // the county's manager sees the plan but did not submit it
        forbidden("qz_manager", post("/api/instances/{pid}/urge", pid), "{}");

        TaskInfo after = current(plan);
        assertThat(after.id()).isEqualTo(task.id());
        assertThat(after.assignee()).isNull();
        assertThat(after.delegated()).isFalse();
        assertThat(history(plan)).hasSize(history);
        assertThat(plans.get(plan.getId(), user("bq_secretary")).getStatus()).isEqualTo(PlanStatus.SUBMITTED);
    }

    @Test
    void badInputAndTheUrgeLimitAreExplainedInTheUsersLanguage() throws Exception {
        Plan plan = Plans.submittedAnnual(plans, user("bq_secretary"));
        String task = current(plan).id();
        String pid = plan.getProcessInstanceId();

        call("bq_publicity", post("/api/tasks/{id}/transfer", task), "{\"to\":\"bq_member\"}")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("所选人员不能办理此环节，请重新选择。"));
        call("bq_publicity", post("/api/tasks/{id}/return-to", task), "{\"step\":\"draftPlan\"}")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("退回时必须填写意见。"));
        call("bq_publicity", post("/api/tasks/{id}/add-signer", task), "{\"to\":\"bq_office\",\"position\":\"SIDEWAYS\"}")
            .andExpect(status().isBadRequest());
        call("bq_secretary", post("/api/instances/{pid}/urge", pid), "{\"comment\":\"请尽快\"}")
            .andExpect(status().isOk());
        call("bq_secretary", post("/api/instances/{pid}/urge", pid), "{}")
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.message").value(containsString("每个环节每小时只能催办一次")));
        mvc.perform(post("/api/instances/{pid}/urge", pid).with(httpBasic("bq_secretary", PASSWORD))
                .param("lang", "en").contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.message").value(containsString("once an hour")));

        assertThat(current(plan).assignee()).isNull();
        assertThat(history(plan)).filteredOn(a -> "URGE".equals(a.getAction())).hasSize(1);
    }

    private void forbidden(String username, MockHttpServletRequestBuilder request, String body) throws Exception {
        call(username, request, body)
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.message").value("您无权查看或办理此项内容。"));
    }

    private void notFound(String username, MockHttpServletRequestBuilder request, String body) throws Exception {
        call(username, request, body)
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.code").value("error.notFound"));
    }

    private ResultActions call(String username, MockHttpServletRequestBuilder request) throws Exception {
        return call(username, request, null);
    }

    private ResultActions call(String username, MockHttpServletRequestBuilder request, String body)
        throws Exception {
        request.with(httpBasic(username, PASSWORD)).accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private TaskInfo current(Plan plan) {
        List<TaskInfo> open = workflow.activeTasks(plan.getProcessInstanceId());
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private List<Action> history(Plan plan) {
        return actionLog.timeline(new SubjectRef(PlanApprovalProcess.SUBJECT_TYPE, plan.getId()));
    }
}
