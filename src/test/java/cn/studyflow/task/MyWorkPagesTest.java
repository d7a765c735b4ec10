package cn.studyflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.studyflow.common.PageOf;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanKind;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The work in front of a person, as the pages show it: a returned plan is its secretary's own task and in the
 * default view, people appear by name (with role and organisation where two share one), and the home page
 * says what needs the person now. A town of its own keeps the counts exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyWorkPagesTest extends IntegrationTest {

    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired Workflow workflow;
    @Autowired NotificationService notifications;
    @Autowired Clock clock;

    Org town;
    CurrentUser secretary;
    CurrentUser publicity;
    Plan returned;
    Plan overdue;

    @BeforeAll
    void aTownWithAReturnedPlanAndALatePlan() {
        Org county = newOrg("待办县委", OrgKind.COUNTY, user("wf_dept").getOrg());
        town = newOrg("待办镇党委", OrgKind.TOWN, county);
        secretary = newPerson("mwSec", town, Role.SECRETARY);
        publicity = newPerson("mwPub", town, Role.PUBLICITY);
        returned = Plans.submittedAnnual(plans, secretary);
        tasks.decide(open(returned).id(), publicity, Decision.RETURN, "请补充专题");
        // a second plan, at the publicity member's review, whose deadline has passed
        overdue = Plans.submittedAnnual(plans, secretary);
        workflow.setTaskDue(overdue.getProcessInstanceId(), Date.from(clock.instant().minus(2, ChronoUnit.DAYS)));
    }

    @Test
    void aReturnedPlanIsTheSecretarysOwnTaskInTheDefaultView() throws Exception {
        TaskInfo draft = open(returned);
        assertThat(draft.assignee()).isEqualTo(secretary.getUsername());
        assertThat(workflow.candidateGroups(draft.id())).containsExactly("org:" + town.getId() + ":secretary");

        MvcResult result = mvc.perform(get("/tasks").with(as(secretary.getUsername()))).andReturn();
        assertThat(page(result).items()).extracting(TaskInfo::id).containsExactly(draft.id());
        String html = result.getResponse().getContentAsString();
        assertThat(html).doesNotContain("没有待办任务");
        // one on "all", one on "mine", none left to the group; the header counts it too
        assertThat(html).containsSubsequence("id=\"tab-all\"", "<span class=\"tab-count\">1</span>",
            "id=\"tab-mine\"", "<span class=\"tab-count\">1</span>", "id=\"tab-group\"", "<span class=\"tab-count\">0</span>");
        assertThat(html).contains("id=\"open-count\">1<");
        assertThat(page(mvc.perform(get("/tasks?view=GROUP").with(as(secretary.getUsername()))).andReturn()).total())
            .isZero();
    }

    @Test
    void theAssigneeColumnNamesThePersonNotTheirLogin() throws Exception {
        String html = mvc.perform(get("/tasks").with(as(secretary.getUsername()))).andReturn()
            .getResponse().getContentAsString();
        assertThat(html).contains("<td class=\"assignee\" data-label=\"办理人\">" + secretary.getDisplayName() + "</td>")
            .doesNotContain(">" + secretary.getUsername() + "<");
    }

    @Test
    void twoPeopleOfTheSameNameAreToldApartByRoleAndOrganisation() throws Exception {
        String hash = orgService.personByUsername("bq_member").getPasswordHash();
        Org county = orgService.parentOf(town.getId());
        Org own = newOrg("同名甲镇党委", OrgKind.TOWN, county);
        Org other = newOrg("同名乙镇党委", OrgKind.TOWN, county);
        Person first = orgService.createPerson(unique("same"), "李同名", own, hash, List.of(Role.SECRETARY));
        orgService.createPerson(unique("same"), "李同名", other, hash, List.of(Role.MEMBER));
        CurrentUser firstUser = user(first.getUsername());
        Plan plan = plans.create(firstUser, PlanKind.ANNUAL, Plans.freshYear(firstUser), null);

        String tasklist = mvc.perform(get("/tasks").with(as(first.getUsername()))).andReturn()
            .getResponse().getContentAsString();
        assertThat(tasklist).contains("待认领");
        tasks.claim(open(plan).id(), user(first.getUsername()));
        tasklist = mvc.perform(get("/tasks").with(as(first.getUsername()))).andReturn().getResponse().getContentAsString();
        assertThat(tasklist).contains(">李同名（学习秘书 · 同名甲镇党委）<").doesNotContain(">" + first.getUsername() + "<");
        // the plan's history names the actor the same way
        String detail = mvc.perform(get("/plans/" + plan.getId()).with(as(first.getUsername()))).andReturn()
            .getResponse().getContentAsString();
        assertThat(detail).contains("<span class=\"actor\">李同名（学习秘书 · 同名甲镇党委）</span>");
        // and in English, with English punctuation
        String english = mvc.perform(get("/tasks").param("lang", "en").with(as(first.getUsername()))).andReturn()
            .getResponse().getContentAsString();
        assertThat(english).contains(">李同名 (Study secretary, 同名甲镇党委)<");
    }

    @Test
    void theHomePageSaysWhatNeedsMeNow() throws Exception {
        String html = mvc.perform(get("/tasks").with(as(publicity.getUsername()))).andReturn()
            .getResponse().getContentAsString();
        assertThat(html).contains("id=\"needs-me\"", "待办 1 项", "学习计划审批 1", "已逾期 1 项");

        String secretaryHome = mvc.perform(get("/tasks").with(as(secretary.getUsername()))).andReturn()
            .getResponse().getContentAsString();
        long days = ChronoUnit.DAYS.between(LocalDate.now(clock), LocalDate.of(returned.getPlanYear(), 1, 31));
        assertThat(secretaryHome).contains("临近截止", returned.getTitle(), "截止 " + returned.getPlanYear() + "-01-31",
            "还剩 " + days + " 天");
        // in English, with English punctuation and plurals
        String english = mvc.perform(get("/tasks").param("lang", "en").with(as(secretary.getUsername()))).andReturn()
            .getResponse().getContentAsString();
        assertThat(english).contains("Needs me now", "Open tasks (1):", "Deadlines coming", days + " days left")
            .doesNotContain("：");
        int unread = notifications.unreadCount(secretary.getPersonId());
        assertThat(unread).isPositive();
        assertThat(secretaryHome).contains("未读通知 " + unread + " 条");
        // a filtered list is not the home page
        assertThat(mvc.perform(get("/tasks?view=MINE").with(as(secretary.getUsername()))).andReturn()
            .getResponse().getContentAsString()).doesNotContain("id=\"needs-me\"");
    }

    @Test
    void aSecretaryWhoseAnnualPlanIsNotStartedSeesItsDeadlineOnTheHomePage() throws Exception {
        CurrentUser fresh = newPerson("mwNew", newOrg("未编计划镇党委", OrgKind.TOWN, orgService.parentOf(town.getId())),
            Role.SECRETARY);
        LocalDate today = LocalDate.now(clock);
        int year = today.isAfter(LocalDate.of(today.getYear(), 1, 31)) ? today.getYear() + 1 : today.getYear();
        long days = ChronoUnit.DAYS.between(today, LocalDate.of(year, 1, 31));

        String home = mvc.perform(get("/tasks").with(as(fresh.getUsername()))).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("id=\"needs-plan-due\"", year + "年度学习计划（尚未创建）", "截止 " + year + "-01-31",
            "还剩 " + days + " 天");

        // once the plan exists, its own task carries the deadline
        Plan plan = plans.create(fresh, PlanKind.ANNUAL, year, null);
        home = mvc.perform(get("/tasks").with(as(fresh.getUsername()))).andReturn().getResponse().getContentAsString();
        assertThat(home).doesNotContain("尚未创建").contains(plan.getTitle(), "截止 " + year + "-01-31", "还剩 " + days + " 天");
        // a member has no plan to make
        assertThat(mvc.perform(get("/tasks").with(as("bq_member"))).andReturn().getResponse().getContentAsString())
            .doesNotContain("needs-plan-due");
    }

    private TaskInfo open(Plan plan) {
        return workflow.activeTasks(plan.getProcessInstanceId()).get(0);
    }

    @SuppressWarnings("unchecked")
    private static PageOf<TaskInfo> page(MvcResult result) {
        return (PageOf<TaskInfo>) result.getModelAndView().getModel().get("page");
    }
}
