package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.Workflow;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MvcResult;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The material pages and the material steps on task pages, as a logged-in person gets them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialPagesTest extends IntegrationTest {

    @Autowired MaterialService materials;
    @Autowired MaterialUploads uploads;
    @Autowired MaterialReviews reviews;
    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;
    @Autowired Workflow workflow;
    @Autowired JdbcTemplate jdbc;

    StudySession session;

    @BeforeAll
    void setUp() {

        session = MaterialFixtures.sessionsOf(DemoOrg.BQ, this::user, plans, tasks, workflow, sessions).get(3);
    }

    @Test
    void aMemberUploadsFromTheFormAndLandsOnTheMaterialPage() throws Exception {
        mvc.perform(get("/materials/new").with(as("bq_member")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
            .andExpect(content().string(containsString(session.getTitle())));

        String location = mvc.perform(multipart("/materials").file(MaterialFixtures.pdf("我的发言.pdf"))
                .param("sessionId", session.getId().toString()).param("kind", "SPEECH").param("title", "页面上传的发言")
                .param("submit", "1").with(csrf()).with(as("bq_member")))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("/materials/*"))
            .andExpect(flash().attribute("message", "material.submitted"))
            .andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(location).with(as("bq_member")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("我的发言.pdf")))
            .andExpect(content().string(containsString("办公室初审")))
            .andExpect(content().string(containsString("审核中")))
            .andExpect(content().string(not(containsString("id=\"revise-form\""))));
        mvc.perform(get(location + "/versions/1/file").with(as("bq_member")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void aRefusedUploadShowsTheFormAgainWithWhatWasTypedAndTheReason() throws Exception {
        mvc.perform(multipart("/materials").file(MaterialFixtures.file("伪装.docx", MaterialFixtures.html()))
                .param("sessionId", session.getId().toString()).param("kind", "SPEECH").param("title", "保留下来的标题")
                .param("submit", "1").with(csrf()).with(as("bq_member")))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("不支持此文件类型")))
            .andExpect(content().string(containsString("value=\"保留下来的标题\"")));
    }

    @Test
    void theFileFieldStatesItsTypesAndLimitFromConfigAndCarriesThemForTheBrowsersCheck() throws Exception {
        String page = mvc.perform(get("/materials/new").with(as("bq_member")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("accept=\".pdf,.docx,.pptx,", "data-max-bytes=\"20971520\"",
            "data-too-large=\"文件超过 20 MB，未上传。", "可上传的类型：pdf、docx、pptx、", "单个文件不超过 20 MB",
            "/js/upload.js");
        String english = mvc.perform(get("/materials/new").param("lang", "en").with(as("bq_member")))
            .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Accepted types: pdf, docx, pptx, ", "at most 20 MB a file");

        // the same field, with the same statement, where a revised version is uploaded
        Material m = uploads.create(user("bq_member"), MaterialFixtures.form(session, "修改稿的文件栏"),
            MaterialFixtures.pdf("修改稿.pdf"), false);
        mvc.perform(get("/materials/{id}", m.getId()).with(as("bq_member")))
            .andExpect(content().string(containsString("id=\"revise-file-hint\"")))
            .andExpect(content().string(containsString("单个文件不超过 20 MB")));
    }

    @Test
    void aMaterialWithoutAProcessShowsNoDiagramAndItsDiagramIsNotFound() throws Exception {
        // a material on record without a process (as the demo's finished year keeps them): its page must not ask
        // for a diagram, and asking answers 404, not 500
        Material recorded = uploads.create(user("bq_member"), MaterialFixtures.form(session, "存档的往年材料"),
            MaterialFixtures.pdf("往年.pdf"), false);
        jdbc.update("UPDATE sf_material SET process_instance_id = NULL WHERE id = ?", recorded.getId());
        mvc.perform(get("/materials/{id}", recorded.getId()).with(as("bq_member")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("存档的往年材料")))
            .andExpect(content().string(not(containsString("data-bpmn-url"))));
        mvc.perform(get("/materials/{id}/diagram", recorded.getId()).with(as("bq_member")))
            .andExpect(status().isNotFound());

        // one with a process draws its diagram
        Material submitted = uploads.create(user("bq_member"), MaterialFixtures.form(session, "已提交的材料"),
            MaterialFixtures.pdf("已提交.pdf"), true);
        mvc.perform(get("/materials/{id}", submitted.getId()).with(as("bq_member")))
            .andExpect(content().string(containsString("data-bpmn-url=\"/materials/" + submitted.getId() + "/diagram\"")));
        mvc.perform(get("/materials/{id}/diagram", submitted.getId()).with(as("bq_member")))
            .andExpect(status().isOk());
    }

    @Test
    void anUploadRefusedForItsSizeKeepsWhatWasTypedAndNamesTheLimit() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(MaterialFixtures.PDF, 0, big, 0, MaterialFixtures.PDF.length);
        mvc.perform(multipart("/materials").file(MaterialFixtures.file("太大的发言.pdf", big))
                .param("sessionId", session.getId().toString()).param("kind", "SPEECH").param("title", "超限仍保留的标题")
                .param("summary", "摘要也保留").with(csrf()).with(as("bq_member")))
            .andExpect(status().is4xxClientError())
            .andExpect(content().string(containsString("20 MB")))
            .andExpect(content().string(containsString("value=\"超限仍保留的标题\"")))
            .andExpect(content().string(containsString("摘要也保留</textarea>")));
    }

    @Test
    void eachStepShowsItsOwnFormOnTheTaskPage() throws Exception {
        Material m = uploads.create(user("bq_member"), MaterialFixtures.form(session, "逐步审核的材料"),
            MaterialFixtures.pdf("逐步.pdf"), false);

        mvc.perform(get("/tasks/{id}", step(m)).with(as("bq_member")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"open-material\"")))
            .andExpect(content().string(not(containsString("id=\"unclaim\""))));
        uploads.submit(m.getId(), user("bq_member"), materials.get(m.getId(), user("bq_member")).getVersion());

        mvc.perform(get("/tasks/{id}", step(m)).with(as("bq_office")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"first-review-form\"")))
            .andExpect(content().string(containsString("name=\"decision\" value=\"RETURN\"")))
            .andExpect(content().string(containsString("确认本材料不涉密")))
            .andExpect(content().string(not(containsString("id=\"decision-form\""))));
        mvc.perform(post("/materials/tasks/{id}/first-review", step(m)).param("decision", "APPROVE")
                .param("notClassified", "true").with(csrf()).with(as("bq_office")))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("message", "task.approved"));

        mvc.perform(get("/tasks/{id}", step(m)).with(as("bq_publicity")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"second-review-form\"")))
            .andExpect(content().string(containsString("name=\"passed[POLITICAL]\"")));
        mvc.perform(post("/materials/tasks/{id}/second-review", step(m)).param("passed[POLITICAL]", "true")
                .param("passed[ACADEMIC]", "false").param("notes[ACADEMIC]", "论据不足").param("passed[LEGAL]", "true")
                .with(csrf()).with(as("bq_publicity")))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("message", "task.returned"));

        mvc.perform(get("/materials/{id}", m.getId()).with(as("bq_member")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"revise-form\"")))
            .andExpect(content().string(containsString("论据不足")))
            .andExpect(content().string(containsString("已退回")));
    }

    @Test
    void theTasklistOffersBatchApprovalForSignOffsAndReportsHowItWent() throws Exception {
        Material m = uploads.create(user("bq_member"), MaterialFixtures.form(session, "批量把关的材料"),
            MaterialFixtures.pdf("批量.pdf"), true);
        FirstReviewForm ok = new FirstReviewForm();
        ok.setDecision(Decision.APPROVE);
        ok.setNotClassified(true);
        reviews.firstReview(step(m), user("bq_office"), ok);
        reviews.secondReview(step(m), user("bq_publicity"), SecondReviewForm.allPassed(null));
        String signOff = step(m);

        mvc.perform(get("/tasks").param("view", "GROUP").with(as("bq_leader")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"batch-form\"")))
            .andExpect(content().string(containsString("value=\"" + signOff + "\"")));

        MvcResult batch = mvc.perform(post("/tasks/batch-approve").param("taskIds", signOff, "no-such-task")
                .param("comment", "同意").with(csrf()).with(as("bq_leader")))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("batchApproved", 1L))
            .andReturn();
        // the report reaches the next page through the session, stored in the database as in production
        Cookie sessionCookie = batch.getResponse().getCookie("SESSION");
        org.assertj.core.api.Assertions.assertThat(sessionCookie).as("the session of the JDBC store").isNotNull();
        mvc.perform(get(batch.getResponse().getRedirectedUrl()).cookie(sessionCookie).with(as("bq_leader")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("批量通过：已通过 1 项，1 项未能办理。")));
        org.assertj.core.api.Assertions.assertThat(materials.get(m.getId(), user("bq_member")).getStatus())
            .isEqualTo(MaterialStatus.ARCHIVED);
    }

    @Test
    void theListAndItsLabelsComeInEnglishToo() throws Exception {
        mvc.perform(get("/materials").param("lang", "en").with(as("bq_member")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Study materials")))
            .andExpect(content().string(containsString("Upload material")));
        mvc.perform(get("/materials").with(as("bq_auditor")))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("id=\"new-material\""))));
    }

    private String step(Material m) {
        return workflow.activeTasks(m.getProcessInstanceId()).get(0).id();
    }

}
