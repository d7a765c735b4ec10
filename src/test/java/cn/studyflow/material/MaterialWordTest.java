package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.WordText;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.upload.UploadSamples;
import cn.studyflow.workflow.Workflow;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A material's review record as a Word document (every review with its checks and comments), and its file shown
 * in the page: both through the same scope as the material page, so that outside it they do not exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialWordTest extends IntegrationTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired MaterialUploads uploads;
    @Autowired MaterialReviews reviews;
    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;
    @Autowired Workflow workflow;

    StudySession session;
    Material reviewed;
    Material picture;

    /** A speech the office passed and the publicity member returned on the legal check; and a photo. */
    @BeforeAll
    void materials() {
        session = MaterialFixtures.sessionsOf(DemoOrg.BQ, this::user, plans, tasks, workflow, sessions).get(2);
        reviewed = uploads.create(user("bq_member"), MaterialFixtures.form(session, "乡村振兴研讨发言"),
            MaterialFixtures.pdf("研讨发言.pdf"), true);
        FirstReviewForm first = new FirstReviewForm();
        first.setDecision(Decision.APPROVE);
        first.setNotClassified(true);
        first.setComment("材料完整，格式规范。");
        reviews.firstReview(step(reviewed), user("bq_office"), first);
        SecondReviewForm second = new SecondReviewForm();
        Map<CheckItem, Boolean> passed = new EnumMap<>(CheckItem.class);
        passed.put(CheckItem.POLITICAL, true);
        passed.put(CheckItem.ACADEMIC, true);
        passed.put(CheckItem.LEGAL, false);
        second.setPassed(passed);
        Map<CheckItem, String> notes = new EnumMap<>(CheckItem.class);
        notes.put(CheckItem.ACADEMIC, "观点准确，引用规范。");
        notes.put(CheckItem.LEGAL, "引用的条例已修订，请按新条文改正。");
        second.setNotes(notes);
        second.setComment("请修改第三部分后重新提交。");
        reviews.secondReview(step(reviewed), user("bq_publicity"), second);
        picture = uploads.create(user("bq_member"), MaterialFixtures.form(session, "现场教学照片"),
            MaterialFixtures.file("现场.png", UploadSamples.image("png")), true);
    }

    @Test
    void theAuthorDownloadsTheReviewRecordWithEachReviewItsChecksAndComments() throws Exception {
        byte[] bytes = mvc.perform(get("/materials/{id}/docx", reviewed.getId()).with(as("bq_member")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", DOCX))
            .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment;")))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andReturn().getResponse().getContentAsByteArray();

        WordText doc = WordText.of(bytes);
        assertThat(doc.title()).isEqualTo("乡村振兴研讨发言 · 审核记录");
        assertThat(doc.paragraphs()).contains("单位：卞桥镇党委", "年度：" + session.getSessionYear() + "年",
            "作者：" + user("bq_member").getDisplayName(), "状态：已退回");
        List<List<String>> rows = doc.tables().get(0);
        assertThat(rows.get(0)).containsExactly("版本", "文件", "环节", "审核人", "结论", "审核事项", "意见");
        assertThat(rows).hasSize(3);
        List<String> office = rows.get(1);
        assertThat(office.get(0)).isEqualTo("第1版");
        assertThat(office.get(1)).startsWith("研讨发言.pdf");
        assertThat(office.get(2)).isEqualTo("办公室初审");
        assertThat(office.get(3)).startsWith(user("bq_office").getDisplayName());
        assertThat(office.get(4)).isEqualTo("通过");
        assertThat(office.get(5)).isEqualTo("已确认不涉密");
        assertThat(office.get(6)).isEqualTo("材料完整，格式规范。");
        List<String> publicity = rows.get(2);
        assertThat(publicity.get(2)).isEqualTo("宣传委员复审");
        assertThat(publicity.get(3)).startsWith(user("bq_publicity").getDisplayName());
        assertThat(publicity.get(4)).isEqualTo("退回");
        assertThat(publicity.get(5)).contains("政治关：通过", "学术关：通过 (观点准确，引用规范。)",
            "法律关：不通过 (引用的条例已修订，请按新条文改正。)");
        assertThat(publicity.get(6)).isEqualTo("请修改第三部分后重新提交。");
    }

    @Test
    void inEnglishTheRecordSpeaksEnglish() throws Exception {
        byte[] bytes = mvc.perform(get("/materials/{id}/docx", reviewed.getId()).param("lang", "en")
                .with(as("bq_office")))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsByteArray();

        WordText doc = WordText.of(bytes);
        assertThat(doc.title()).isEqualTo("乡村振兴研讨发言 · review record");
        assertThat(doc.paragraphs()).contains("Organisation: 卞桥镇党委", "Year: " + session.getSessionYear());
        assertThat(doc.tables().get(0).get(0)).contains("Reviewer", "Checks", "Comment");
        assertThat(doc.tables().get(0).get(2).get(5)).contains("Legal soundness: Fail");
    }

    @Test
    void anImageIsShownInlineAsTheTypeItsBytesAreAndAPdfStaysAnAttachment() throws Exception {
        mvc.perform(get("/materials/{id}/versions/1/view", picture.getId()).with(as("bq_office")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "image/png"))
            .andExpect(header().string("Content-Disposition", Matchers.startsWith("inline;")))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/materials/{id}/versions/1/view", reviewed.getId()).with(as("bq_office")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment;")));
    }

    @Test
    void theMaterialPageShowsThePreviewOfItsCurrentFile() throws Exception {
        mvc.perform(get("/materials/{id}", reviewed.getId()).with(as("bq_publicity")))
            .andExpect(status().isOk())
            .andExpect(content().string(
                Matchers.allOf(Matchers.containsString("data-kind=\"pdf\""),
                    Matchers.containsString("/materials/" + reviewed.getId() + "/versions/1/file"),
                    Matchers.containsString("/vendor/pdf.worker.min.mjs"),
                    Matchers.containsString("/materials/" + reviewed.getId() + "/docx"))));
    }

    /** Another town's members and secretary, and a department beside the town: no record, no file. */
    @ParameterizedTest
    @ValueSource(strings = {"wfz_member", "wfz_secretary", "jy_secretary"})
    void forSomeoneOutsideTheTownNeitherTheRecordNorTheFileExists(String username) throws Exception {
        for (String url : List.of("/materials/{id}/docx", "/materials/{id}/versions/1/view",
                "/materials/{id}/versions/1/file")) {
            for (Material m : List.of(reviewed, picture)) {
                mvc.perform(get(url, m.getId()).with(as(username)))
                    .andExpect(status().isNotFound())
                    .andExpect(header().doesNotExist("Content-Disposition"));
            }
        }
    }

    private String step(Material m) {
        return workflow.activeTasks(m.getProcessInstanceId()).get(0).id();
    }
}
