package cn.studyflow.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.Plans;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Roles drive the candidate groups of tasks, and a role given or taken counts from the person's next request, in a
 * session they opened before the change (the principal in the session still holds the old roles).
 */
class RoleChangeTest extends AdminFixture {

    @Autowired PlanService plans;
    @Autowired Workflow workflow;
    @Autowired TasklistService tasklist;

    Org town;
    CurrentUser secretary;
    CurrentUser publicity;
    CurrentUser member;
    Plan plan;
    TaskInfo review;

    @BeforeEach
    void aPlanWaitsForTheTownsPublicityMember() {
        town = newOrg("角色镇", OrgKind.TOWN, orgService.get(user("qz_secretary").getOrgId()));
        secretary = newPerson("sec", town, Role.SECRETARY);
        publicity = newPerson("pub", town, Role.PUBLICITY);
        member = newPerson("mem", town, Role.MEMBER);
        plan = Plans.submittedAnnual(plans, secretary);
        review = workflow.activeTasks(plan.getProcessInstanceId()).get(0);
        assertThat(review.step()).isEqualTo(PlanApprovalProcess.TASK_REVIEW_BY_PUBLICITY);
    }

    @Test
    void aNewSecretarySeesTheReturnedPlanAtTheirNextPageLoad() throws Exception {
        tasklist.decide(review.id(), publicity, Decision.RETURN, "请补充专题");
        TaskInfo draft = workflow.activeTasks(plan.getProcessInstanceId()).get(0);
        assertThat(draft.step()).isEqualTo(PlanApprovalProcess.TASK_DRAFT);
        // the member's session was opened before the change: it carries the member's old roles
        var session = as(member.getUsername());
        assertThat(taskIds(session)).doesNotContain(draft.id());
        mvc.perform(get("/tasks/{id}", draft.id()).with(session)).andExpect(status().isForbidden());

        apiPut("admin", Map.of("roles", List.of("MEMBER", "SECRETARY")), "/api/admin/people/{id}/roles",
            member.getPersonId()).andExpect(status().isOk());

        // a candidate now: the task's page opens; the returned plan is its submitter's own task until they give
        // it back to the group, and then it is in the new secretary's list too
        mvc.perform(get("/tasks/{id}", draft.id()).with(session)).andExpect(status().isOk());
        assertThat(draft.assignee()).isEqualTo(secretary.getUsername());
        tasklist.unclaim(draft.id(), secretary);
        assertThat(taskIds(session)).contains(draft.id());
    }

    @Test
    void someoneWhoLostTheRoleNoLongerSeesOrActsAndTheirClaimGoesBackToTheGroup() throws Exception {
        var session = as(publicity.getUsername());
        assertThat(taskIds(session)).contains(review.id());
        mvc.perform(post("/tasks/{id}/claim", review.id()).with(session).with(csrf()))
            .andExpect(status().is3xxRedirection());
        assertThat(workflow.task(review.id()).orElseThrow().assignee()).isEqualTo(publicity.getUsername());

        apiPut("admin", Map.of("roles", List.of("MEMBER")), "/api/admin/people/{id}/roles", publicity.getPersonId())
            .andExpect(status().isOk());

        assertThat(workflow.task(review.id()).orElseThrow().assignee()).isNull();
        assertThat(taskIds(session)).doesNotContain(review.id());
        mvc.perform(get("/tasks/{id}", review.id()).with(session)).andExpect(status().isForbidden());
        mvc.perform(post("/tasks/{id}/decide", review.id()).with(session).with(csrf())
                .param("decision", "APPROVE").param("comment", "同意"))
            .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/{id}/claim", review.id()).with(session).with(csrf()))
            .andExpect(status().isForbidden());
        assertThat(workflow.activeTasks(plan.getProcessInstanceId())).extracting(TaskInfo::step)
            .containsExactly(PlanApprovalProcess.TASK_REVIEW_BY_PUBLICITY);
    }

    @Test
    void aRoleThatDoesNotExistIsRefusedAndNothingChanges() throws Exception {
        apiPut("admin", Map.of("roles", List.of("SECRETARY", "EMPEROR")), "/api/admin/people/{id}/roles",
            member.getPersonId())
            .andExpect(status().isBadRequest())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.message")
                .value("没有这个角色：EMPEROR"));
        assertThat(orgService.person(member.getPersonId()).getRoles()).containsExactly(Role.MEMBER);
    }

    private List<String> taskIds(org.springframework.test.web.servlet.request.RequestPostProcessor session)
        throws Exception {
        var r = mvc.perform(get("/api/tasks").param("view", "ALL").param("size", "100").with(session))
            .andExpect(status().isOk());
        List<String> ids = new java.util.ArrayList<>();
        body(r).path("items").forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }
}
