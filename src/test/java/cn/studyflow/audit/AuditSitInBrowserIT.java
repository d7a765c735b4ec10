package cn.studyflow.audit;

import static cn.studyflow.support.DemoCast.PASSWORD;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.support.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * A random audit in a browser, from the draw to the accepted rectification, as the people involved click
 * through it: the dept of 青州市委 fills its pool, draws a session of 卞桥镇 and checks the draw; the drawn
 * auditors accept and file their records (one asks for rectification); 卞桥镇's secretary submits the report;
 * the lead auditor accepts it. The job executor runs, as in production, so steps after the asynchronous
 * continuations appear a moment later.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"demo", "test"})
class AuditSitInBrowserIT {

    static final Path SCREENS = Path.of("target", "screenshots", "audit");

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired UserDetailsService users;

    @Test
    void aRandomAuditRunsFromTheDrawToTheAcceptedRectification() {
        AuditFixtures fx = new AuditFixtures(context);
        fx.sessionsThisMonth(user("bq_secretary"), user("bq_leader"), 1);
        String base = "http://localhost:" + port;

        try (Browser browser = Browser.launch()) {
            // the dept fills its auditor pool
            Page dept = browser.newPage();
            Browser.login(dept, base, "qz_dept", PASSWORD);
            dept.navigate(base + "/audits/pool");
            for (String auditor : List.of("qz_auditor", "wfz_auditor", "jy_auditor")) {
                String value = dept.locator("#pool-add option[data-username=" + auditor + "]").getAttribute("value");
                dept.selectOption("#pool-add select[name=personId]", value);
                dept.fill("#pool-add input[name=specialty]", "理论宣讲");
                dept.click("#pool-add-submit");
                assertThat(dept.locator(".flash.success")).hasText("已加入巡听人员库。");
            }
            assertThat(dept.locator("#pool-table tbody tr")).hasCount(3);
            shot(dept, "1-pool");

            // draws one session of 卞桥镇 with two auditors, and checks the draw
            dept.navigate(base + "/audits/draws");
            for (Locator box : dept.locator("#draw-form input[name=orgIds]").all()) {
                box.uncheck();
            }
            dept.check("#org-bq");
            dept.fill("#draw-form input[name=sessions]", "1");
            dept.fill("#draw-form input[name=auditorsPerSession]", "2");
            dept.click("#run-draw");
            assertThat(dept.locator(".flash.success")).hasText("抽取完成，已通知抽中的巡听人员。");
            assertThat(dept.locator("#draw-result tbody tr")).hasCount(1);
            assertThat(dept.locator("#draw-result tbody tr td").first()).hasText("卞桥镇党委");
            dept.click("#verify-draw");
            assertThat(dept.locator("#verification")).hasText("复核一致：用保存的输入和随机种子重新抽取，结果相同。");
            shot(dept, "2-draw");
            dept.click("#draw-result a");
            String auditUrl = dept.url();
            assertThat(dept.locator("#audit-mode")).hasText("随机巡听");
            assertThat(dept.locator("#audit-status")).hasText("待巡听人员确认");
            List<String> auditors = dept.locator("#audit-assignments tbody tr").all().stream()
                .map(row -> row.getAttribute("data-username")).toList();
            Assertions.assertThat(auditors).hasSize(2).doesNotContain("bq_auditor");
            String lead = dept.locator("#audit-assignments tbody tr:has(.lead-mark)").getAttribute("data-username");

            // each drawn auditor accepts on the task page
            for (String auditor : auditors) {
                Page page = browser.newPage();
                Browser.login(page, base, auditor, PASSWORD);
                openTask(page, base, "", "确认巡听任务");
                shot(page, "accept-" + auditor);
                page.click("#accept-assignment");
                assertThat(page.locator(".flash.success")).hasText("已接受巡听任务。");
                page.context().close();
            }

            // after the session each files a record; the second asks for rectification
            boolean first = true;
            for (String auditor : auditors) {
                Page page = browser.newPage();
                Browser.login(page, base, auditor, PASSWORD);
                openTask(page, base, "", "列席旁听并填写巡听记录");
                page.click("#open-record");
                fillRecord(page, first ? "PASS" : "RECTIFY");
                if (first) {
                    shot(page, "3-record-form");
                }
                page.click("#file-record");
                assertThat(page.locator(".flash.success")).hasText("巡听记录已提交。");
                page.context().close();
                first = false;
            }

            // 卞桥镇's secretary now sees the audit and submits the rectification report
            Page secretary = browser.newPage();
            Browser.login(secretary, base, "bq_secretary", PASSWORD);
            openTask(secretary, base, "?view=GROUP", "提交整改报告");
            assertThat(secretary.locator("#audit-status")).hasText("整改中");
            secretary.fill("#rectification-form textarea[name=report]", "一、组织补学；二、完善研讨发言审核；三、规范考勤。");
            secretary.click("#submit-rectification");
            assertThat(secretary.locator(".flash.success")).hasText("整改报告已提交，等待牵头巡听员审核。");
            assertThat(secretary.locator("#audit-status")).hasText("整改报告审核中");

            // the lead auditor accepts it with the approve-or-return form
            Page leadPage = browser.newPage();
            Browser.login(leadPage, base, lead, PASSWORD);
            openTask(leadPage, base, "", "牵头巡听员审核整改报告");
            shot(leadPage, "4-review");
            leadPage.fill("#decision-form textarea[name=comment]", "整改到位");
            leadPage.click("#approve");
            assertThat(leadPage.locator(".flash.success")).hasText("已通过。");

            dept.navigate(auditUrl);
            assertThat(dept.locator("#audit-status")).hasText("整改完成");
            assertThat(dept.locator("#audit-verdict")).hasText("需要整改");
            assertThat(dept.locator(".rectification")).hasCount(1);
            assertThat(dept.locator(".audit-records .record")).hasCount(2);
            assertThat(dept.locator(".bpmn-diagram")).hasClass(Pattern.compile("sf-diagram-loaded"));
            shot(dept, "5-closed");
            dept.navigate(base + "/audits/overview");
            assertThat(dept.locator("#overview-table tr[data-org] .done").first()).hasText("1");
            shot(dept, "6-overview");
            dept.navigate(base + "/audits");
            assertThat(dept.locator("#audit-table tbody tr")).hasCount(1);
            shot(dept, "7-list");
        }
    }

