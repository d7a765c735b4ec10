package cn.studyflow.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Scope holds on every door of the managers' views: pages, the JSON API and the .xlsx exports show a person
 * their own organisation, or their subtree where their role allows, and refuse the rest with a message.
 */
class StatusScopeTest extends StatusDataset {

    @Test
    void dashboardPageShowsTheSubtreeAndLinksEachFigureToItsList() throws Exception {
        String html = mvc.perform(get("/status").param("year", "2024").with(as(manager)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("测试县委", "测试甲镇党委", "测试乙镇党委").doesNotContain("测试丙镇党委");
        assertThat(html).contains("/status/instances?org=" + county.getId() + "&amp;process=plan-approval&amp;status=RUNNING");
        assertThat(html).contains("/status/instances?org=" + county.getId() + "&amp;process=plan-approval&amp;overdue=true");
        assertThat(html).contains("data-chart=");
        assertThat(html).as("how old the year's figures are").containsPattern("本年数字截至 \\d\\d:\\d\\d，每 1 分钟更新");
        String english = mvc.perform(get("/status").param("year", "2024").param("lang", "en").with(as(manager)))
            .andReturn().getResponse().getContentAsString();
        assertThat(english).containsPattern("The year&#39;s figures as of \\d\\d:\\d\\d, updated every minute;");
    }

    @Test
    void processPageFiltersByOrganisationAndYearOnItsOwnProcess() throws Exception {
        String html = mvc.perform(get("/status/processes/plan-approval").param("year", "2024").with(as(manager)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("action=\"/status/processes/plan-approval\"", "value=\"2024\"", "测试县委");
        assertThat(html).contains("/status/instances?org=" + county.getId() + "&amp;process=plan-approval\"");
    }

    @Test
    void pagesRefuseWhatLiesOutsideTheScope() throws Exception {
        mvc.perform(get("/status").param("org", String.valueOf(outside.getId())).with(as(manager)))
            .andExpect(status().isNotFound());
        mvc.perform(get("/status").param("org", String.valueOf(county.getId())).with(as(leaderA)))
            .andExpect(status().isNotFound());
        mvc.perform(get("/status/instances/" + x1).with(as(manager))).andExpect(status().isNotFound());
        mvc.perform(get("/status/instances/" + x1 + "/diagram").with(as(manager))).andExpect(status().isNotFound());
        mvc.perform(get("/status/instances/" + hidden).with(as(leaderA))).andExpect(status().isNotFound());
        mvc.perform(get("/status/instances/" + b1).with(as(leaderA))).andExpect(status().isNotFound());

        String list = mvc.perform(get("/status/instances").with(as(leaderA))).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(a1, a2, a3).doesNotContain(b1, b2, x1, hidden);
    }

    @Test
    void peopleWithoutAViewingRoleAreToldSo() throws Exception {
        CurrentUser member = newPerson("mem", townA, Role.MEMBER);
        mvc.perform(get("/status").with(as(member))).andExpect(status().isForbidden())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("只有组长、副组长、宣传部、领导和系统管理员可以查看流程状态")));
        mvc.perform(get("/api/status/dashboard").with(as(member))).andExpect(status().isForbidden())
            .andExpect(jsonPath("$.code").value("status.error.notViewer"));
        mvc.perform(get("/status/instances.xlsx").with(as(member))).andExpect(status().isForbidden());
        mvc.perform(get("/status/incidents").with(as(manager))).andExpect(status().isForbidden());
        mvc.perform(post("/status/incidents/nope/retry").with(csrf()).with(as(manager))).andExpect(status().isForbidden());
    }

    @Test
    void apiAnswersWithinTheScopeOnly() throws Exception {
        mvc.perform(get("/api/status/instances").param("size", "50").with(as(manager))).andExpect(status().isOk())
            .andExpect(jsonPath("$.total").value(6))
            .andExpect(jsonPath("$.items[?(@.id == '" + x1 + "')]").isEmpty());
        mvc.perform(get("/api/status/instances").param("org", String.valueOf(outside.getId())).with(as(manager)))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/status/instances/" + x1).with(as(manager))).andExpect(status().isNotFound());
        mvc.perform(get("/api/status/instances/" + a2).with(as(manager))).andExpect(status().isOk())
            .andExpect(jsonPath("$.instance.title").exists())
            .andExpect(jsonPath("$.stages[0].step").value("reviewByPublicity"));
        mvc.perform(get("/api/status/dashboard").param("year", "2024").with(as(leaderA))).andExpect(status().isOk())
            .andExpect(jsonPath("$.orgs.length()").value(1))
            .andExpect(jsonPath("$.processes[?(@.processKey == 'audit-sit-in')].running").value(0));
    }

    @Test
    void badFiltersGetAMessageNotAStackTrace() throws Exception {
        mvc.perform(get("/api/status/instances").param("status", "NOPE").with(as(manager)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("error.badRequest"));
        mvc.perform(get("/status/instances").param("from", "yesterday").with(as(manager)))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/status").param("year", "1").with(as(manager)))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("年度须在 2000 到 2999 之间")));
        mvc.perform(get("/status/processes/no-such-process").with(as(manager))).andExpect(status().isNotFound());
    }

    @Test
    void exportHasChineseHeadersTheSameFiltersAndTheSameScope() throws Exception {
        List<Row> rows = xlsx(get("/status/instances.xlsx").with(as(manager)));
        assertThat(rows.get(0).getCellText(0)).isEqualTo("标题");
        assertThat(rows.get(0).getCellText(1)).isEqualTo("流程");
        assertThat(rows.get(0).getCellText(4)).isEqualTo("状态");
        assertThat(rows).hasSize(1 + 6);
        assertThat(rows.stream().skip(1).map(r -> r.getCellText(2))).doesNotContain("测试丙镇党委");

        List<Row> returned = xlsx(get("/status/instances.xlsx").param("status", "RETURNED").with(as(manager)));
        assertThat(returned).hasSize(1 + 2);
        assertThat(returned.stream().skip(1).map(r -> r.getCellText(6))).containsExactlyInAnyOrder("1", "2");

        List<Row> leaders = xlsx(get("/status/instances.xlsx").with(as(leaderA)));
        assertThat(leaders).hasSize(1 + 3);
        mvc.perform(get("/status/instances.xlsx").param("org", String.valueOf(county.getId())).with(as(leaderA)))
            .andExpect(status().isNotFound());

        List<Row> orgs = xlsx(get("/status/orgs.xlsx").param("year", "2024").with(as(manager)));
        assertThat(orgs).extracting(r -> r.getCellText(0)).containsExactly("组织", "测试县委", "测试甲镇党委", "测试乙镇党委");
        assertThat(orgs.get(2).getCellText(1)).isEqualTo("已生效");
        assertThat(orgs.get(0).getCellText(5)).isEqualTo("出勤率");
        assertThat(Double.parseDouble(orgs.get(2).getCellText(4))).as("sessions marked held").isEqualTo(2.0);
        List<Row> stages = xlsx(get("/status/stages.xlsx").param("year", "2024").with(as(manager)));
        assertThat(stages).anySatisfy(r -> {
            assertThat(r.getCellText(1)).isEqualTo("宣传委员审核");
            assertThat(Double.parseDouble(r.getCellText(3))).as("median hours, from the histogram").isEqualTo(3.5);
            assertThat(Double.parseDouble(r.getCellText(4))).isEqualTo(8.4);
        });
    }

    private List<Row> xlsx(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        byte[] body = mvc.perform(request).andExpect(status().isOk())
            .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            return workbook.getFirstSheet().read();
        }
    }

    private RequestPostProcessor as(CurrentUser person) {
        return SecurityMockMvcRequestPostProcessors.user(person);
    }
}
