package cn.studyflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.plan.PlanService;
import cn.studyflow.plan.PlanStatus;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.workflow.Workflow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The tasklist API as a client uses it: my tasks with my groups' unclaimed ones, claim, complete. */
class TaskApiControllerTest extends IntegrationTest {

    @Autowired PlanService plans;
    @Autowired Workflow workflow;
    @Autowired ObjectMapper json;

    CurrentUser first;
    CurrentUser second;
    String claimedByFirst;
    String claimedBySecond;
    String unclaimed;

    @BeforeEach
    void threePlansAndTwoPublicityMembers() throws Exception {
        Org town = newOrg("丙镇党委", OrgKind.TOWN, user("qz_dept").getOrg());
        CurrentUser secretary = newPerson("secC", town, Role.SECRETARY);
        first = newPerson("pubC", town, Role.PUBLICITY);
        second = newPerson("pubC", town, Role.PUBLICITY);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Plan plan = Plans.submittedAnnual(plans, secretary);
            ids.add(workflow.activeTasks(plan.getProcessInstanceId()).get(0).id());
        }
        claimedByFirst = ids.get(0);
        claimedBySecond = ids.get(1);
        unclaimed = ids.get(2);
        mvc.perform(post("/api/tasks/{id}/claim", claimedByFirst).with(httpBasic(first.getUsername(), PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.assignee").value(first.getUsername()));
        mvc.perform(post("/api/tasks/{id}/claim", claimedBySecond).with(httpBasic(second.getUsername(), PASSWORD)))
            .andExpect(status().isOk());
    }

    @Test
    void theListHoldsMyTasksAndMyGroupsUnclaimedTasksButNotTasksClaimedByOthers() throws Exception {
        assertThat(ids(first, "")).containsExactlyInAnyOrder(claimedByFirst, unclaimed);
        assertThat(ids(first, "?view=MINE")).containsExactly(claimedByFirst);
        assertThat(ids(first, "?view=GROUP")).containsExactly(unclaimed);
        assertThat(ids(second, "")).containsExactlyInAnyOrder(claimedBySecond, unclaimed);
    }

    @Test
    void aTaskIsReadWithItsHistoryAndCompletedWithADecision() throws Exception {
        mvc.perform(get("/api/tasks/{id}", claimedByFirst).with(httpBasic(first.getUsername(), PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.task.step").value(PlanApprovalProcess.TASK_REVIEW_BY_PUBLICITY))
            .andExpect(jsonPath("$.history[-1].action").value("CLAIM"))
            .andExpect(jsonPath("$.history[-1].actorName").value(first.getDisplayName()));

        mvc.perform(post("/api/tasks/{id}/complete", claimedByFirst).with(httpBasic(first.getUsername(), PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"RETURN\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("task.commentRequired"))
            .andExpect(jsonPath("$.message").value("退回时必须填写意见。"));
        mvc.perform(post("/api/tasks/{id}/complete", claimedByFirst).with(httpBasic(first.getUsername(), PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"RETURN\",\"comment\":\"请补充专题\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.completed").value(true));

        assertThat(ids(first, "")).containsExactly(unclaimed);
        JsonNode task = json.readTree(mvc.perform(get("/api/tasks/{id}", unclaimed)
            .with(httpBasic(first.getUsername(), PASSWORD))).andReturn().getResponse().getContentAsString()).get("task");
        assertThat(task.get("assignee").isNull()).isTrue();
        long returnedPlan = plans.list(first, null, 0, 10).items().stream()
            .filter(p -> p.getStatus() == PlanStatus.RETURNED).count();
        assertThat(returnedPlan).isOne();
    }

    @Test
    void aReturnCommentOfUpTo2000CharactersIsKeptAndPassedOnLongerOnesAreRefused() throws Exception {
        String longest = "请".repeat(2000);
        mvc.perform(post("/api/tasks/{id}/complete", claimedByFirst).with(httpBasic(first.getUsername(), PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"RETURN\",\"comment\":\"" + longest + "请\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("意见不能超过 2000 字。"));

        mvc.perform(post("/api/tasks/{id}/complete", claimedByFirst).with(httpBasic(first.getUsername(), PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"RETURN\",\"comment\":\"" + longest + "\"}"))
            .andExpect(status().isOk());
        JsonNode list = json.readTree(mvc.perform(get("/api/plans").with(httpBasic(first.getUsername(), PASSWORD)))
            .andReturn().getResponse().getContentAsString());
        List<JsonNode> returned = new ArrayList<>();
        list.get("items").forEach(p -> {
            if ("RETURNED".equals(p.get("status").asText())) {
                returned.add(p);
            }
        });
        assertThat(returned).hasSize(1);
        // the whole comment is in the plan's history
        mvc.perform(get("/api/plans/{id}", returned.get(0).get("id").asLong()).with(httpBasic(first.getUsername(), PASSWORD)))
            .andExpect(jsonPath("$.history[-1].action").value("RETURN"))
            .andExpect(jsonPath("$.history[-1].comment").value(longest));
    }

    @Test
    void unclaimingGivesTheTaskBackToTheGroup() throws Exception {
        mvc.perform(post("/api/tasks/{id}/unclaim", claimedByFirst).with(httpBasic(first.getUsername(), PASSWORD)))
            .andExpect(status().isOk());
        assertThat(ids(second, "?view=GROUP")).containsExactlyInAnyOrder(claimedByFirst, unclaimed);
    }

    private List<String> ids(CurrentUser who, String query) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/tasks" + query).with(httpBasic(who.getUsername(), PASSWORD)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        assertThat(page.get("total").asInt()).isEqualTo(ids.size());
        return ids;
    }
}
