package cn.studyflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The assessment of a county's towns from figures written to the features' own tables and worked out by hand
 * ({@link AssessedCounty}): each indicator as the feature counts it, the score, the ranking, the grade and comment
 * with their record and a lost race, who sees what, and bad input.
 */
class AssessmentTest extends AssessedCountyTest {

    /**
     * 新安镇 by hand: 20×3/4 + 20×9/11 + 15×1/3 + 10×2/3 + 15×44/60 + 10×1/2 + 10×2/3 (members on target, from
     * credits) = 2168/33 of the 100 points, every indicator counted.
     */
    static final double XINAN_SCORE = 2168.0 / 33;

    @Autowired AssessmentService assessments;
    @Autowired AssessmentScores scores;
    @Autowired AssessmentWeights weights;

    @Test
    void eachFeatureCountsItsIndicatorAndTheScoreIsTheHandWorkedOne() {
        AssessmentService.View v = assessments.view(c.dept(), c.xinan().getId(), AssessedCounty.YEAR);

        assertThat(counted(v.card(), Indicator.SESSIONS_HELD)).containsExactly(3L, 4L);
        assertThat(counted(v.card(), Indicator.ATTENDANCE)).containsExactly(9L, 11L);
        assertThat(counted(v.card(), Indicator.MAKEUPS_DONE)).containsExactly(2L, 3L);
        assertThat(counted(v.card(), Indicator.MATERIALS_CLEARED)).containsExactly(1L, 3L);
        assertThat(counted(v.card(), Indicator.AUDIT_SCORE)).containsExactly(44L, 60L);
        assertThat(counted(v.card(), Indicator.RECTIFICATIONS_ON_TIME)).containsExactly(1L, 2L);
        assertThat(counted(v.card(), Indicator.MEMBERS_ON_TARGET)).containsExactly(2L, 3L);
        assertThat(v.card().score()).isCloseTo(XINAN_SCORE, within(1e-9));
        assertThat(v.card().part(Indicator.ATTENDANCE).points()).isCloseTo(20.0 * 9 / 11, within(1e-9));
        assertThat(v.canGrade()).isTrue();
    }

    @Test
    void aQuarterCountsOnlyItsOwnSessions() {
        Scorecard q1 = scores.ranked(List.of(c.xinan()), c.county().getPath(), AssessedCounty.YEAR, 1,
            OffsetDateTime.now()).get(0);
        assertThat(counted(q1, Indicator.SESSIONS_HELD)).containsExactly(1L, 2L);
        assertThat(counted(q1, Indicator.ATTENDANCE)).containsExactly(2L, 3L);
        assertThat(counted(q1, Indicator.AUDIT_SCORE)).containsExactly(32L, 40L);
    }

