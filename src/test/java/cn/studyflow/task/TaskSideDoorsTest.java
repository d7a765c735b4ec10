package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What one may not see does not show through batch approval (issue 13 §3): a task outside one's reach is
 * "not found" and nothing more, neither its title nor why, on the page and in the API alike.
 */
class TaskSideDoorsTest extends IntegrationTest {

    @Autowired PlanService plans;
    @Autowired Workflow workflow;
    @Autowired ActionLog actionLog;

    @Test
    void batchApprovalOfAnotherTownsTaskRevealsNoTitleAndApprovesNothing() throws Exception {
        Plan foreign = Plans.submittedAnnual(plans, user("bq_secretary"));
        TaskInfo task = workflow.activeTasks(foreign.getProcessInstanceId()).get(0);
        int history = actionLog.timeline(new SubjectRef("PLAN", foreign.getId())).size();

        mvc.perform(post("/api/tasks/batch-approve").with(httpBasic("wfz_publicity", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskIds\":[\"" + task.id() + "\",\"no-such-task\"],\"comment\":\"同意\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.approved").value(0))
            .andExpect(jsonPath("$.results[0].approved").value(false))
            .andExpect(jsonPath("$.results[0].title").doesNotExist())
            .andExpect(jsonPath("$.results[0].code").value("error.notFound"))
            // a task that is not there answers the same
            .andExpect(jsonPath("$.results[1].code").value("error.notFound"))
            .andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain(foreign.getTitle()));

        MvcResult page = mvc.perform(post("/tasks/batch-approve").with(as("wfz_publicity")).with(csrf())
                .param("taskIds", task.id()).param("comment", "同意"))
            .andExpect(status().is3xxRedirection()).andReturn();
        List<?> lines = (List<?>) page.getFlashMap().get("batchResults");
        assertThat(lines).singleElement().isInstanceOfSatisfying(TaskController.BatchLine.class, line -> {
            assertThat(line.title()).isNull();
            assertThat(line.approved()).isFalse();
            assertThat(line.message()).isEqualTo("您要找的内容不存在。");
        });

        assertThat(workflow.activeTasks(foreign.getProcessInstanceId())).singleElement()
            .satisfies(t -> assertThat(t.id()).isEqualTo(task.id()));
        assertThat(actionLog.timeline(new SubjectRef("PLAN", foreign.getId()))).hasSize(history);
    }
}
