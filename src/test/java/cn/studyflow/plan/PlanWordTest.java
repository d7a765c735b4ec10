package cn.studyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.support.WordText;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A plan as a Word document for the paper file: the title, the organisation, the year and every topic as the
 * plan page shows them, in the reader's language; for whoever may not see the plan it does not exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanWordTest extends IntegrationTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired PlanService plans;

    Plan plan;

    @BeforeAll
    void aSubmittedPlan() {
        plan = Plans.submittedAnnual(plans, user("bq_secretary"));
    }

    @Test
    void theSecretaryDownloadsThePlanWithEveryTopicInChinese() throws Exception {
        byte[] bytes = mvc.perform(get("/plans/{id}/docx", plan.getId()).with(as("bq_secretary")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", DOCX))
            .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment;")))
            .andExpect(header().string("Content-Disposition", Matchers.containsString("plan-" + plan.getId() + ".docx")))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andReturn().getResponse().getContentAsByteArray();

        WordText doc = WordText.of(bytes);
        assertThat(doc.title()).isEqualTo(plan.getTitle());
        assertThat(doc.paragraphs()).contains("单位：卞桥镇党委", "年度：" + plan.getPlanYear() + "年",
            "状态：审批中", "学习专题");
        List<List<String>> topics = doc.tables().get(0);
        assertThat(topics).hasSize(13);
        assertThat(topics.get(0)).containsExactly("#", "月份", "专题", "学习形式", "领学人/授课人", "扩大学习");
        assertThat(topics.get(1)).containsExactly("1", "1月", "专题1：深入学习贯彻习近平新时代中国特色社会主义思想",
            "专题辅导报告", "王建国", "否");
        assertThat(topics.get(6)).containsExactly("6", "6月", "专题6：深入学习贯彻习近平新时代中国特色社会主义思想",
            "集体学习研讨", "王建国", "是：各村党支部书记");
    }

    @Test
    void inEnglishTheLabelsAreEnglish() throws Exception {
        byte[] bytes = mvc.perform(get("/plans/{id}/docx", plan.getId()).param("lang", "en").with(as("qz_dept")))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsByteArray();

        WordText doc = WordText.of(bytes);
        assertThat(doc.paragraphs()).contains("Organisation: 卞桥镇党委", "Year: " + plan.getPlanYear(),
            "Study topics");
        assertThat(doc.tables().get(0).get(0)).contains("Topic", "Format");
        assertThat(doc.tables().get(0).get(1)).contains("Special lecture");
    }

    /** A sibling town, a department beside it and another town's department: no plan, no document. */
    @ParameterizedTest
    @ValueSource(strings = {"wfz_secretary", "wfz_member", "jy_secretary", "wfz_dept"})
    void forSomeoneOutsideTheTownThereIsNoDocument(String username) throws Exception {
        mvc.perform(get("/plans/{id}/docx", plan.getId()).with(as(username)))
            .andExpect(status().isNotFound())
            .andExpect(header().string("Content-Type", Matchers.not(Matchers.containsString("wordprocessingml"))))
            .andExpect(header().doesNotExist("Content-Disposition"));
    }
}
