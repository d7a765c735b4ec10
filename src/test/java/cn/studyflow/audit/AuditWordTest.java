package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.WordText;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An audit's record as a Word document for the superior: the audited organisation, the year, each auditor's
 * scores, checklist and findings; for whoever may not see the audit it does not exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditWordTest extends IntegrationTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired ApplicationContext context;
    @Autowired AuditPlanning planning;
    @Autowired AuditAssignmentSteps assignmentSteps;
    @Autowired AuditRecordSteps recordSteps;
    @Autowired AuditMapper mapper;
    @Autowired Workflow workflow;

    Audit audit;

    /** A fixed audit of 王坟镇 today, accepted and recorded by the county's auditor. */
    @BeforeAll
    void aRecordedAudit() {
        AuditFixtures fx = new AuditFixtures(context);
        CurrentUser dept = user("qz_dept");
        CurrentUser auditor = user("qz_auditor");
        fx.poolOf(dept, auditor, user("wfz_auditor"), user("jy_auditor"), user("bq_auditor"));
        StudySession session = fx.sessionsThisMonth(user("wfz_secretary"), user("wfz_leader"), 1).get(0);
        Audit fixed = planning.createFixed(dept, new AuditRequests.Fixed(session.getId(), AuditFixtures.today(),
            List.of(auditor.getPersonId()), null));
        assignmentSteps.respond(taskOf(fixed, AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT, auditor).id(), auditor,
            new AuditRequests.Response(true, null));
        fx.runAsyncJobs(fixed.getProcessInstanceId());
        recordSteps.fileRecord(fixed.getId(), auditor, AuditSitInFixture.record(Verdict.PASS));
        audit = mapper.selectAudit(fixed.getId());
    }

    @Test
    void theDeptDownloadsTheRecordWithScoresChecklistAndFindings() throws Exception {
        byte[] bytes = mvc.perform(get("/audits/{id}/docx", audit.getId()).with(as(user("qz_dept"))))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", DOCX))
            .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment;")))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andReturn().getResponse().getContentAsByteArray();

        WordText doc = WordText.of(bytes);
        assertThat(doc.title()).isEqualTo(audit.getTitle() + " · 巡听记录");
        assertThat(doc.paragraphs()).contains("单位：王坟镇党委", "年度：" + audit.getAuditYear() + "年",
            "组织单位：青州市委", "方式：固定巡听", "巡听记录", "发现的问题：准备充分，发言联系实际。");
        assertThat(doc.paragraphs()).anyMatch(p -> p.startsWith(user("qz_auditor").getDisplayName() + "（")
            && p.endsWith("：合格"));
        assertThat(doc.tables().get(0).get(0)).containsExactly("应到/实到", "学习准备", "研讨质量", "纪律考勤", "学用结合");
        assertThat(doc.tables().get(0).get(1)).containsExactly("15 / 13", "4", "4", "5", "3");
        assertThat(doc.tables().get(1)).contains(List.of("学习内容符合年度学习计划，主题明确", "已做到"),
            List.of("主要负责同志主持并带头发言", "已做到"));
    }

    @Test
    void theAuditedTownsSecretaryReadsItInEnglish() throws Exception {
        byte[] bytes = mvc.perform(get("/audits/{id}/docx", audit.getId()).param("lang", "en")
                .with(as(user("wfz_secretary"))))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsByteArray();

        WordText doc = WordText.of(bytes);
        assertThat(doc.title()).isEqualTo(audit.getTitle() + " · audit record");
        assertThat(doc.paragraphs()).contains("Organisation: 王坟镇党委", "Year: " + audit.getAuditYear());
        assertThat(doc.tables().get(1).get(0)).containsExactly("Audit point", "Met");
    }

    /** Another town, a department beside it: no audit, no document. */
    @ParameterizedTest
    @ValueSource(strings = {"bq_secretary", "bq_member", "jy_secretary"})
    void forSomeoneOutsideTheAuditedTownThereIsNoDocument(String username) throws Exception {
        mvc.perform(get("/audits/{id}/docx", audit.getId()).with(as(user(username))))
            .andExpect(status().isNotFound())
            .andExpect(header().doesNotExist("Content-Disposition"));
    }

    private TaskInfo taskOf(Audit a, String step, CurrentUser assignee) {
        return workflow.activeTasks(a.getProcessInstanceId()).stream()
            .filter(t -> step.equals(t.step()) && assignee.getUsername().equals(t.assignee()))
            .findFirst().orElseThrow(() -> new AssertionError("No " + step + " for " + assignee.getUsername()));
    }

    private static RequestPostProcessor as(CurrentUser who) {
        return SecurityMockMvcRequestPostProcessors.user(who);
    }
}
