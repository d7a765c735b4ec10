package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.Workflow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The JSON API under /api/materials and the decisions through /api/tasks, called as a client would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialApiTest extends IntegrationTest {

    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;
    @Autowired Workflow workflow;
    @Autowired ObjectMapper json;

    StudySession session;

    @BeforeAll
    void setUp() {
        session = MaterialFixtures.sessionsOf(DemoOrg.BQ, this::user, plans, tasks, workflow, sessions).get(4);
    }

    @Test
    void aMaterialUploadedThroughTheApiIsDownloadedAsAnAttachmentUnderItsOwnName() throws Exception {
        JsonNode created = upload(MaterialFixtures.pdf("学习 心得.pdf"), "学习心得体会", true);
        long id = created.at("/material/id").asLong();
        assertThat(created.at("/versions/0/fileType").asText()).isEqualTo("PDF");
        assertThat(created.at("/versions/0/storedName").isMissingNode()).isTrue();
        assertThat(created.at("/currentSteps/0/step").asText()).isEqualTo(MaterialReviewProcess.TASK_FIRST_REVIEW);

        byte[] body = mvc.perform(get("/api/materials/{id}/versions/1/file", id).with(basic("bq_office")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andExpect(header().string("Content-Disposition",
                "attachment; filename=\"material-" + id + "-v1.pdf\"; filename*=UTF-8''%E5%AD%A6%E4%B9%A0%20%E5%BF%83%E5%BE%97.pdf"))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andReturn().getResponse().getContentAsByteArray();
        assertThat(body).isEqualTo(MaterialFixtures.PDF);

        // another member's material is as unknown as one that does not exist
        mvc.perform(get("/api/materials/{id}/versions/1/file", id).with(basic("bq_member2")))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.code").value("error.notFound"));
        mvc.perform(get("/api/materials/{id}", id).with(basic("wfz_member"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/materials/{id}/versions/9/file", id).with(basic("bq_member"))).andExpect(status().isNotFound());
    }

    @Test
    void aTextFileIsServedAsPlainTextNeverAsAPage() throws Exception {
        byte[] text = "学习笔记\n第一条".getBytes(StandardCharsets.UTF_8);
        long id = upload(MaterialFixtures.file("notes.txt", text), "学习笔记", false).at("/material/id").asLong();

        mvc.perform(get("/api/materials/{id}/versions/1/file", id).with(basic("bq_member")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andExpect(header().string("Content-Disposition", containsString("attachment;")))
            .andExpect(content().bytes(text));
    }

    @Test
    void aRefusedUploadIsExplainedInTheUsersLanguage() throws Exception {
        MockMultipartFile disguised = MaterialFixtures.file("发言.docx", MaterialFixtures.html());
        mvc.perform(multipart("/api/materials").file(disguised).params(fields("伪装的网页")).with(basic("bq_member")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("upload.error.type"))
            .andExpect(jsonPath("$.message").value(containsString("不支持此文件类型")));
        mvc.perform(multipart("/api/materials").file(disguised).params(fields("伪装的网页")).param("lang", "en")
                .with(basic("bq_member")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value(containsString("is not accepted")));
    }

    @Test
    void reviewersDecideThroughTheirOwnEndpointsAndTheTasklist() throws Exception {
        long id = upload(MaterialFixtures.docx("调研报告.docx"), "调研报告", true).at("/material/id").asLong();

        String first = currentTask(id, "bq_office");
        mvc.perform(post("/api/tasks/{id}/complete", first).with(basic("bq_office")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"APPROVE\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("task.notDecidedHere"));
        mvc.perform(post("/api/materials/tasks/{id}/first-review", first).with(basic("bq_office"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\",\"notClassified\":true}"))
            .andExpect(status().isOk());

        String second = currentTask(id, "bq_publicity");
        mvc.perform(post("/api/materials/tasks/{id}/second-review", second).with(basic("bq_publicity"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"passed\":{\"POLITICAL\":true,\"ACADEMIC\":true,\"LEGAL\":true},"
                    + "\"notes\":{\"ACADEMIC\":\"数据翔实\"},\"comment\":\"同意\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.decision").value("APPROVE"));

        String signOff = currentTask(id, "bq_leader");
        mvc.perform(post("/api/tasks/{id}/complete", signOff).with(basic("bq_leader")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"APPROVE\",\"comment\":\"同意归档\"}"))
            .andExpect(status().isOk());

        mvc.perform(get("/api/materials/{id}", id).with(basic("bq_member2")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.material.status").value("ARCHIVED"))
            .andExpect(jsonPath("$.currentSteps").isEmpty());
        mvc.perform(get("/api/materials/{id}/versions", id).with(basic("bq_member2")))
            .andExpect(jsonPath("$[0].reviews.length()").value(3))
            .andExpect(jsonPath("$[0].reviews[0].notClassified").value(true))
            .andExpect(jsonPath("$[0].reviews[1].checks[1].item").value("ACADEMIC"))
            .andExpect(jsonPath("$[0].reviews[1].checks[1].note").value("数据翔实"))
            .andExpect(jsonPath("$[0].reviews[2].comment").value("同意归档"));
    }

    @Test
    void theAuthorRevisesAndResubmitsThroughTheApi() throws Exception {
        JsonNode created = upload(MaterialFixtures.pdf("讲稿.pdf"), "党课讲稿", false);
        long id = created.at("/material/id").asLong();
        int version = created.at("/material/version").asInt();
        assertThat(created.at("/withAuthor").asBoolean()).isTrue();

        JsonNode revised = json.readTree(mvc.perform(multipart("/api/materials/{id}/versions", id)
                .file(MaterialFixtures.pdf("讲稿-二稿.pdf")).param("note", "压缩篇幅").param("title", "党课讲稿（二稿）")
                .param("version", String.valueOf(version)).with(basic("bq_member")))
            .andExpect(status().isCreated())
            .andReturn().getResponse().getContentAsString());
        assertThat(revised.at("/versions").size()).isEqualTo(2);
        assertThat(revised.at("/material/title").asText()).isEqualTo("党课讲稿（二稿）");

        mvc.perform(post("/api/materials/{id}/submit", id).with(basic("bq_member")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + revised.at("/material/version").asInt() + "}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.material.status").value("SUBMITTED"))
            .andExpect(jsonPath("$.currentSteps[0].title").value("党课讲稿（二稿）"));
    }

    @Test
    void listsShowWhatEachReaderMaySee() throws Exception {
        long id = upload(MaterialFixtures.pdf("发言.pdf"), "只给审核人看的发言", true).at("/material/id").asLong();

        mvc.perform(get("/api/materials").param("size", "100").with(basic("bq_office")))
            .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        mvc.perform(get("/api/materials").param("size", "100").with(basic("bq_member")).param("mine", "true"))
            .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        mvc.perform(get("/api/materials").param("size", "100").with(basic("bq_member2")))
            .andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
        mvc.perform(get("/api/materials").param("size", "100").with(basic("wfz_leader")))
            .andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
        mvc.perform(get("/api/materials").param("size", "100").with(basic("qz_dept")))
            .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
    }

    @Test
    void theSessionsOpenForUploadAreListed() throws Exception {
        mvc.perform(get("/api/materials/sessions").with(basic("bq_member")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[*].id", hasItem(session.getId().intValue())));
        mvc.perform(get("/api/materials/sessions").with(basic("wfz_member")))
            .andExpect(jsonPath("$[*].id", not(hasItem(session.getId().intValue()))));
    }

    private JsonNode upload(MockMultipartFile file, String title, boolean submit) throws Exception {
        String body = mvc.perform(multipart("/api/materials").file(file).params(fields(title))
                .param("submit", String.valueOf(submit)).with(basic("bq_member")))
            .andExpect(status().isCreated())
            .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private org.springframework.util.MultiValueMap<String, String> fields(String title) {
        org.springframework.util.LinkedMultiValueMap<String, String> fields = new org.springframework.util.LinkedMultiValueMap<>();
        fields.add("sessionId", String.valueOf(session.getId()));
        fields.add("kind", "RESEARCH_REPORT");
        fields.add("title", title);
        fields.add("summary", "摘要");
        return fields;
    }

    private String currentTask(long materialId, String username) throws Exception {
        return json.readTree(mvc.perform(get("/api/materials/{id}", materialId).with(basic(username)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).at("/currentSteps/0/id").asText();
    }

    private static RequestPostProcessor basic(String username) {
        return httpBasic(username, PASSWORD);
    }
}
