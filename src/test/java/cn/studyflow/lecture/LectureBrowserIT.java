package cn.studyflow.lecture;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgKind;
import cn.studyflow.session.Roster;
import cn.studyflow.support.Browser;
import cn.studyflow.support.StudyGroup;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * 我来讲党课 in a real browser, through the pages: 卞桥镇's member enters a lecture at the town's round, two judges
 * score it, the town's organiser sends it up, the county's judges score it, 青州市委's organiser names it
 * outstanding, and a member of the neighbouring town finds it in the library. The campaign (town → county) and
 * the two rounds are opened through the services; the lecture's script is a study material of the member's marked
 * as having passed its review (the review itself is walked in the material tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LectureBrowserIT {

    static final String TITLE = "田间地头话振兴";

    @LocalServerPort int port;
    @Autowired Campaigns campaigns;
    @Autowired LectureRounds rounds;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Autowired Roster roster;

    Browser browser;
    String base;
    LectureRound townRound;
    LectureRound countyRound;

    @BeforeAll
    void setUp() {
        base = "http://localhost:" + port;
        browser = Browser.open(base);
        CampaignForm form = new CampaignForm();
        form.setTitle("浏览器测试“我来讲党课”");
        form.setYear(LocalDate.now(clock).getYear());
        form.setCategories("乡味党课\n车间党课");
        form.getLevels().add(new CampaignForm.LevelRow(OrgKind.TOWN, 1));
        form.getLevels().add(new CampaignForm.LevelRow(OrgKind.COUNTY, 1));
        form.getCriteria().add(new CampaignForm.CriterionRow("内容", 60));
        form.getCriteria().add(new CampaignForm.CriterionRow("讲授", 40));
        Campaign c = campaigns.create(user("qz_dept"), form);
        townRound = rounds.open(c.getId(), user("bq_dept"), LectureFixture.roundForm(0, List.of("qz_auditor", "wfz_member")));
        countyRound = rounds.open(c.getId(), user("qz_dept"), LectureFixture.roundForm(1, List.of("jy_member", "wfz_leader")));
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMembersLectureIsScoredSentUpNamedOutstandingAndFoundInTheLibrary() {
        // 1. the member enters the lecture from the campaign's page and links the reviewed script
        Page member = browser.loginAs("bq_member");
        member.navigate(base + "/lectures");
        member.click("#nav-lectures");
        member.click("text=浏览器测试“我来讲党课”");
        member.click(".enter-link");
        member.fill("input[name=title]", TITLE);
        member.locator("select[name=category]").selectOption("乡味党课");
        member.fill("input[name=homeDate]", LocalDate.now(StudyGroup.ZONE).minusDays(5).toString());
        member.fill("input[name=homeAudience]", "村党支部全体党员");
        member.click("#enter");
        assertThat(member.locator(".flash.success")).isVisible();
        assertThat(member.locator("#entry-title")).hasText(TITLE);
        member.fill("#script-form input[name=materialId]", String.valueOf(LectureFixture.script(jdbc, roster, user("bq_member"), true)));
        member.click("#attach-script");
        assertThat(member.locator("#entry-script")).containsText("学习材料");
        Browser.screenshot(member, "lecture-1-entered");

        // 2. the town's organiser closes the collection; two judges score on the round's page
        Page townDept = browser.loginAs("bq_dept");
        townDept.navigate(base + "/lectures/rounds/" + townRound.getId());
        townDept.click("#close-entries");
        assertThat(townDept.locator("#round-status")).hasText("评分中");
        score("qz_auditor", townRound, 90, 85);
        Page judge = score("wfz_member", townRound, 80, 90);
        Browser.screenshot(judge, "lecture-2-judge-scored");

        // 3. the ranking with both judges' scores, and the organiser sends it up
        townDept.navigate(base + "/lectures/rounds/" + townRound.getId());
        assertThat(townDept.locator("#round-status")).hasText("待确定推荐");
        assertThat(townDept.locator("#entries .average")).hasText("86.00");
        Browser.screenshot(townDept, "lecture-3-ranking");
        townDept.click("#send-up");
        assertThat(townDept.locator("#round-status")).hasText("已结束");

        // 4. the county's round: closed, scored, and the organiser names it outstanding
        Page countyDept = browser.loginAs("qz_dept");
        countyDept.navigate(base + "/lectures/rounds/" + countyRound.getId());
        assertThat(countyDept.locator("#entries")).containsText(TITLE);
        countyDept.click("#close-entries");
        score("jy_member", countyRound, 95, 90);
        score("wfz_leader", countyRound, 88, 92);
        countyDept.navigate(base + "/lectures/rounds/" + countyRound.getId());
        countyDept.click("#send-up");
        assertThat(countyDept.locator("#entries")).containsText("优秀党课");

        // 5. a member of the neighbouring town finds it in the library
        Page reader = browser.loginAs("wfz_secretary");
        reader.navigate(base + "/lectures/library");
        reader.fill("#library-search input[name=title]", "振兴");
        reader.click("#search");
        Locator row = reader.locator("#library tbody tr");
        assertThat(row).hasCount(1);
        assertThat(row).containsText(TITLE);
        assertThat(row).containsText("优秀党课");
        Browser.screenshot(reader, "lecture-4-library");
    }

    private Page score(String judgeName, LectureRound r, int content, int delivery) {
        Page judge = browser.loginAs(judgeName);
        judge.navigate(base + "/lectures/rounds/" + r.getId());
        Locator form = judge.locator(".score-form").first();
        form.locator("input[name=score]").nth(0).fill(String.valueOf(content));
        form.locator("input[name=score]").nth(1).fill(String.valueOf(delivery));
        form.locator("button").click();
        assertThat(judge.locator(".flash.success")).isVisible();
        return judge;
    }

    private CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }
}