    @Test
    void theDepartmentSeesItsTownsRankedWithEachScoreExplained() throws Exception {
        mvc.perform(get("/api/assessments").param("year", "2025").with(httpBasic(c.dept().getUsername(), PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.rows.length()").value(3))
            .andExpect(jsonPath("$.rows[0].card.org.name").value("东坝镇党委"))
            .andExpect(jsonPath("$.rows[0].card.score").value(closeTo(100.0, 1e-9)))
            .andExpect(jsonPath("$.rows[0].card.rank").value(1))
            .andExpect(jsonPath("$.rows[1].card.org.name").value("新安镇党委"))
            .andExpect(jsonPath("$.rows[1].card.score").value(closeTo(XINAN_SCORE, 1e-9)))
            .andExpect(jsonPath("$.rows[1].card.rank").value(2))
            .andExpect(jsonPath("$.rows[1].card.parts[1].indicator").value("ATTENDANCE"))
            .andExpect(jsonPath("$.rows[1].card.parts[1].achieved").value(9))
            .andExpect(jsonPath("$.rows[1].card.parts[1].weight").value(20))
            .andExpect(jsonPath("$.rows[2].card.org.name").value("南河镇党委"))
            .andExpect(jsonPath("$.rows[2].card.score").doesNotExist())
            .andExpect(jsonPath("$.rows[2].card.rank").value(0));
        mvc.perform(get("/assessments").param("year", "2025").with(as(c.dept().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"ranking-table\"")))
            .andExpect(content().string(containsString(String.format("%.1f", XINAN_SCORE))))
            .andExpect(content().string(not(containsString(">临朐县委</a>"))));
    }

    @Test
    void aGradeIsRecordedWithWhoAndWhenAndTheSecondOfTwoGradersIsToldWhoSavedFirst() throws Exception {
        CurrentUser second = newPerson("dept", c.county(), Role.DEPT);
        String url = "/api/assessments/" + c.xinan().getId() + "/grade";
        mvc.perform(put(url).with(basic(c.dept())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2025,\"grade\":\"GOOD\",\"comment\":\"学习计划执行较好\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(0))
            .andExpect(jsonPath("$.gradedByName").value(c.dept().getDisplayName()))
            .andExpect(jsonPath("$.score").value(closeTo(XINAN_SCORE, 0.005)));
        mvc.perform(put(url).with(basic(second)).header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2025,\"grade\":\"POOR\",\"comment\":\"材料审定不及时\"}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.message").value(containsString(c.dept().getDisplayName())));
        mvc.perform(put(url).with(basic(second)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2025,\"grade\":\"FAIR\",\"comment\":\"材料审定不及时\",\"version\":0}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(1));

        mvc.perform(get("/api/assessments/{id}", c.xinan().getId()).param("year", "2025").with(basic(c.xinanSecretary())))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.assessment.grade").value("FAIR"))
            .andExpect(jsonPath("$.canGrade").value(false))
            .andExpect(jsonPath("$.history.length()").value(2))
            .andExpect(jsonPath("$.history[0].gradedByName").value(second.getDisplayName()))
            .andExpect(jsonPath("$.history[1].grade").value("GOOD"))
            .andExpect(jsonPath("$.history[1].gradedByName").value(c.dept().getDisplayName()));
        mvc.perform(get("/assessments/{id}", c.xinan().getId()).param("year", "2025").with(as(c.xinanLeader().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"read-only\"")))
            .andExpect(content().string(not(containsString("id=\"grade-form\""))))
            .andExpect(content().string(containsString("材料审定不及时")))
            .andExpect(content().string(containsString("学习计划执行较好")));

        // the page: a stale version shows the form again with the reason and what was typed
        mvc.perform(post("/assessments/{id}/grade", c.xinan().getId()).with(csrf()).with(as(c.dept().getUsername()))
                .param("year", "2025").param("grade", "EXCELLENT").param("comment", "全年学习扎实").param("version", "0"))
            .andExpect(status().isConflict())
            .andExpect(content().string(containsString(second.getDisplayName() + " 已于")))
            .andExpect(content().string(containsString("全年学习扎实")));
        mvc.perform(post("/assessments/{id}/grade", c.xinan().getId()).with(csrf()).with(as(c.dept().getUsername()))
                .param("year", "2025").param("grade", "EXCELLENT").param("comment", "全年学习扎实").param("version", "1"))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/assessments/" + c.xinan().getId() + "?year=2025"));
        assertThat(assessments.view(c.dept(), c.xinan().getId(), 2025).history()).hasSize(3);
    }

    @Test
    void outsideTheirScopePeopleFindNoAssessmentAndTheOwnSecretaryCannotGrade() throws Exception {
        long xinan = c.xinan().getId();
        for (CurrentUser outsider : new CurrentUser[] {c.dongbaSecretary(), c.members()[0], user("qz_dept"),
            user("bq_secretary"), user("wf_manager")}) {
            mvc.perform(get("/api/assessments/{id}", xinan).with(basic(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/assessments/{id}", xinan).with(as(outsider.getUsername()))).andExpect(status().isNotFound());
            mvc.perform(put("/api/assessments/{id}/grade", xinan).with(basic(outsider))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2025,\"grade\":\"POOR\"}"))
                .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/assessments/{id}", c.county().getId()).with(basic(c.dept())))
            .andExpect(status().isNotFound()); // a department does not assess its own organisation
        mvc.perform(put("/api/assessments/{id}/grade", xinan).with(basic(c.xinanSecretary()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2025,\"grade\":\"EXCELLENT\"}"))
            .andExpect(status().isForbidden());
        mvc.perform(get("/api/assessments").with(basic(c.xinanSecretary()))).andExpect(status().isNotFound());
        mvc.perform(get("/assessments").with(as(c.members()[0].getUsername()))).andExpect(status().isNotFound());
        mvc.perform(get("/assessments").param("year", "2025").with(as(c.xinanSecretary().getUsername())))
            .andExpect(redirectedUrl("/assessments/" + xinan + "?year=2025"));
        mvc.perform(get("/api/assessments").with(basic(user("qz_dept"))))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("新安镇党委"))))
            .andExpect(content().string(containsString("卞桥镇党委")));
        assertThat(assessments.view(c.dept(), xinan, 2025).assessment()).isNull();
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNothingIsRecorded() throws Exception {
        String url = "/api/assessments/" + c.xinan().getId() + "/grade";
        mvc.perform(put(url).with(basic(c.dept())).header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2025,\"grade\":\"BEST\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value(containsString("优秀、良好、一般或较差")));
        mvc.perform(put(url).with(basic(c.dept())).contentType(MediaType.APPLICATION_JSON).content("{\"year\":2025}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("assessment.error.gradeMissing"));
        mvc.perform(put(url).with(basic(c.dept())).header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":1900,\"grade\":\"GOOD\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("年度须在 2000 至 2100 之间。"));
        mvc.perform(put(url).with(basic(c.dept())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2025,\"grade\":\"GOOD\",\"comment\":\"" + "很".repeat(2001) + "\"}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("assessment.error.commentTooLong"));
        mvc.perform(post("/assessments/{id}/grade", c.xinan().getId()).with(csrf()).with(as(c.dept().getUsername()))
                .param("year", "2025").param("comment", "未选等次的评语"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("请选择等次")))
            .andExpect(content().string(containsString("未选等次的评语")));
        assertThat(assessments.view(c.dept(), c.xinan().getId(), 2025).assessment()).isNull();
    }

    @Test
    void theAdministratorSetsWeightsThatMakeAHundredAndTheScoresFollow() throws Exception {
        Weights before = weights.current();
        try {
            mvc.perform(put("/api/assessments/weights").with(basic(user("admin"))).header("Accept-Language", "zh-CN")
                    .contentType(MediaType.APPLICATION_JSON).content(weightsJson(-10, 50)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("“出勤率”的权重不能为负数。"));
            mvc.perform(put("/api/assessments/weights").with(basic(user("admin"))).header("Accept-Language", "zh-CN")
                    .contentType(MediaType.APPLICATION_JSON).content(weightsJson(30, 30)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("各项权重合计须为 100，现为 120。"));
            mvc.perform(post("/assessments/weights").with(csrf()).with(as("admin")).param("ATTENDANCE", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("“出勤率”的权重须为整数。")));
            mvc.perform(put("/api/assessments/weights").with(basic(c.dept())).contentType(MediaType.APPLICATION_JSON)
                    .content(weightsJson(20, 20)))
                .andExpect(status().isNotFound());
            assertThat(weights.current()).isEqualTo(before);

            // everything on attendance: 新安镇 scores its attendance, 9 of 11
            mvc.perform(put("/api/assessments/weights").with(basic(user("admin"))).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"SESSIONS_HELD\":0,\"ATTENDANCE\":100,\"MATERIALS_CLEARED\":0,\"MAKEUPS_DONE\":0,"
                        + "\"AUDIT_SCORE\":0,\"RECTIFICATIONS_ON_TIME\":0,\"MEMBERS_ON_TARGET\":0}"))
                .andExpect(status().isOk());
            assertThat(assessments.view(c.dept(), c.xinan().getId(), 2025).card().score())
                .isCloseTo(100.0 * 9 / 11, within(1e-9));
            mvc.perform(get("/assessments/weights").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("系统管理员")));
            mvc.perform(get("/assessments/weights").with(as(c.dept().getUsername()))).andExpect(status().isNotFound());
        } finally {
            weights.save(user("admin"), before.byIndicator());
        }
    }

    /** The default weights but attendance and sessions held as given. */
    private static String weightsJson(int attendance, int sessions) {
        return "{\"SESSIONS_HELD\":" + sessions + ",\"ATTENDANCE\":" + attendance + ",\"MATERIALS_CLEARED\":15,"
            + "\"MAKEUPS_DONE\":10,\"AUDIT_SCORE\":15,\"RECTIFICATIONS_ON_TIME\":10,\"MEMBERS_ON_TARGET\":10}";
    }

    private static List<Long> counted(Scorecard card, Indicator i) {
        return List.of(card.part(i).achieved(), card.part(i).expected());
    }

}
