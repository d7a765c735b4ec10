package cn.studyflow.task;


import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.OrgService;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operation forms of the task page and of an object's page: each posts, changes what it says, and comes back
 * with its message to the tasklist when the task left the actor, else to the page it came from.
 */
class OperationFormsTest extends IntegrationTest {

    @Autowired PlanService plans;

    @Autowired Workflow workflow;
    @Autowired TasklistService tasks;
    @Autowired OrgService orgService;

    @Test
    void theFormsOfTheTaskPageAndThePlanPageDoWhatTheySayAndComeBackWithTheirMessage() throws Exception {
        Plan plan = Plans.submittedAnnual(plans, user("bq_secretary"));
        String pid = plan.getProcessInstanceId();
        tasks.decide(current(pid).id(), user("bq_publicity"), Decision.APPROVE, null);
        String task = current(pid).id();

        mvc.perform(post("/tasks/{id}/copy", task).with(as("bq_leader")).with(csrf())
                .param("to", "bq_member").param("to", "bq_office").param("comment", "请知悉"))
            .andExpect(redirectedUrl("/tasks/" + task))
            .andExpect(flash().attribute("message", "ops.copied"));
        mvc.perform(post("/tasks/{id}/add-signer", task).with(as("bq_leader")).with(csrf())
                .param("to", "bq_office").param("position", "SIDEWAYS"))
            .andExpect(status().isBadRequest());
        mvc.perform(post("/instances/{pid}/urge", pid).with(as("bq_secretary")).with(csrf()).param("comment", "请尽快"))
            .andExpect(redirectedUrl("/plans/" + plan.getId()))
            .andExpect(flash().attribute("message", "ops.urged"));
        mvc.perform(post("/tasks/{id}/transfer", task).with(as("bq_leader")).with(csrf())
                .param("to", "bq_deputy").param("comment", "请代审"))
            .andExpect(redirectedUrl("/tasks"))
            .andExpect(flash().attribute("message", "ops.transferred"));
        assertThat(current(pid).assignee()).isEqualTo("bq_deputy");

        mvc.perform(post("/tasks/{id}/return-to", task).with(as("bq_deputy")).with(csrf())
                .param("step", PlanApprovalProcess.TASK_DRAFT).param("comment", "请补充专题"))
            .andExpect(redirectedUrl("/tasks"))
            .andExpect(flash().attribute("message", "ops.returnedTo"));
        assertThat(current(pid).step()).isEqualTo(PlanApprovalProcess.TASK_DRAFT);
        // an operation the routes do not know is no form of theirs
        mvc.perform(post("/tasks/{id}/teleport", task).with(as("bq_deputy")).with(csrf()))
            .andExpect(status().is4xxClientError());
    }

    @Test
    void theTaskPageOffersTransferDelegateAndAddSignerEachWithPeopleByName() throws Exception {
        Plan plan = Plans.submittedAnnual(plans, user("bq_secretary"));
        tasks.decide(current(plan.getProcessInstanceId()).id(), user("bq_publicity"), Decision.APPROVE, null);
        String task = current(plan.getProcessInstanceId()).id();
        // the demo's names repeat: the deputy is told apart by role and organisation
        String deputy = orgService.personByUsername("bq_deputy").getDisplayName() + "（副组长 · 卞桥镇党委）";

        String page = mvc.perform(get("/tasks/{id}", task).with(as("bq_leader")))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();

        for (String op : List.of("transfer", "delegate", "add-signer")) {
            assertThat(page).contains("action=\"/tasks/" + task + "/" + op + "\" method=\"post\" class=\"ops-form\" id=\""
                + op + "-form\"");
            String form = page.substring(page.indexOf("id=\"" + op + "-form\""));
            form = form.substring(0, form.indexOf("</form>"));
            assertThat(form).as(op).contains("<select name=\"to\" required>", "<option value=\"\">请选择</option>",
                "<option value=\"bq_deputy\">" + deputy + "</option>", "<button type=\"submit\"", "id=\"" + op + "\"");
        }
        assertThat(page).contains("<details id=\"transfer-box\">", "<summary>转办</summary>", "<span>转办给</span>",
            "<details id=\"delegate-box\">", "<summary>委派</summary>", "<span>委派给</span>", "<span>加签人</span>");
    }

    private TaskInfo current(String processInstanceId) {
        return workflow.activeTasks(processInstanceId).get(0);
    }
}
