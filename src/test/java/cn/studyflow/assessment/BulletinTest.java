package cn.studyflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.support.WordText;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * A bulletin from draft to publication: written from the county's figures, edited, published (every town's leader and
 * secretary notified, everyone below reads it, nothing changes it any more), downloaded as .docx, and refused outside
 * the department's subtree or with bad input.
 */
class BulletinTest extends AssessedCountyTest {

    @Autowired NotificationService notifications;
    @Autowired BulletinService bulletins;

    @Test
    void aDraftIsWrittenFromTheFiguresEditedPublishedAndEveryTownIsTold() throws Exception {
        long id = generate(c.dept(), c.county().getId(), "2025", null);
        mvc.perform(get("/api/bulletins/{id}", id).with(basic(c.dept())))
            .andExpect(jsonPath("$.status").value("DRAFT"))
            .andExpect(jsonPath("$.title").value("临朐县委2025年度学习通报"))
            .andExpect(jsonPath("$.body").value(containsString("一、总体情况")))
            .andExpect(jsonPath("$.body").value(containsString("共召开学习会 4 次，计划 5 次，召开率 80.0%。应到 12 人次，实到 10 人次")))
            .andExpect(jsonPath("$.body").value(containsString("学分达标 2 人，应达标 3 人（66.7%）。")))
            .andExpect(jsonPath("$.body").value(containsString("东坝镇党委（得分 100.0）")))
            .andExpect(jsonPath("$.body").value(containsString("南河镇党委：本期暂无可计数据。")))
            .andExpect(jsonPath("$.body").value(containsString("四、需要改进的单位")));
        mvc.perform(get("/api/bulletins/{id}", id).with(basic(c.xinanSecretary())))
            .andExpect(status().isNotFound()); // a draft is the department's own

        String body = "一、总体情况\n全县学习总体平稳。\n二、下一步要求\n各单位按时审定学习材料。";
        mvc.perform(put("/api/bulletins/{id}", id).with(basic(c.dept())).contentType(MediaType.APPLICATION_JSON)
                .content(json("临朐县委2025年度理论学习中心组学习通报", body, 0)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(1));
        CurrentUser second = newPerson("dept", c.county(), cn.studyflow.org.Role.DEPT);
        mvc.perform(put("/api/bulletins/{id}", id).with(basic(second)).header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).content(json("另一标题", body, 0)))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.message").value(containsString(c.dept().getDisplayName() + " 已于")));

        int unread = notifications.unreadCount(c.xinanSecretary().getPersonId());
        mvc.perform(post("/api/bulletins/{id}/publish", id).with(basic(c.dept())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.bulletin.status").value("PUBLISHED"))
            .andExpect(jsonPath("$.bulletin.publishedByName").value(c.dept().getDisplayName()))
            .andExpect(jsonPath("$.notified").value(3)); // 新安镇's secretary and leader, 东坝镇's secretary
        assertThat(notifications.unreadCount(c.xinanSecretary().getPersonId())).isEqualTo(unread + 1);
        List<Notification> told = notifications.page(c.xinanLeader().getPersonId(), 0, 5).items();
        assertThat(told).anySatisfy(n -> {
            assertThat(n.getMessageKey()).isEqualTo("bulletin.notify.published");
            assertThat(n.getLink()).isEqualTo("/bulletins/" + id);
        });

        for (CurrentUser reader : new CurrentUser[] {c.xinanSecretary(), c.members()[0], c.dongbaSecretary(), second}) {
            mvc.perform(get("/api/bulletins/{id}", id).with(basic(reader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("临朐县委2025年度理论学习中心组学习通报"));
        }
        mvc.perform(get("/bulletins").with(as(c.members()[0].getUsername())))
            .andExpect(content().string(containsString("临朐县委2025年度理论学习中心组学习通报")))
            .andExpect(content().string(not(containsString("id=\"bulletin-form\""))));
        for (CurrentUser outsider : new CurrentUser[] {user("bq_secretary"), user("qz_dept")}) {
            mvc.perform(get("/api/bulletins/{id}", id).with(basic(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/bulletins/{id}/docx", id).with(as(outsider.getUsername()))).andExpect(status().isNotFound());
        }

        mvc.perform(put("/api/bulletins/{id}", id).with(basic(c.dept())).header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).content(json("改标题", body, 2)))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.message").value(containsString("发布后不能再修改")));
        mvc.perform(post("/bulletins/{id}", id).with(csrf()).with(as(c.dept().getUsername()))
                .param("title", "改标题").param("body", body).param("version", "2"))
            .andExpect(status().isConflict())
            .andExpect(content().string(containsString("发布后不能再修改")));
        mvc.perform(post("/api/bulletins/{id}/publish", id).with(basic(c.dept())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":2}"))
            .andExpect(status().isConflict());
        assertThat(bulletins.get(c.dept(), id).bulletin().getTitle()).isEqualTo("临朐县委2025年度理论学习中心组学习通报");
    }

    @Test
    void theWordDocumentHoldsTheBulletinUnderChineseHeadings() throws Exception {
        long id = generate(c.dept(), c.county().getId(), "2025", "1");
        byte[] docx = mvc.perform(get("/bulletins/{id}/docx", id).with(as(c.dept().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
            .andReturn().getResponse().getContentAsByteArray();

        WordText text = WordText.of(docx);
        assertThat(text.title()).isEqualTo("临朐县委2025年第1季度学习通报");
        assertThat(text.paragraphs()).contains("通报单位：临朐县委", "期间：2025年第1季度", "一、总体情况",
            "二、各单位情况", "三、表现较好的单位", "四、需要改进的单位");
        assertThat(text.paragraphs()).anyMatch(p -> p.startsWith("新安镇党委：得分") && p.contains("学习会召开率（已召开 / 计划） 50.0%"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFParagraph heading = doc.getParagraphs().stream().filter(p -> p.getText().equals("二、各单位情况"))
                .findFirst().orElseThrow();
            assertThat(heading.getRuns().get(0).isBold()).isTrue();
            assertThat(heading.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);
        }
    }

    @Test
    void aBulletinOutsideTheSubtreeOrWithBadInputIsRefusedAndNothingIsWritten() throws Exception {
        long before = bulletins.page(c.dept(), 0, 100).total();
        long bq = orgService.byCode("bq").getId();
        mvc.perform(post("/api/bulletins").with(basic(c.dept())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"orgId\":" + bq + ",\"year\":2025}"))
            .andExpect(status().isNotFound());
        mvc.perform(post("/bulletins").with(csrf()).with(as("qz_dept")).param("org", c.county().getId().toString())
                .param("year", "2025"))
            .andExpect(status().isNotFound());
        mvc.perform(post("/api/bulletins").with(basic(c.xinanSecretary())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2025}"))
            .andExpect(status().isNotFound());
        mvc.perform(post("/api/bulletins").with(basic(c.dept())).header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2025,\"quarter\":5}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("季度须为 1 至 4，或选择全年。"));
        mvc.perform(post("/api/bulletins").with(basic(c.dept())).contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("bulletin.error.yearMissing"));
        mvc.perform(post("/api/bulletins").with(basic(c.dept())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":99999}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("assessment.error.year"));
        assertThat(bulletins.page(c.dept(), 0, 100).total()).isEqualTo(before);

        long id = generate(c.dept(), null, "2025", null);
        mvc.perform(post("/bulletins/{id}", id).with(csrf()).with(as(c.dept().getUsername()))
                .param("title", " ").param("body", "正文保留").param("version", "0"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("标题和正文都不能为空。")))
            .andExpect(content().string(containsString("正文保留")));
        assertThat(bulletins.get(c.dept(), id).bulletin().getVersion()).isZero();
        mvc.perform(put("/api/bulletins/{id}", id).with(basic(user("qz_dept"))).contentType(MediaType.APPLICATION_JSON)
                .content(json("标题", "正文", 0)))
            .andExpect(status().isNotFound());
        mvc.perform(post("/api/bulletins/{id}/publish", id).with(basic(c.xinanSecretary()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}"))
            .andExpect(status().isNotFound());
    }

    @Test
    void theDepartmentWritesTheDraftOnItsPageAndFindsItInTheList() throws Exception {
        String location = mvc.perform(post("/bulletins").with(csrf()).with(as(c.dept().getUsername()))
                .param("org", c.xinan().getId().toString()).param("year", "2025").param("quarter", "2"))
            .andExpect(status().is3xxRedirection())
            .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(as(c.dept().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"edit-form\"")))
            .andExpect(content().string(containsString("新安镇党委2025年第2季度学习通报")));
        mvc.perform(get("/bulletins").with(as(c.dept().getUsername())))
            .andExpect(content().string(containsString("id=\"bulletin-form\"")))
            .andExpect(content().string(containsString("新安镇党委2025年第2季度学习通报")))
            .andExpect(content().string(containsString("草稿")));
    }

    @Test
    void aDraftAskedForInEnglishIsWrittenInEnglish() throws Exception {
        mvc.perform(post("/api/bulletins").with(basic(c.dept())).param("lang", "en")
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2025}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.title").value("临朐县委: study bulletin, Year 2025"))
            .andExpect(jsonPath("$.body").value(containsString("1. Overview")))
            .andExpect(jsonPath("$.body").value(containsString("4 sessions held of 5 planned (80.0%). 10 attendances of 12")))
            .andExpect(jsonPath("$.body").value(containsString("2 of 3 members reached their credit target (66.7%).")));
    }

    private long generate(CurrentUser by, Long orgId, String year, String quarter) throws Exception {
        String body = "{\"orgId\":" + orgId + ",\"year\":" + year + ",\"quarter\":" + quarter + "}";
        String json = mvc.perform(post("/api/bulletins").with(basic(by)).header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isCreated())
            .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private static String json(String title, String body, int version) {
        return "{\"title\":\"" + title + "\",\"body\":\"" + body.replace("\n", "\\n") + "\",\"version\":" + version + "}";
    }
}
