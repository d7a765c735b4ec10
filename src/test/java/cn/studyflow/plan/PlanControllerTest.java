package cn.studyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.task.ActionLog;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The plan pages as the secretary uses them: creating, the edit form and its messages, saving and submitting. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanControllerTest extends IntegrationTest {

    @Autowired PlanService plans;
    @Autowired PlanMapper planMapper;
    @Autowired ActionLog actionLog;

    CurrentUser secretary;
    Plan plan;

    @BeforeAll
    void aTownOfItsOwn() {
        Org town = newOrg("丁镇党委", OrgKind.TOWN, user("qz_dept").getOrg());
        secretary = newPerson("secD", town, Role.SECRETARY);
    }

    @BeforeEach
    void aNewAnnualPlan() {
        plan = plans.create(secretary, PlanKind.ANNUAL, Plans.freshYear(secretary), null);
    }

    @Test
    void aNewAnnualPlanOffersOneRowAMonth() throws Exception {
        MvcResult result = mvc.perform(get("/plans/{id}/edit", plan.getId()).with(as(secretary.getUsername())))
            .andExpect(status().isOk())
            .andExpect(view().name(PlanController.EDIT_VIEW))
            .andReturn();
        PlanForm form = (PlanForm) result.getModelAndView().getModel().get("form");
        assertThat(form.getTopics()).extracting(PlanForm.TopicForm::getMonth)
            .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void submittingAnIncompleteTopicBringsTheFormBackWithMessagesByRowAndFieldAndTheInputKept() throws Exception {
        MvcResult result = mvc.perform(form(plan).param("submit", "1").param("topics[1].month", "2")
                .param("topics[1].title", "学习新修订的党章").param("topics[1].format", "").param("topics[1].speaker", " "))
            .andExpect(status().isOk())
            .andExpect(view().name(PlanController.EDIT_VIEW))
            .andExpect(model().attributeHasFieldErrorCode("form", "topics[1].format", "plan.error.format"))
            .andExpect(model().attributeHasFieldErrorCode("form", "topics[1].speaker", "plan.error.speakerRequired"))
            .andExpect(model().attributeErrorCount("form", 2))
            .andExpect(content().string(Matchers.containsString("计划填写有误，请按提示修正。")))
            .andExpect(content().string(Matchers.containsString("请选择学习形式。")))
            .andExpect(content().string(Matchers.containsString("请填写领学人或授课人。")))
            .andExpect(content().string(Matchers.containsString(">学习新修订的党章</textarea>")))
            .andExpect(content().string(Matchers.containsString(">专题一：学习贯彻党的二十届四中全会精神</textarea>")))
            .andExpect(content().string(Matchers.containsString("value=\"" + plan.getTitle() + "（修订稿）\"")))
            .andReturn();
        String page = result.getResponse().getContentAsString();
        assertThat(rowErrors(page)).as("the summary names the incomplete row, and only it")
            .containsExactly("第 2 行：请选择学习形式。 请填写领学人或授课人。");
        assertThat(page).contains("id=\"topic-row-2\"");

        assertNothingSaved();
    }

    @Test
    void aDraftIsSavedWithItsIncompleteRowsAndSubmittingItNamesThem() throws Exception {
        mvc.perform(form(plan).param("topics[1].month", "2").param("topics[1].title", "学习新修订的党章")
                .param("topics[2].speaker", "李明"))
            .andExpect(redirectedUrl("/plans/" + plan.getId() + "/edit"))
            .andExpect(flash().attribute("message", "plan.saved"));

        Plan saved = planMapper.selectById(plan.getId());
        assertThat(plans.topics(saved, 1)).extracting(PlanTopic::getTitle, PlanTopic::getFormat, PlanTopic::getSpeaker)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("专题一：学习贯彻党的二十届四中全会精神", TopicFormat.SPECIAL_LECTURE, "王建国"),
                org.assertj.core.groups.Tuple.tuple("学习新修订的党章", null, null),
                org.assertj.core.groups.Tuple.tuple(null, null, "李明"));
        mvc.perform(get("/plans/{id}", plan.getId()).with(as(secretary.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("（未填）")));

        // the stored draft is submitted as it is: the refusal names rows 2 and 3, and the plan stays a draft
        mvc.perform(post("/api/plans/{id}/submit", plan.getId()).with(httpBasic(secretary.getUsername(), PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + saved.getVersion() + "}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("plan.error.incompleteRows"))
            .andExpect(jsonPath("$.message").value(Matchers.startsWith("第 2, 3 行专题未填写完整")));
        assertThat(planMapper.selectById(plan.getId()).getStatus()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void aDraftStillRefusesWhatCannotBeStored() throws Exception {
        mvc.perform(form(plan).param("topics[1].month", "13").param("topics[1].title", "学习党章"))
            .andExpect(status().isOk())
            .andExpect(model().attributeHasFieldErrorCode("form", "topics[1].month", "plan.error.month"))
            .andExpect(model().attributeErrorCount("form", 1));
        assertNothingSaved();
    }

    @Test
    void aTitleLeftEmptyIsReportedOnTheTitle() throws Exception {
        mvc.perform(post("/plans/{id}", plan.getId()).with(as(secretary.getUsername())).with(csrf())
                .param("version", "" + plan.getVersion()).param("title", "  ")
                .param("topics[0].month", "1").param("topics[0].title", "学习党章")
                .param("topics[0].format", "COLLECTIVE_STUDY").param("topics[0].speaker", "王建国"))
            .andExpect(status().isOk())
            .andExpect(model().attributeHasFieldErrorCode("form", "title", "plan.error.titleRequired"))
            .andExpect(content().string(Matchers.containsString("请填写标题。")));
        assertNothingSaved();
    }

    @Test
    void valuesThatDoNotEvenBindAreReportedInTheUsersLanguage() throws Exception {
        MvcResult result = mvc.perform(form(plan).param("topics[1].month", "三月").param("topics[1].title", "学习党章")
                .param("topics[1].format", "NO_SUCH_FORMAT").param("topics[1].speaker", "王建国"))
            .andExpect(status().isOk())
            .andExpect(view().name(PlanController.EDIT_VIEW))
            .andExpect(model().attributeHasFieldErrors("form", "topics[1].month", "topics[1].format"))
            .andReturn();
        String page = result.getResponse().getContentAsString();
        assertThat(page).doesNotContain("Failed to convert", "java.lang", "NumberFormatException", "TopicFormat");
        assertThat(fieldErrors(page)).as("one message on each field that did not bind")
            .containsExactly("请填写数字。", "填写的内容格式不正确。");
        assertThat(page).contains(">学习党章</textarea>");
        assertNothingSaved();
    }

    @Test
    void aCompleteFormIsSavedAndShownAgain() throws Exception {
        mvc.perform(form(plan))
            .andExpect(redirectedUrl("/plans/" + plan.getId() + "/edit"))
            .andExpect(flash().attribute("message", "plan.saved"));

        Plan saved = planMapper.selectById(plan.getId());
        assertThat(saved.getTitle()).isEqualTo(plan.getTitle() + "（修订稿）");
        assertThat(plans.topics(saved, 1)).extracting(PlanTopic::getTitle)
            .containsExactly("专题一：学习贯彻党的二十届四中全会精神");
        mvc.perform(get("/plans/{id}/edit", plan.getId()).with(as(secretary.getUsername())))
            .andExpect(content().string(Matchers.containsString(">专题一：学习贯彻党的二十届四中全会精神</textarea>")));
    }

    @Test
    void submittingFromTheFormSendsThePlanToReview() throws Exception {
        mvc.perform(form(plan).param("submit", "1"))
            .andExpect(redirectedUrl("/plans/" + plan.getId()))
            .andExpect(flash().attribute("message", "plan.submitted"));

        assertThat(planMapper.selectById(plan.getId()).getStatus()).isEqualTo(PlanStatus.SUBMITTED);
        mvc.perform(get("/plans/{id}", plan.getId()).with(as(secretary.getUsername())))
            .andExpect(content().string(Matchers.containsString("审批中")))
            .andExpect(content().string(Matchers.containsString("宣传委员审核")));
    }

    @Test
    void submittingWithoutTopicsIsRefusedWithAMessage() throws Exception {
        mvc.perform(post("/plans/{id}", plan.getId()).with(as(secretary.getUsername())).with(csrf())
                .header("Referer", "http://localhost/plans/" + plan.getId() + "/edit")
                .param("version", "" + plan.getVersion()).param("title", plan.getTitle()).param("submit", "1"))
            .andExpect(redirectedUrl("/plans/" + plan.getId() + "/edit"))
            .andExpect(flash().attribute("error", "请至少填写一个专题后再提交。"));
        assertThat(planMapper.selectById(plan.getId()).getStatus()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void aSecondAnnualPlanForTheSameYearIsRefusedWithAClearMessage() throws Exception {
        int year = plan.getPlanYear();
        String expected = year + " 年度学习计划已存在。";

        mvc.perform(post("/plans").with(as(secretary.getUsername())).with(csrf()).header("Referer", "http://localhost/plans/new")
                .param("kind", "ANNUAL").param("year", "" + year))
            .andExpect(redirectedUrl("/plans/new"))
            .andExpect(flash().attribute("error", expected));
        mvc.perform(post("/api/plans").with(httpBasic(secretary.getUsername(), PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"ANNUAL\",\"year\":" + year + "}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.code").value("plan.error.exists"))
            .andExpect(jsonPath("$.message").value(expected));

        assertThat(planMapper.countAnnual(secretary.getOrgId() + "-" + year)).isOne();
    }

    @Test
    void aSupplementaryPlanShowsItsYearAndMonth() throws Exception {
        Plan supplementary = plans.create(secretary, PlanKind.SUPPLEMENTARY, 2027, 3);
        mvc.perform(get("/plans/{id}", supplementary.getId()).with(as(secretary.getUsername())))
            .andExpect(content().string(Matchers.containsString("<dd id=\"plan-year\">2027年</dd>")))
            .andExpect(content().string(Matchers.containsString("<dd id=\"plan-month\">3月</dd>")));
        mvc.perform(get("/plans/{id}", plan.getId()).with(as(secretary.getUsername())))
            .andExpect(content().string(Matchers.containsString("<dd id=\"plan-year\">" + plan.getPlanYear() + "年</dd>")))
            .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"plan-month\""))));
        mvc.perform(get("/plans/{id}", supplementary.getId()).with(as(secretary.getUsername())).param("lang", "en"))
            .andExpect(content().string(Matchers.containsString("<dd id=\"plan-year\">2027</dd>")));
    }

    @Test
    void aYearOutsideTheRangeAndAMissingKindAreRefusedWithMessages() throws Exception {
        mvc.perform(post("/plans").with(as(secretary.getUsername())).with(csrf()).header("Referer", "http://localhost/plans/new")
                .param("kind", "ANNUAL").param("year", "1999"))
            .andExpect(redirectedUrl("/plans/new"))
            .andExpect(flash().attribute("error", "请填写 2000 至 2999 之间的年度。"));
        mvc.perform(post("/plans").with(as(secretary.getUsername())).with(csrf()).header("Referer", "http://localhost/plans/new")
                .param("year", "2050"))
            .andExpect(redirectedUrl("/plans/new"))
            .andExpect(flash().attribute("error", "请选择计划类型。"));
    }

    /** The edit form with a changed title and one complete topic, as the secretary posts it. */
    private MockHttpServletRequestBuilder form(Plan plan) {
        return post("/plans/{id}", plan.getId()).with(as(secretary.getUsername())).with(csrf())
            .param("version", "" + plan.getVersion()).param("title", plan.getTitle() + "（修订稿）")
            .param("topics[0].month", "1").param("topics[0].title", "专题一：学习贯彻党的二十届四中全会精神")
            .param("topics[0].format", "SPECIAL_LECTURE").param("topics[0].speaker", "王建国")
            .param("topics[0].enlarged", "true").param("topics[0].participants", "各村党支部书记");
    }

    private void assertNothingSaved() {
        Plan now = planMapper.selectById(plan.getId());
        assertThat(now.getVersion()).isEqualTo(plan.getVersion());
        assertThat(now.getTitle()).isEqualTo(plan.getTitle());
        assertThat(plans.topics(now, 1)).isEmpty();
        assertThat(actionLog.timeline(PlanService.ref(now))).extracting(a -> a.getAction()).containsExactly("CREATE");
    }

    private static java.util.List<String> rowErrors(String page) {
        Matcher m = Pattern.compile("<a href=\"#topic-row-\\d+\">([^<]*)</a>").matcher(page);
        java.util.List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static java.util.List<String> fieldErrors(String page) {
        Matcher m = Pattern.compile("<span class=\"field-error\">([^<]*)</span>").matcher(page);
        java.util.List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
