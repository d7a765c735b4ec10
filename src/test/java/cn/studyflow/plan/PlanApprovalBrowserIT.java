package cn.studyflow.plan;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.studyflow.support.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A plan from draft to registered in a real browser: the secretary drafts and submits, the publicity member
 * returns it, the secretary revises, and the publicity member, the leader and the county's publicity
 * department approve. Each person checks what they see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanApprovalBrowserIT {

    @LocalServerPort
    int port;

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
    void planGoesFromDraftToRegistered() {
        // the secretary drafts the 2027 plan: twelve topics, saved as a draft first
        Page secretary = browser.loginAs("bq_secretary");
        assertThat(secretary.locator("#current-user")).containsText("学习秘书");
        secretary.click("text=学习计划");
        secretary.click("#new-plan");
        secretary.fill("#new-annual input[name=year]", "2027");
        secretary.click("#new-annual button[type=submit]");
        assertThat(secretary.locator(".flash.success")).hasText("计划已创建，请填写专题。");
        for (int i = 0; i < 12; i++) {
            secretary.fill("[name='topics[" + i + "].title']", (i + 1) + "月专题：学习习近平新时代中国特色社会主义思想");
            secretary.selectOption("select[name='topics[" + i + "].format']", i % 2 == 0 ? "COLLECTIVE_STUDY" : "SPECIAL_LECTURE");
            secretary.fill("input[name='topics[" + i + "].speaker']", i % 2 == 0 ? "周春梅" : "县委党校讲师");
        }
        secretary.check("input[name='topics[5].enlarged']");
        secretary.fill("[name='topics[5].participants']", "各村党支部书记");
        secretary.click("#save-plan");
        assertThat(secretary.locator(".flash.success")).hasText("草稿已保存。");

        // comes back later, fixes one topic and submits
        secretary.navigate("/plans");
        secretary.click("text=卞桥镇党委2027年度理论学习中心组学习计划");
        assertThat(secretary.locator("#plan-status")).hasText("草稿");
        secretary.click("#edit-plan");
        assertThat(secretary.locator("[name='topics[11].title']")).hasValue("12月专题：学习习近平新时代中国特色社会主义思想");
        secretary.fill("[name='topics[11].title']", "12月专题：年度学习总结与民主生活会准备");
        secretary.click("#submit-plan");
        assertThat(secretary.locator(".flash.success")).hasText("计划已提交审批。");
        assertThat(secretary.locator("#plan-status")).hasText("审批中");
        assertThat(secretary.locator("#current-step")).hasText("宣传委员审核");
        assertThat(secretary.locator("#plan-topics tbody tr")).hasCount(12);

        // the publicity member finds it among the group's tasks, claims it and returns it with a comment
        Page publicity = browser.loginAs("bq_publicity");
        publicity.click("#tab-group");
        publicity.click("text=卞桥镇党委2027年度理论学习中心组学习计划");
        assertThat(publicity.locator("#task-step")).hasText("宣传委员审核");
        assertThat(publicity.locator(".timeline")).containsText("提交");
        assertThat(publicity.locator(".bpmn-diagram .sf-current").first()).isVisible();
        publicity.click("#claim");
        assertThat(publicity.locator("#task-assignee")).containsText("办理人");
        publicity.click("#return");
        assertThat(publicity.locator(".flash.error")).hasText("退回时必须填写意见。");
        publicity.fill("textarea[name=comment]", "请增加学习贯彻省委全会精神的专题");
        publicity.click("#return");
        assertThat(publicity.locator(".flash.success")).hasText("已退回。");
        Browser.screenshot(publicity, "plan-returned-tasklist");

        // the secretary is told why, adds the topic and resubmits; the two revisions compare topic by topic
        secretary.navigate("/tasks");
        assertThat(secretary.locator("#unread-count")).isVisible();
        secretary.click("text=通知");
        assertThat(secretary.locator("#notification-list")).containsText("请增加学习贯彻省委全会精神的专题");
        secretary.navigate("/plans");
        secretary.click("text=卞桥镇党委2027年度理论学习中心组学习计划");
        assertThat(secretary.locator("#plan-status")).hasText("已退回");
        secretary.click("#edit-plan");
        secretary.fill("input[name='topics[12].month']", "3");
        secretary.fill("[name='topics[12].title']", "学习贯彻省委全会精神");
        secretary.selectOption("select[name='topics[12].format']", "SPECIAL_LECTURE");
        secretary.fill("input[name='topics[12].speaker']", "市委宣讲团");
        secretary.click("#submit-plan");
        assertThat(secretary.locator("#plan-status")).hasText("审批中");
        secretary.click("#compare");
        assertThat(secretary.locator("#diff-table tr.diff-added")).containsText("学习贯彻省委全会精神");
        Browser.screenshot(secretary, "plan-compare");

        // publicity approves, then the leader, then the county's publicity department registers it
        approve(browser.loginAs("bq_publicity"), "宣传委员审核");
        approve(browser.loginAs("bq_leader"), "组长审批");
        Page dept = browser.loginAs("qz_dept");
        assertThat(dept.locator("#current-user")).containsText("青州市委");
        approve(dept, "上级宣传部备案");

        // everyone in the town's group sees the plan in force and its sessions scheduled
        Page member = browser.loginAs("bq_member");
        member.navigate("/plans");
        member.click("text=卞桥镇党委2027年度理论学习中心组学习计划");
        assertThat(member.locator("#plan-status")).hasText("已生效");
        assertThat(member.locator("#edit-plan")).hasCount(0);
        assertThat(member.locator(".timeline")).containsText("计划生效，已生成学习会");
        assertThat(member.locator(".bpmn-diagram .sf-completed").first()).isVisible();
        Browser.screenshot(member, "plan-registered");
        member.navigate("/sessions?year=2027");
        assertThat(member.locator("#session-table tbody tr")).hasCount(13);
        assertThat(member.locator("#session-table")).containsText("学习贯彻省委全会精神");
    }

    private static void approve(Page page, String step) {
        page.click("#tab-group");
        page.click("text=卞桥镇党委2027年度理论学习中心组学习计划");
        assertThat(page.locator("#task-step")).hasText(step);
        Locator approve = page.locator("#approve");
        approve.click();
        assertThat(page.locator(".flash.success")).hasText("已通过。");
        assertThat(page.locator("#task-table >> text=卞桥镇党委2027年度理论学习中心组学习计划")).hasCount(0);
    }
}
