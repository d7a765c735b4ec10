package cn.studyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.task.ActionLog;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A plan is seen by its own organisation and by the dept, manager, auditor and admin roles above it, and
 * only its own secretary edits it. Everyone else is refused and nothing changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanScopeTest extends IntegrationTest {

    @Autowired PlanService plans;
    @Autowired PlanMapper planMapper;
    @Autowired Workflow workflow;
    @Autowired ActionLog actionLog;

    Plan draft;
    Plan submitted;

    /** Every test here is refused or only reads, so the two plans are made once. */
    @BeforeAll
    void plansOfTheTown() {
        draft = plans.create(user("bq_secretary"), PlanKind.ANNUAL, Plans.freshYear(user("bq_secretary")), null);
        draft = plans.saveDraft(draft.getId(), user("bq_secretary"), Plans.form(draft, 3));
        submitted = Plans.submittedAnnual(plans, user("bq_secretary"));
    }

    /**
     * A sibling town, a department beside it, and a town-level department role that sees only its own subtree: for
     * them the town's plans do not exist (404, like a plan that does not), and may not be edited or submitted.
     */
    @ParameterizedTest
    @ValueSource(strings = {"wfz_publicity", "wfz_secretary", "wfz_dept", "wfz_admin", "jy_secretary", "jy_manager"})
    void forSomeoneOutsideTheTownItsPlansDoNotExist(String username) throws Exception {
        Snapshot before = snapshot(draft);
        for (Plan plan : List.of(draft, submitted)) {
            long id = plan.getId();
            mvc.perform(get("/plans/{id}", id).with(as(username)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("您要找的内容不存在")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(plan.getTitle()))));
            mvc.perform(get("/plans/{id}/diagram", id).with(as(username))).andExpect(status().isNotFound());
            mvc.perform(get("/plans/{id}/compare", id).param("from", "1").param("to", "1").with(as(username)))
                .andExpect(status().isNotFound());
            mvc.perform(get("/plans/{id}/edit", id).with(as(username))).andExpect(status().isNotFound());
            mvc.perform(get("/api/plans/{id}", id).with(httpBasic(username, PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("error.notFound"));
            mvc.perform(get("/api/plans/{id}/compare", id).param("from", "1").param("to", "1")
                    .with(httpBasic(username, PASSWORD)))
                .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/plans").param("size", "100").with(httpBasic(username, PASSWORD)))
            .andExpect(jsonPath("$.items[?(@.id == " + draft.getId() + ")]").isEmpty())
            .andExpect(jsonPath("$.items[?(@.id == " + submitted.getId() + ")]").isEmpty());
        assertThat(snapshot(draft)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wfz_secretary", "jy_secretary"})
    void aSecretaryOfAnotherOrganisationCannotEditOrSubmitThePlan(String username) throws Exception {
        Snapshot before = snapshot(draft);

        mvc.perform(editForm(draft, "改过的标题").with(as(username))).andExpect(status().isNotFound());
        mvc.perform(editForm(draft, "改过的标题").param("submit", "1").with(as(username))).andExpect(status().isNotFound());
        mvc.perform(json(put("/api/plans/{id}", draft.getId()), apiForm(draft, "改过的标题"))
                .with(httpBasic(username, PASSWORD)))
            .andExpect(status().isNotFound());
        mvc.perform(json(post("/api/plans/{id}/submit", draft.getId()), "{\"version\":" + draft.getVersion() + "}")
                .with(httpBasic(username, PASSWORD)))
            .andExpect(status().isNotFound());

        assertThat(snapshot(draft)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qz_dept", "qz_manager", "qz_auditor", "wf_dept", "admin"})
    void rolesThatSeeTheSubtreeSeeTheTownsPlans(String username) throws Exception {
        mvc.perform(get("/plans/{id}", submitted.getId()).with(as(username)))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString(submitted.getTitle())));
        mvc.perform(get("/plans/{id}/diagram", submitted.getId()).with(as(username)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.current[0]").value(PlanApprovalProcess.TASK_REVIEW_BY_PUBLICITY));
        mvc.perform(get("/api/plans/{id}", submitted.getId()).with(httpBasic(username, PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.plan.id").value(submitted.getId()))
            .andExpect(jsonPath("$.topics.length()").value(12));
        mvc.perform(get("/plans").param("year", "" + submitted.getPlanYear()).with(as(username)))
            .andExpect(content().string(Matchers.containsString(submitted.getTitle())));
    }

    @Test
    void aMemberSeesTheirOwnOrganisationsPlanButCannotEditIt() throws Exception {
        Snapshot before = snapshot(draft);

        mvc.perform(get("/plans/{id}", draft.getId()).with(as("bq_member")))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString(draft.getTitle())))
            .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"edit-plan\""))));
        mvc.perform(get("/plans/{id}/edit", draft.getId()).with(as("bq_member")))
            .andExpect(redirectedUrl("/plans/" + draft.getId()));
        mvc.perform(editForm(draft, "成员改的标题").with(as("bq_member"))).andExpect(status().isForbidden());
        // an incomplete form is refused for who sends it, not for what it lacks
        mvc.perform(editForm(draft, "").with(as("bq_member"))).andExpect(status().isForbidden());
        mvc.perform(json(put("/api/plans/{id}", draft.getId()), apiForm(draft, "成员改的标题"))
                .with(httpBasic("bq_member", PASSWORD)))
            .andExpect(status().isForbidden());
        mvc.perform(json(put("/api/plans/{id}", draft.getId()), "{\"version\":" + draft.getVersion() + ",\"title\":\"\"}")
                .with(httpBasic("bq_member", PASSWORD)))
            .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/plans/{id}/submit", draft.getId()), "{\"version\":" + draft.getVersion() + "}")
                .with(httpBasic("bq_member", PASSWORD)))
            .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/plans"), "{\"kind\":\"ANNUAL\",\"year\":" + Plans.freshYear(user("bq_secretary")) + "}")
                .with(httpBasic("bq_member", PASSWORD)))
            .andExpect(status().isForbidden());

        assertThat(snapshot(draft)).isEqualTo(before);
    }

    @Test
    void theSecretarySeesTheEditButtonOnlyWhileThePlanIsEditable() throws Exception {
        mvc.perform(get("/plans/{id}", draft.getId()).with(as("bq_secretary")))
            .andExpect(content().string(Matchers.containsString("id=\"edit-plan\"")));
        mvc.perform(get("/plans/{id}", submitted.getId()).with(as("bq_secretary")))
            .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"edit-plan\""))));
        Snapshot before = snapshot(submitted);

        mvc.perform(json(put("/api/plans/{id}", submitted.getId()), apiForm(submitted, "提交后再改"))
                .with(httpBasic("bq_secretary", PASSWORD)))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.message").value("计划已提交，当前不能修改。"));
        assertThat(snapshot(submitted)).isEqualTo(before);
    }

    @Test
    void aTamperedPlanIdIsNotFoundAndABogusRevisionIsRefused() throws Exception {
        long bogus = submitted.getId() + 100_000;
        mvc.perform(get("/plans/{id}", bogus).with(as("bq_secretary")))
            .andExpect(status().isNotFound())
            .andExpect(content().string(Matchers.containsString("您要找的内容不存在")));
        mvc.perform(get("/plans/{id}/diagram", bogus).with(as("bq_secretary"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/plans/{id}", bogus).with(httpBasic("bq_secretary", PASSWORD)))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.message").value("您要找的内容不存在。"));
        mvc.perform(json(put("/api/plans/{id}", bogus), apiForm(draft, "x")).with(httpBasic("bq_secretary", PASSWORD)))
            .andExpect(status().isNotFound());
        mvc.perform(get("/plans/{id}/compare", submitted.getId()).param("from", "1").param("to", "7")
                .with(as("bq_secretary")))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(Matchers.containsString("没有这个修订版本")));
    }

    private MockHttpServletRequestBuilder editForm(Plan plan, String title) {
        MockHttpServletRequestBuilder request = post("/plans/{id}", plan.getId()).with(csrf())
            .param("version", "" + plan.getVersion()).param("title", title);
        PlanForm form = Plans.form(plan, 3);
        for (int i = 0; i < form.getTopics().size(); i++) {
            PlanForm.TopicForm t = form.getTopics().get(i);
            request.param("topics[" + i + "].month", "" + t.getMonth())
                .param("topics[" + i + "].title", t.getTitle())
                .param("topics[" + i + "].format", t.getFormat().name())
                .param("topics[" + i + "].speaker", t.getSpeaker());
        }
        return request;
    }

    private static String apiForm(Plan plan, String title) {
        return "{\"version\":" + plan.getVersion() + ",\"title\":\"" + title + "\",\"topics\":[{\"month\":1,"
            + "\"title\":\"学习党章\",\"format\":\"COLLECTIVE_STUDY\",\"speaker\":\"王建国\"}]}";
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private Snapshot snapshot(Plan plan) {
        Plan now = planMapper.selectById(plan.getId());
        return new Snapshot(now.getTitle(), now.getStatus(), now.getVersion(), now.getRevision(),
            plans.topics(now, now.getRevision()).stream().map(PlanTopic::getTitle).toList(),
            workflow.activeTasks(now.getProcessInstanceId()).stream().map(TaskInfo::step).toList(),
            actionLog.timeline(PlanService.ref(now)).size());
    }

    record Snapshot(String title, PlanStatus status, int version, int revision, List<String> topics, List<String> steps,
                    int actions) {
    }
}
