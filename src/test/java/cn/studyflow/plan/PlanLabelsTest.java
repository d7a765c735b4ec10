package cn.studyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.task.ApprovalOperations;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** The plan page says what happened: withdrawn is 已撤回, registration is 已备案, each process names its own steps. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanLabelsTest extends IntegrationTest {

    @Autowired PlanService plans;
    @Autowired ApprovalOperations ops;
    @Autowired TasklistService tasks;
    @Autowired Workflow workflow;
    @Autowired NotificationMapper notifications;

    CurrentUser secretary;

    @BeforeAll
    void aTownOfItsOwn() {
        Org town = newOrg("戊镇党委", OrgKind.TOWN, user("qz_dept").getOrg());
        secretary = newPerson("secE", town, Role.SECRETARY);
        newPerson("pubE", town, Role.PUBLICITY);
    }

    @Test
    void aWithdrawnPlanReadsWithdrawnNotReturned() throws Exception {
        Plan plan = Plans.submittedAnnual(plans, secretary);

        ops.withdraw(plan.getProcessInstanceId(), secretary, "发现错别字");

        assertThat(plans.get(plan.getId(), secretary).getStatus()).isEqualTo(PlanStatus.WITHDRAWN);
        String page = page(plan);
        assertThat(planStatus(page)).isEqualTo("已撤回");
        assertThat(timeline(page)).last().as("the step it was taken back from").isEqualTo("宣传委员审核 撤回");
        assertThat(planStatus(page(plan, "en"))).isEqualTo("Withdrawn");
    }

    @Test
    void theWithdrawHintNamesTheStepInTheReadersLanguage() throws Exception {
        Plan annual = Plans.submittedAnnual(plans, secretary);
        Plan supplementary = plans.create(secretary, PlanKind.SUPPLEMENTARY, 2027, 6);
        supplementary = plans.saveDraft(supplementary.getId(), secretary, Plans.form(supplementary, 1));
        plans.submit(supplementary.getId(), secretary, supplementary.getVersion());

        assertThat(page(annual, "en")).contains("you may withdraw it to \u201cDraft or revise the plan\u201d.");
        assertThat(page(supplementary, "en"))
            .contains("you may withdraw it to \u201cDraft or revise the supplementary plan\u201d.");
    }

    @Test
    void aRegisteredPlanReadsRegisteredAtTheRegistrationStep() throws Exception {
        CurrentUser bq = user("bq_secretary");
        Plan plan = Plans.submittedAnnual(plans, bq);
        decideCurrent(plan, user("bq_publicity"));
        decideCurrent(plan, user("bq_leader"));
        decideCurrent(plan, user("qz_dept"));

        List<String> timeline = timeline(mvc.perform(get("/plans/{id}", plan.getId()).with(as("bq_secretary")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(timeline).contains("宣传委员审核 通过", "组长审批 通过", "上级宣传部备案 已备案")
            .doesNotContain("上级宣传部备案 通过");
        // the secretary is told it was registered, not that it passed registration
        assertThat(notifications.selectByPerson(bq.getPersonId(), 0, 50)).filteredOn(n -> n.getLink().equals("/plans/" + plan.getId()))
            .extracting(Notification::getMessageKey)
            .containsExactlyInAnyOrder("plan.notify.passed", "plan.notify.passed", "plan.notify.registered", "plan.notify.approved");
    }

    @Test
    void aSupplementaryPlansTimelineNamesItsOwnDraftStep() throws Exception {
        Plan plan = plans.create(secretary, PlanKind.SUPPLEMENTARY, 2027, 5);
        plan = plans.saveDraft(plan.getId(), secretary, Plans.form(plan, 1));
        plans.submit(plan.getId(), secretary, plan.getVersion());

        String page = page(plan);
        assertThat(timeline(page)).contains("编制/修改补充计划 提交").doesNotContain("编制/修改学习计划 提交");
        assertThat(page).contains("<dd id=\"plan-year\">2027年</dd>");
    }

    private void decideCurrent(Plan plan, CurrentUser who) {
        String taskId = workflow.activeTasks(plan.getProcessInstanceId()).get(0).id();
        tasks.decide(taskId, who, Decision.APPROVE, "同意");
    }

    private String page(Plan plan) throws Exception {
        return page(plan, "zh-CN");
    }

    private String page(Plan plan, String lang) throws Exception {
        return mvc.perform(get("/plans/{id}", plan.getId()).with(as(secretary.getUsername())).param("lang", lang))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String planStatus(String page) {
        Matcher m = Pattern.compile("id=\"plan-status\">([^<]*)<").matcher(page);
        return m.find() ? m.group(1) : null;
    }

    /** Each entry of the timeline as "step what". */
    private static List<String> timeline(String page) {
        Matcher m = Pattern.compile("<span class=\"step\">([^<]*)</span>\\s*<strong class=\"what\">([^<]*)</strong>")
            .matcher(page);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) + " " + m.group(2));
        }
        return found;
    }
}
