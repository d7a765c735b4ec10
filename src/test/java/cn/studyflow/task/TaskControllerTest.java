package cn.studyflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.plan.PlanForm;
import cn.studyflow.plan.PlanKind;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The tasklist page as its users filter, search, sort and page it. A county of its own with two towns keeps
 * the counts exact: town A's publicity member (also its leader) has 23 annual plans to review and 2
 * supplementary plans to approve; the county department has 2 plans of town A and 1 of town B to register.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskControllerTest extends IntegrationTest {

    private static final int ANNUAL = 23;

    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired Workflow workflow;

    Org townA;
    Org townB;
    CurrentUser reviewerA;
    CurrentUser dept;
    List<Integer> years = new ArrayList<>();

    @BeforeAll
    void aCountyWithTwoTowns() {
        Org county = newOrg("测试县委", OrgKind.COUNTY, user("wf_dept").getOrg());
        townA = newOrg("甲镇党委", OrgKind.TOWN, county);
        townB = newOrg("乙镇党委", OrgKind.TOWN, county);
        CurrentUser secretaryA = newPerson("secA", townA, Role.SECRETARY);
        reviewerA = newPerson("pubA", townA, Role.PUBLICITY, Role.LEADER);
        CurrentUser secretaryB = newPerson("secB", townB, Role.SECRETARY);
        CurrentUser publicityB = newPerson("pubB", townB, Role.PUBLICITY);
        CurrentUser leaderB = newPerson("leadB", townB, Role.LEADER);
        dept = newPerson("deptC", county, Role.DEPT);

        for (int i = 0; i < ANNUAL; i++) {
            years.add(Plans.freshYear(secretaryA));
        }
        // created latest year first, so that the order of arrival is not the order of due dates
        for (int i = ANNUAL - 1; i >= 0; i--) {
            submit(secretaryA, PlanKind.ANNUAL, years.get(i), null, title(i));
        }
        submit(secretaryA, PlanKind.SUPPLEMENTARY, 2027, 3, null);
        submit(secretaryA, PlanKind.SUPPLEMENTARY, 2027, 4, null);
        for (int i = 0; i < 2; i++) {
            Plan plan = submit(secretaryA, PlanKind.ANNUAL, Plans.freshYear(secretaryA), null, "甲镇待备案计划" + i);
            approve(plan, reviewerA);
            approve(plan, reviewerA);
        }
        Plan planB = submit(secretaryB, PlanKind.ANNUAL, Plans.freshYear(secretaryB), null, "乙镇待备案计划");
        approve(planB, publicityB);
        approve(planB, leaderB);
    }

    private static String title(int i) {
        return switch (i) {
            case 0 -> "甲镇计划专题_学习";
            case 1 -> "甲镇计划专题A学习";
            default -> "甲镇计划第" + i + "号";
        };
    }

    @Test
    void theDefaultViewIsEverythingICanActOnWithACountOnEachTabAndInTheHeader() throws Exception {
        MvcResult result = perform(get("/tasks"), reviewerA);
        assertThat(page(result).total()).isEqualTo(ANNUAL + 2);
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("id=\"tab-all\"", "<span class=\"tab-count\">" + (ANNUAL + 2) + "</span>",
            "<span class=\"tab-count\">0</span>");
        assertThat(html).containsPattern("id=\"open-count\">" + (ANNUAL + 2) + "<");
        // the count in the header is on every page, not only the tasklist's
        String plansPage = perform(get("/plans"), reviewerA).getResponse().getContentAsString();
        assertThat(plansPage).containsPattern("id=\"open-count\">" + (ANNUAL + 2) + "<");
    }

    @Test
    void myTasksAreEmptyUntilIClaimAndMyGroupsTasksArePagedOnTheServer() throws Exception {
        assertThat(page(get("/tasks?view=MINE"), reviewerA).total()).isZero();

        // as a browser sends it: the filters in the query string
        MvcResult first = perform(get("/tasks?view=GROUP"), reviewerA);
        PageOf<TaskInfo> one = page(first);
        assertThat(one.total()).isEqualTo(ANNUAL + 2);
        assertThat(one.items()).hasSize(20);
        assertThat(one.pages()).isEqualTo(2);
        String html = first.getResponse().getContentAsString();
        assertThat(html).contains("第 1/2 页，共 25 条");
        // the next page keeps what the list shows
        assertThat(html).contains("<a href=\"/tasks?view=GROUP&amp;page=1\">下一页</a>");

        PageOf<TaskInfo> two = page(get("/tasks").param("view", "GROUP").param("page", "1"), reviewerA);
        assertThat(two.items()).hasSize(5);
        Set<String> ids = new HashSet<>();
        one.items().forEach(t -> ids.add(t.id()));
        two.items().forEach(t -> ids.add(t.id()));
        assertThat(ids).as("two pages, no task twice").hasSize(ANNUAL + 2);
    }

    @Test
    void theNextPageLinkKeepsTheFilters() throws Exception {
        String html = perform(get("/tasks?view={view}&process={process}&q={q}&sort=DUE&dir=asc", "GROUP",
            PlanApprovalProcess.KEY, "甲镇计划"), reviewerA).getResponse().getContentAsString();
        String next = html.replaceAll("(?s).*<a href=\"([^\"]*)\">下一页</a>.*", "$1");

        assertThat(next).startsWith("/tasks?").contains("process=" + PlanApprovalProcess.KEY, "page=1");
        PageOf<TaskInfo> second = page(get(java.net.URI.create(next.replace("&amp;", "&"))), reviewerA);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.total()).isEqualTo(ANNUAL);
        assertThat(second.items()).hasSize(ANNUAL - 20)
            .allSatisfy(t -> assertThat(t.processKey()).isEqualTo(PlanApprovalProcess.KEY))
            .extracting(TaskInfo::due).isSorted();
        assertThat(second.items().get(0).due()).isAfter(page(get("/tasks?view=GROUP&process=" + PlanApprovalProcess.KEY
            + "&sort=DUE&dir=asc"), reviewerA).items().get(19).due());
    }

    @Test
    void filteringByProcessShowsOnlyThatProcesssTasks() throws Exception {
        PageOf<TaskInfo> supplementary = page(get("/tasks").param("view", "GROUP")
            .param("process", PlanApprovalProcess.SUPPLEMENTARY_KEY), reviewerA);
        assertThat(supplementary.total()).isEqualTo(2);
        assertThat(supplementary.items()).allSatisfy(t -> {
            assertThat(t.processKey()).isEqualTo(PlanApprovalProcess.SUPPLEMENTARY_KEY);
            assertThat(t.step()).isEqualTo(PlanApprovalProcess.TASK_APPROVE_BY_LEADER);
        });
        assertThat(page(get("/tasks").param("view", "GROUP").param("process", PlanApprovalProcess.KEY), reviewerA).total())
            .isEqualTo(ANNUAL);
    }

    @Test
    void searchingByTitleFindsTheWordsTypedAndTreatsWildcardsAsText() throws Exception {
        assertThat(titles(page(get("/tasks").param("view", "GROUP").param("q", "第7号"), reviewerA)))
            .containsExactly("甲镇计划第7号");
        assertThat(titles(page(get("/tasks").param("view", "GROUP").param("q", " 专题_学习 "), reviewerA)))
            .containsExactly("甲镇计划专题_学习");
        assertThat(page(get("/tasks").param("view", "GROUP").param("q", "%"), reviewerA).total()).isZero();
        assertThat(page(get("/tasks").param("view", "GROUP").param("q", "甲镇计划"), reviewerA).total()).isEqualTo(ANNUAL);
        assertThat(page(get("/tasks").param("view", "GROUP").param("q", "乙镇"), reviewerA).total()).isZero();
    }

    @Test
    void sortingByDueDateOrdersByTheDeadlineEitherWay() throws Exception {
        List<TaskInfo> ascending = page(get("/tasks").param("view", "GROUP").param("process", PlanApprovalProcess.KEY)
            .param("sort", "DUE").param("dir", "asc"), reviewerA).items();
        assertThat(ascending).extracting(TaskInfo::due).isSorted();
        assertThat(ascending.get(0).due().getYear()).isEqualTo(years.get(0));

        List<TaskInfo> descending = page(get("/tasks").param("view", "GROUP").param("process", PlanApprovalProcess.KEY)
            .param("sort", "DUE").param("dir", "desc"), reviewerA).items();
        assertThat(descending.get(0).due().getYear()).isEqualTo(years.get(ANNUAL - 1));
        assertThat(descending.get(0).due()).isAfter(descending.get(19).due());
    }

    @Test
    void filteringByOrganisationShowsOnlyThatTownsTasks() throws Exception {
        assertThat(titles(page(get("/tasks").param("view", "GROUP"), dept)))
            .containsExactlyInAnyOrder("甲镇待备案计划0", "甲镇待备案计划1", "乙镇待备案计划");
        assertThat(titles(page(get("/tasks").param("view", "GROUP").param("org", "" + townA.getId()), dept)))
            .containsExactlyInAnyOrder("甲镇待备案计划0", "甲镇待备案计划1");
        assertThat(titles(page(get("/tasks").param("view", "GROUP").param("org", "" + townB.getId()), dept)))
            .containsExactly("乙镇待备案计划");

        String html = perform(get("/tasks").param("view", "GROUP"), dept).getResponse().getContentAsString();
        assertThat(html).contains("<option value=\"" + townA.getId() + "\">甲镇党委</option>",
            "<option value=\"" + townB.getId() + "\">乙镇党委</option>");
        assertThat(html).doesNotContain("卞桥镇党委</option>");
        // each row names its task's organisation
        assertThat(html).contains("data-label=\"组织\">甲镇党委</td>", "data-label=\"组织\">乙镇党委</td>");
        String townAOnly = perform(get("/tasks").param("view", "GROUP").param("org", "" + townA.getId()), dept)
            .getResponse().getContentAsString();
        assertThat(townAOnly).contains("data-label=\"组织\">甲镇党委</td>").doesNotContain("data-label=\"组织\">乙镇党委</td>");
    }

    private Plan submit(CurrentUser secretary, PlanKind kind, int year, Integer month, String title) {
        Plan plan = plans.create(secretary, kind, year, month);
        PlanForm form = Plans.form(plan, 1);
        if (title != null) {
            form.setTitle(title);
        }
        plan = plans.saveDraft(plan.getId(), secretary, form);
        plans.submit(plan.getId(), secretary, plan.getVersion());
        return plan;
    }

    private void approve(Plan plan, CurrentUser who) {
        tasks.decide(workflow.activeTasks(plan.getProcessInstanceId()).get(0).id(), who, Decision.APPROVE, null);
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, CurrentUser who) throws Exception {
        return mvc.perform(request.with(as(who.getUsername()))).andReturn();
    }

    private PageOf<TaskInfo> page(MockHttpServletRequestBuilder request, CurrentUser who) throws Exception {
        return page(perform(request, who));
    }

    @SuppressWarnings("unchecked")
    private static PageOf<TaskInfo> page(MvcResult result) {
        return (PageOf<TaskInfo>) result.getModelAndView().getModel().get("page");
    }

    private static List<String> titles(PageOf<TaskInfo> page) {
        return page.items().stream().map(TaskInfo::title).toList();
    }
}
