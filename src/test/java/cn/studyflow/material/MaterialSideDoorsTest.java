package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.Workflow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * A member reads their own materials before the archive, never another member's: not on its page, and not
 * through the operations on its process instance either (issue 13 §3).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialSideDoorsTest extends IntegrationTest {

    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;
    @Autowired Workflow workflow;
    @Autowired MaterialUploads uploads;

    StudySession session;

    @BeforeAll
    void sessions() {
        session = MaterialFixtures.sessionsOf(DemoOrg.BQ, this::user, plans, tasks, workflow, sessions).get(5);
    }

    @Test
    void aMemberAskingForTheNextStepsOfAnotherMembersMaterialIsToldItDoesNotExist() throws Exception {
        CurrentUser author = user("bq_member");
        Material m = uploads.create(author, MaterialFixtures.form(session, "调研报告：基层理论宣讲"),
            MaterialFixtures.pdf("报告.pdf"), true);
        String pid = m.getProcessInstanceId();

        // the author sees who reviews next
        mvc.perform(get("/api/instances/{pid}/next-steps", pid).with(httpBasic("bq_member", PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].step").value(MaterialReviewProcess.TASK_SECOND_REVIEW));
        // another member of the same group may not read the material, so neither its steps nor its reviewers
        mvc.perform(get("/api/materials/{id}", m.getId()).with(httpBasic("bq_member2", PASSWORD)))
            .andExpect(status().is4xxClientError());
        mvc.perform(get("/api/instances/{pid}/next-steps", pid).with(httpBasic("bq_member2", PASSWORD)))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.code").value("error.notFound"));
        mvc.perform(post("/api/instances/{pid}/urge", pid).with(httpBasic("bq_member2", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isNotFound());
        mvc.perform(post("/api/instances/{pid}/withdraw", pid).with(httpBasic("bq_member2", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isNotFound());
        // an instance that does not exist answers the same
        mvc.perform(get("/api/instances/{pid}/next-steps", "no-such-instance").with(httpBasic("bq_member2", PASSWORD)))
            .andExpect(status().isNotFound());
        assertThat(workflow.activeTasks(pid)).singleElement()
            .satisfies(t -> assertThat(t.step()).isEqualTo(MaterialReviewProcess.TASK_FIRST_REVIEW));
    }
}