    /**
     * Opens the task at {@code step} from the tasklist. Steps after an asynchronous continuation appear once
     * the job executor has run it, so the list is reloaded for a while.
     */
    private static void openTask(Page page, String base, String query, String step) {
        page.navigate(base + "/tasks" + query);
        Locator row = page.locator("#task-table tbody tr").filter(new Locator.FilterOptions().setHasText(step));
        for (int i = 0; i < 60 && row.count() == 0; i++) {
            page.waitForTimeout(500);
            page.reload();
        }
        row.first().locator("a").click();
        assertThat(page.locator("#task-step")).hasText(step);
    }

    private static void fillRecord(Page page, String verdict) {
        page.fill("input[name=expectedAttendance]", "16");
        page.fill("input[name=actualAttendance]", "14");
        page.selectOption("select[name=scorePreparation]", "4");
        page.selectOption("select[name=scoreDiscussion]", "PASS".equals(verdict) ? "4" : "2");
        page.selectOption("select[name=scoreDiscipline]", "5");
        page.selectOption("select[name=scoreApplication]", "3");
        page.check("input[name=checkedPoints][value=plan]");
        page.check("input[name=checkedPoints][value=chair]");
        page.fill("textarea[name=findings]", "PASS".equals(verdict) ? "准备充分，联系实际。" : "研讨发言照本宣科，未联系本镇实际。");
        page.fill("textarea[name=onSiteComment]", "现场点评：要把学习成果转化为工作举措。");
        page.check("input[name=verdict][value=" + verdict + "]");
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENS.resolve(name + ".png")).setFullPage(true));
    }

    private CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }
}
