package cn.studyflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.plan.PlanService;
import cn.studyflow.plan.PlanStatus;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Only a task's assignee and candidates see it or act on it; everyone else is refused and nothing moves. */
class TaskScopeTest extends IntegrationTest {

    private static final String APPROVE = "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}";

    @Autowired PlanService plans;

    @Autowired Workflow workflow;
    @Autowired ActionLog actionLog;

    Plan plan;
    TaskInfo task;

    @BeforeEach
    void submittedPlanWaitsForThePublicityMember() {
        plan = Plans.submittedAnnual(plans, user("bq_secretary"));
        task = workflow.activeTasks(plan.getProcessInstanceId()).get(0);
        assertThat(task.step()).isEqualTo(PlanApprovalProcess.TASK_REVIEW_BY_PUBLICITY);
    }

    /**
     * A town next door and the county's publicity member, who may not see the town's plan, are told the task does
     * not exist (404), like a task that does not; the county's department, the administrator and people of the
     * town itself, who may read the plan but are not its publicity member, are refused (403).
     */
    @ParameterizedTest
    @CsvSource({"wfz_publicity,404", "qz_publicity,404", "qz_dept,403", "bq_member,403", "bq_secretary,403",
        "bq_leader,403", "admin,403"})
    void someoneWhoIsNeitherAssigneeNorCandidateIsRefusedEveryViewAndAction(String username, int refusal) throws Exception {
        Snapshot before = snapshot();
        String code = refusal == 404 ? "error.notFound" : "error.forbidden";
        String message = refusal == 404 ? "您要找的内容不存在" : "您无权查看或办理此项内容";

        mvc.perform(get("/tasks/{id}", task.id()).with(as(username)))
            .andExpect(status().is(refusal))
            .andExpect(content().string(Matchers.containsString(message)))
            .andExpect(content().string(Matchers.not(Matchers.containsString(plan.getTitle()))));
        mvc.perform(get("/tasks/{id}/diagram", task.id()).with(as(username))).andExpect(status().is(refusal));
        for (String action : List.of("claim", "unclaim", "decide")) {
            mvc.perform(post("/tasks/{id}/" + action, task.id()).with(as(username)).with(csrf())
                    .param("decision", "RETURN").param("comment", "不行"))
                .andExpect(status().is(refusal));
        }

        mvc.perform(get("/api/tasks/{id}", task.id()).with(httpBasic(username, PASSWORD)))
            .andExpect(status().is(refusal))
            .andExpect(jsonPath("$.code").value(code))
            .andExpect(jsonPath("$.message").value(Matchers.startsWith(message)));
        for (String action : List.of("claim", "unclaim", "complete")) {
            mvc.perform(json(post("/api/tasks/{id}/" + action, task.id()), APPROVE).with(httpBasic(username, PASSWORD)))
                .andExpect(status().is(refusal))
                .andExpect(jsonPath("$.code").value(code));
        }
        // the tasklist does not offer it either
        mvc.perform(get("/api/tasks").param("size", "100").with(httpBasic(username, PASSWORD)))
            .andExpect(jsonPath("$.items[?(@.id == '" + task.id() + "')]").isEmpty());

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void countyDepartmentSeesTheTownsPlanButCannotDecideItsPublicityTask() throws Exception {
        Snapshot before = snapshot();

        mvc.perform(get("/plans/{id}", plan.getId()).with(as("qz_dept"))).andExpect(status().isOk());
        mvc.perform(post("/tasks/{id}/decide", task.id()).with(as("qz_dept")).with(csrf()).param("decision", "APPROVE"))
            .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/tasks/{id}/complete", task.id()), APPROVE).with(httpBasic("qz_dept", PASSWORD)))
            .andExpect(status().isForbidden());

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aTaskClaimedBySomeoneElseCannotBeCompletedClaimedOrGivenBack() throws Exception {
        CurrentUser other = newPerson("bqpub", orgService.get(plan.getOrgId()), Role.PUBLICITY);
        // the demo's names repeat from town to town: role and organisation tell the holder apart
        String holder = user("bq_publicity").getDisplayName() + "（宣传委员 · 卞桥镇党委）";
        mvc.perform(post("/tasks/{id}/claim", task.id()).with(as("bq_publicity")).with(csrf()))
            .andExpect(redirectedUrl("/tasks/" + task.id()))
            .andExpect(flash().attribute("message", "task.claimed"));
        Snapshot claimed = snapshot();
        assertThat(claimed.assignee()).isEqualTo("bq_publicity");

        mvc.perform(json(post("/api/tasks/{id}/complete", task.id()), APPROVE).with(httpBasic(other.getUsername(), PASSWORD)))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.code").value("task.claimedBy"))
            .andExpect(jsonPath("$.message").value("此任务已由 " + holder + " 认领。"));
        mvc.perform(post("/tasks/{id}/decide", task.id()).with(as(other.getUsername())).with(csrf())
                .header("Referer", "http://localhost/tasks/" + task.id()).param("decision", "APPROVE"))
            .andExpect(redirectedUrl("/tasks/" + task.id()))
            .andExpect(flash().attribute("error", "此任务已由 " + holder + " 认领。"));
        mvc.perform(post("/api/tasks/{id}/claim", task.id()).with(httpBasic(other.getUsername(), PASSWORD)))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.code").value("task.claimedBy"));
        mvc.perform(post("/api/tasks/{id}/unclaim", task.id()).with(httpBasic(other.getUsername(), PASSWORD)))
            .andExpect(status().isForbidden());

        // still a candidate, the other member may read the task but is offered no decision
        mvc.perform(get("/tasks/{id}", task.id()).with(as(other.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("此任务已由 " + holder + " 认领。")))
            .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"decision-form\""))));
        assertThat(snapshot()).isEqualTo(claimed);
    }

    @Test
    void aTamperedTaskIdIsNotFoundAndChangesNothing() throws Exception {
        Snapshot before = snapshot();
        String bogus = task.id() + "0";

        mvc.perform(get("/tasks/{id}", bogus).with(as("bq_publicity")))
            .andExpect(status().isNotFound())
            .andExpect(content().string(Matchers.containsString("您要找的内容不存在")));
        mvc.perform(post("/tasks/{id}/decide", bogus).with(as("bq_publicity")).with(csrf()).param("decision", "APPROVE"))
            .andExpect(status().isNotFound());
        mvc.perform(json(post("/api/tasks/{id}/complete", bogus), APPROVE).with(httpBasic("bq_publicity", PASSWORD)))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.message").value("您要找的内容不存在。"));
        mvc.perform(get("/tasks/{id}/diagram", "x' OR '1'='1").with(as("bq_publicity"))).andExpect(status().isNotFound());

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aTaskHandledMeanwhileNamesWhoHandledItAndStaysHiddenFromOutsiders() throws Exception {
        CurrentUser other = newPerson("bqpub", orgService.get(plan.getOrgId()), Role.PUBLICITY);
        mvc.perform(post("/tasks/{id}/decide", task.id()).with(as("bq_publicity")).with(csrf())
                .param("decision", "APPROVE").param("comment", "同意"))
            .andExpect(redirectedUrl("/tasks"));
        int actions = actionLog.timeline(new SubjectRef(PlanApprovalProcess.SUBJECT_TYPE, plan.getId())).size();

        mvc.perform(json(post("/api/tasks/{id}/complete", task.id()), APPROVE).with(httpBasic(other.getUsername(), PASSWORD)))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.code").value("task.handledBy"))
            .andExpect(jsonPath("$.message").value("此任务已由 " + user("bq_publicity").getDisplayName() + " 办理，无需重复操作。"));
        // outside the town nothing tells that the task existed
        mvc.perform(get("/tasks/{id}", task.id()).with(as("wfz_publicity"))).andExpect(status().isNotFound());
        mvc.perform(json(post("/api/tasks/{id}/complete", task.id()), APPROVE).with(httpBasic("wfz_publicity", PASSWORD)))
            .andExpect(status().isNotFound());

        assertThat(workflow.activeTasks(plan.getProcessInstanceId())).singleElement()
            .satisfies(t -> assertThat(t.step()).isEqualTo(PlanApprovalProcess.TASK_APPROVE_BY_LEADER));
        assertThat(actionLog.timeline(new SubjectRef(PlanApprovalProcess.SUBJECT_TYPE, plan.getId()))).hasSize(actions);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** What a refused request must leave as it was: the open task, its holder, the plan and its history. */
    private Snapshot snapshot() {
        List<TaskInfo> open = workflow.activeTasks(plan.getProcessInstanceId());
        Plan now = plans.get(plan.getId(), user("bq_secretary"));
        return new Snapshot(open.stream().map(TaskInfo::id).toList(), open.isEmpty() ? null : open.get(0).assignee(),
            now.getStatus(), now.getVersion(),
            actionLog.timeline(new SubjectRef(PlanApprovalProcess.SUBJECT_TYPE, plan.getId())).size());
    }

    record Snapshot(List<String> openTasks, String assignee, PlanStatus status, int version, int actions) {
    }
}
