package cn.studyflow.task;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.Browser;
import cn.studyflow.support.Plans;
import cn.studyflow.workflow.Workflow;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * The approval operations in a real browser: the leader transfers a plan to the deputy, the deputy returns it
 * to the first step, and the secretary, told why, resubmits it. Each person checks what they see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalOperationsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired Workflow workflow;
    @Autowired UserDetailsService users;

    Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.open("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void leaderTransfersDeputyReturnsToTheFirstStepAndSecretaryResubmits() {
        // a plan the publicity member has approved waits for the leader or the deputy
        CurrentUser secretary = user("bq_secretary");
        Plan plan = Plans.submittedAnnual(plans, secretary);
        tasks.decide(workflow.activeTasks(plan.getProcessInstanceId()).get(0).id(), user("bq_publicity"),
            Decision.APPROVE, "同意");
        String title = plan.getTitle();

        // the leader sees what comes next, and transfers the task to the deputy
        Page leader = browser.loginAs("bq_leader");
        leader.click("#tab-group");
        leader.click("#task-table >> text=" + title);
        assertThat(leader.locator("#task-step")).hasText("组长审批");
        assertThat(leader.locator("#next-steps")).containsText("上级宣传部备案");
        assertThat(leader.locator("#next-steps")).containsText("宣传部");
        assertThat(leader.locator("#delegate-box")).isVisible();
        leader.click("#transfer-box summary");
        leader.selectOption("#transfer-form select[name=to]", "bq_deputy");
        leader.fill("#transfer-form textarea[name=comment]", "本人外出学习，请副组长审批");
        Browser.screenshot(leader, "operations-transfer");
        leader.click("#transfer");
        assertThat(leader.locator(".flash.success")).hasText("已转办。");
        assertThat(leader.locator("#task-table >> text=" + title)).hasCount(0);

        // the deputy finds it among their own tasks and returns it to the secretary's draft step
        Page deputy = browser.loginAs("bq_deputy");
        deputy.click("#task-table >> text=" + title);
        assertThat(deputy.locator("#task-assignee")).containsText(user("bq_deputy").getDisplayName());
        assertThat(deputy.locator(".timeline")).containsText("转办");
        assertThat(deputy.locator(".timeline")).containsText("本人外出学习，请副组长审批");
        deputy.click("#return-to-box summary");
        assertThat(deputy.locator("#return-to-form select[name=step] option")).hasCount(3);
        deputy.selectOption("#return-to-form select[name=step]", "draftPlan");
        deputy.fill("#return-to-form textarea[name=comment]", "请补充学习贯彻省委全会精神的专题");
        deputy.click("#return-to");
        assertThat(deputy.locator(".flash.success")).hasText("已退回到指定环节。");

        // the secretary is told why, sees where the plan went back on its diagram, and resubmits
        Page writer = browser.loginAs("bq_secretary");
        writer.click("text=通知");
        assertThat(writer.locator("#notification-list")).containsText("请补充学习贯彻省委全会精神的专题");
        writer.navigate("/plans/" + plan.getId());
        assertThat(writer.locator("#plan-status")).hasText("已退回");
        assertThat(writer.locator(".timeline")).containsText("退回到指定环节");
        assertThat(writer.locator(".timeline")).containsText("→ 编制/修改学习计划");
        assertThat(writer.locator(".bpmn-diagram .sf-taken-back").first()).isVisible();
        Browser.screenshot(writer, "operations-returned-to-draft");
        writer.click("#edit-plan");
        writer.click("#submit-plan");
        assertThat(writer.locator(".flash.success")).hasText("计划已提交审批。");
        assertThat(writer.locator("#plan-status")).hasText("审批中");
        assertThat(writer.locator("#current-step")).hasText("宣传委员审核");
        assertThat(writer.locator("#instance-operations #next-steps")).containsText("组长审批");
        assertThat(writer.locator("#withdraw")).isVisible();
        assertThat(writer.locator("#urge")).isVisible();
        Browser.screenshot(writer, "operations-resubmitted");
    }

    private CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }
}
