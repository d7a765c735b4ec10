package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The audit pages as people use them: an invitation from the secretary's form through the dept's and the
 * auditors' task pages, the dept's pages, and the yearly overview with its figures. 教育局 (jy) is audited
 * here only, so that its figures are this test's own.
 */
class AuditPagesTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired AuditService audits;
    @Autowired AuditPlanning planning;
    @Autowired AuditAssignmentSteps assignmentSteps;
    @Autowired AuditRecordSteps recordSteps;
    @Autowired AuditMapper mapper;
    @Autowired Workflow workflow;

    AuditFixtures fx;
    CurrentUser dept;
    CurrentUser qzAuditor;
    CurrentUser wfzAuditor;
    CurrentUser jyAuditor;
    CurrentUser bqAuditor;

    @BeforeEach
    void setUp() {
        fx = new AuditFixtures(context);
        dept = user("qz_dept");
        qzAuditor = user("qz_auditor");
        wfzAuditor = user("wfz_auditor");
        jyAuditor = user("jy_auditor");
        bqAuditor = user("bq_auditor");
        fx.poolOf(dept, qzAuditor, wfzAuditor, jyAuditor, bqAuditor);
    }

    @Test
    void anInvitationGoesFromTheSecretarysFormThroughTheTaskPages() throws Exception {
        CurrentUser secretary = user("bq_secretary");
        StudySession session = fx.sessionsThisMonth(secretary, user("bq_leader"), 1).get(0);

        mvc.perform(get("/audits/invite").with(as(secretary)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("向青州市委宣传部申请")))
            .andExpect(content().string(containsString(session.getTitle())));
        String location = mvc.perform(post("/audits/invitations").with(as(secretary)).with(csrf())
                .param("sessionId", String.valueOf(session.getId()))
                .param("sessionDate", AuditFixtures.today().toString()).param("note", "请指导"))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/audits/*"))
            .andReturn().getResponse().getRedirectedUrl();
        // the list on a phone: each audit a card whose lines carry their column's label (app.css, table.cards)
        mvc.perform(get("/audits").with(as(secretary)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("class=\"grid cards\" id=\"audit-table\"")))
            .andExpect(content().string(containsString("data-label=\"巡听日期\"")))
            .andExpect(content().string(containsString("data-label=\"组织单位\"")));
        long id = Long.parseLong(location.substring("/audits/".length()));
        Audit audit = mapper.selectAudit(id);
        mvc.perform(get("/audits/{id}", id).with(as(secretary)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("应邀巡听")))
            .andExpect(content().string(containsString("待审批")))
            .andExpect(content().string(containsString("宣传部审批巡听申请")));

        // the dept's task page offers the auditors it may send: never bq's own
        TaskInfo review = workflow.activeTasks(audit.getProcessInstanceId()).get(0);
        mvc.perform(get("/tasks/{id}", review.id()).with(as(dept)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"invitation-approve\"")))
            .andExpect(content().string(containsString("auditor-qz_auditor")))
            .andExpect(content().string(not(containsString("auditor-bq_auditor"))));
        mvc.perform(post("/audits/tasks/{id}/invitation", review.id()).with(as(dept)).with(csrf())
                .param("approve", "true").param("auditorIds", String.valueOf(wfzAuditor.getPersonId()),
                    String.valueOf(jyAuditor.getPersonId())).param("leadId", String.valueOf(jyAuditor.getPersonId())))
            .andExpect(redirectedUrl("/tasks"));

        // an auditor accepts on the task page, the other declines: a replacement is drawn
        TaskInfo acceptWfz = taskOf(audit, AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT, wfzAuditor);
        mvc.perform(get("/tasks/{id}", acceptWfz.id()).with(as(wfzAuditor)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"accept-assignment\"")))
            .andExpect(content().string(containsString("牵头")))
            .andExpect(content().string(not(containsString("id=\"unclaim\""))));
        // a task assigned to an auditor by name cannot be given back to a group: it would belong to nobody
        mvc.perform(post("/tasks/{id}/unclaim", acceptWfz.id()).with(as(wfzAuditor)).with(csrf())
                .header("Referer", "http://localhost/tasks/" + acceptWfz.id()))
            .andExpect(flash()
                .attribute("error", "此任务指定由您本人办理，不能放回组任务。"));
        assertThat(workflow.task(acceptWfz.id()).orElseThrow().assignee()).isEqualTo("wfz_auditor");
        mvc.perform(post("/audits/tasks/{id}/response", acceptWfz.id()).with(as(wfzAuditor)).with(csrf())
                .param("accept", "true"))
            .andExpect(redirectedUrl("/tasks"));
        TaskInfo acceptJy = taskOf(audit, AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT, jyAuditor);
        mvc.perform(post("/audits/tasks/{id}/response", acceptJy.id()).with(as(jyAuditor)).with(csrf())
                .header("Referer", "http://localhost/tasks/" + acceptJy.id()).param("accept", "false"))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash()
                .attribute("error", "请填写原因。"));
        mvc.perform(post("/audits/tasks/{id}/response", acceptJy.id()).with(as(jyAuditor)).with(csrf())
                .param("accept", "false").param("reason", "出差"))
            .andExpect(redirectedUrl("/tasks"));
        // a second click on a step already done is told so
        mvc.perform(post("/audits/tasks/{id}/response", acceptJy.id()).with(as(jyAuditor)).with(csrf())
                .header("Referer", "http://localhost/tasks/" + acceptJy.id()).param("accept", "true"))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash()
                .attribute("error", "此任务已被处理或已变更，请刷新后查看。"));

        AuditAssignment replacement = audits.assignments(audit).get(2);
        assertThat(replacement.getUsername()).isEqualTo("qz_auditor");
        assertThat(replacement.isLead()).isTrue();
        // the steps it waits at name each auditor, never their login (the demo's names repeat: role and organisation)
        String auditor = orgService.personByUsername("qz_auditor").getDisplayName() + "（巡听员 · 青州市委）";
        mvc.perform(get("/audits/{id}", id).with(as(dept)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("确认巡听任务 · " + auditor)))
            .andExpect(content().string(not(containsString("qz_auditor<"))))
            .andExpect(content().string(containsString("出差")))
            .andExpect(content().string(containsString("不能参加")))
            .andExpect(content().string(containsString("/audits/draws/" + replacement.getDrawId())));
        mvc.perform(get("/audits/draws/{id}", replacement.getDrawId()).with(as(dept)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("补抽巡听人员")))
            .andExpect(content().string(containsString(qzAuditor.getDisplayName() + "（牵头）")));
    }

    @Test
    void theFormsRefuseAYearNoAuditCanBePlannedInWithAMessage() throws Exception {
        for (String year : List.of("1999", "2101", "2147483647")) {
            mvc.perform(get("/audits/new").param("year", year).with(as(dept)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择 2000 至 2100 之间的年度。")));
            mvc.perform(get("/audits/invite").param("year", year).with(as(user("bq_secretary"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择 2000 至 2100 之间的年度。")));
        }
        mvc.perform(get("/audits/new").param("year", "2100").with(as(dept))).andExpect(status().isOk());
    }

    @Test
    void theReassignStepShowsWhomTheDeptMayName() throws Exception {
        CurrentUser secretary = user("bq_secretary");
        StudySession session = fx.sessionsThisMonth(secretary, user("bq_leader"), 1).get(0);
        Audit audit = planning.createFixed(dept, new AuditRequests.Fixed(session.getId(), AuditFixtures.today(),
            List.of(qzAuditor.getPersonId(), wfzAuditor.getPersonId(), jyAuditor.getPersonId()), null));
        assignmentSteps.respond(taskOf(audit, AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT, qzAuditor).id(), qzAuditor,
            new AuditRequests.Response(false, "另有任务"));

        TaskInfo reassign = workflow.activeTasks(audit.getProcessInstanceId()).stream()
            .filter(t -> AuditSitInProcess.TASK_REASSIGN_AUDITOR.equals(t.step())).findFirst().orElseThrow();
        mvc.perform(get("/tasks/{id}", reassign.id()).with(as(dept)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("人员库中已无可抽取的人员")))
            .andExpect(content().string(containsString("人员库中没有可指派的巡听人员")));
        mvc.perform(get("/tasks").with(as(dept)).param("view", "GROUP"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(audit.getTitle())));
    }

    @Test
    void theDeptsPagesShowThePoolTheDrawsAndTheForms() throws Exception {
        StudySession session = fx.sessionsThisMonth(user("wfz_secretary"), user("wfz_leader"), 1).get(0);
        mvc.perform(get("/audits").with(as(dept)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"new-fixed\"")))
            .andExpect(content().string(containsString("id=\"open-pool\"")));
        mvc.perform(get("/audits/pool").with(as(dept)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("data-username=\"wfz_auditor\"")));
        mvc.perform(get("/audits/draws").with(as(dept)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("王坟镇党委")))
            .andExpect(content().string(not(containsString("id=\"org-qz\""))));
        mvc.perform(get("/audits/new").with(as(dept)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("value=\"" + session.getId() + "\"")))
            .andExpect(content().string(containsString(">王坟镇党委 · ")))
            .andExpect(content().string(containsString("auditor-jy_auditor")))
            .andExpect(content().string(containsString("/audits/new?year=" + (AuditFixtures.today().getYear() - 1))))
            .andExpect(content().string(containsString("/audits/new?year=" + (AuditFixtures.today().getYear() + 1))));
        mvc.perform(get("/audits/pool").with(as(user("bq_secretary"))))
            .andExpect(status().isForbidden());
        mvc.perform(get("/audits?lang=en").with(as(dept)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Plan a fixed audit")));
    }

    @Test
    void theOverviewCountsDoneAuditsAveragesScoresAndNamesWhoIsNotCoveredYet() throws Exception {
        CurrentUser jySecretary = user("jy_secretary");
        List<StudySession> sessions = fx.sessionsThisMonth(jySecretary, user("jy_leader"), 3);
        LocalDate today = AuditFixtures.today();
        // three audits the same day: nobody sits in on two of them, so a fifth auditor joins the pool
        CurrentUser fifth = newPerson("auditorE", dept.getOrg(), Role.AUDITOR);
        fx.poolOf(dept, qzAuditor, wfzAuditor, jyAuditor, bqAuditor, fifth);
        Audit first = scheduled(sessions.get(0), qzAuditor, wfzAuditor);
        Audit second = scheduled(sessions.get(1), bqAuditor);
        planning.createFixed(dept, new AuditRequests.Fixed(sessions.get(2).getId(), today,
            List.of(fifth.getPersonId()), null));
        recordSteps.fileRecord(first.getId(), qzAuditor, scores(4, 4, 5, 3, Verdict.PASS));
        recordSteps.fileRecord(first.getId(), wfzAuditor, scores(2, 2, 3, 3, Verdict.RECTIFY));
        recordSteps.fileRecord(second.getId(), bqAuditor, scores(5, 5, 5, 5, Verdict.PASS));
        fx.runAsyncJobs(first.getProcessInstanceId());
        fx.runAsyncJobs(second.getProcessInstanceId());

        List<OrgAuditSummary> rows = audits.overview(dept, today.getYear());

        OrgAuditSummary jy = rows.stream().filter(r -> r.getOrgId() == jySecretary.getOrgId()).findFirst().orElseThrow();
        assertThat(jy.getPlanned()).isEqualTo(3);
        assertThat(jy.getDone()).isEqualTo(2);
        assertThat(jy.getOpenRectifications()).isEqualTo(1);
        assertThat(jy.getRecords()).isEqualTo(3);
        assertThat(jy.getAvgPreparation().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo(new BigDecimal("3.67"));
        assertThat(jy.getAvgDiscussion().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo(new BigDecimal("3.67"));
        assertThat(jy.getAvgDiscipline().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo(new BigDecimal("4.33"));
        assertThat(jy.getAvgApplication().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo(new BigDecimal("3.67"));
        assertThat(jy.isUncovered()).isFalse();
        assertThat(rows).extracting(OrgAuditSummary::getOrgName).doesNotContain("青州市委")
            .contains("卞桥镇党委", "王坟镇党委", "青州市教育局党组");
        OrgAuditSummary wfz = rows.stream().filter(r -> r.getOrgName().equals("王坟镇党委")).findFirst().orElseThrow();
        assertThat(wfz.isUncovered()).isTrue();
        assertThat(wfz.getAvgPreparation()).isNull();

        mvc.perform(get("/audits/overview").with(as(dept)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("本年度尚未巡听的下级单位")))
            .andExpect(content().string(containsString("<li>王坟镇党委</li>")))
            .andExpect(content().string(containsString("3.7")))
            .andExpect(content().string(containsString("4.3")));
        mvc.perform(get("/api/audits/overview").param("year", String.valueOf(today.getYear())).with(as(dept)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[?(@.orgName == '青州市教育局党组')].done").value(2));
        mvc.perform(get("/audits/overview").with(as(jySecretary))).andExpect(status().isForbidden());
    }

    private Audit scheduled(StudySession session, CurrentUser... auditors) {
        Audit audit = planning.createFixed(dept, new AuditRequests.Fixed(session.getId(), AuditFixtures.today(),
            Arrays.stream(auditors).map(CurrentUser::getPersonId).toList(), null));
        for (CurrentUser a : auditors) {
            assignmentSteps.respond(taskOf(audit, AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT, a).id(), a,
                new AuditRequests.Response(true, null));
        }
        fx.runAsyncJobs(audit.getProcessInstanceId());
        return mapper.selectAudit(audit.getId());
    }

    private static AuditRecordForm scores(int preparation, int discussion, int discipline, int application,
                                          Verdict verdict) {
        AuditRecordForm form = AuditSitInFixture.record(verdict);
        form.setScorePreparation(preparation);
        form.setScoreDiscussion(discussion);
        form.setScoreDiscipline(discipline);
        form.setScoreApplication(application);
        return form;
    }

    private TaskInfo taskOf(Audit audit, String step, CurrentUser assignee) {
        return workflow.activeTasks(audit.getProcessInstanceId()).stream()
            .filter(t -> step.equals(t.step()) && assignee.getUsername().equals(t.assignee()))
            .findFirst().orElseThrow(() -> new AssertionError("No " + step + " for " + assignee.getUsername()));
    }

    private static RequestPostProcessor as(CurrentUser who) {
        return SecurityMockMvcRequestPostProcessors.user(who);
    }
}
