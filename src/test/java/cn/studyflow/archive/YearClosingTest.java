package cn.studyflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.ClosedYears;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanKind;
import cn.studyflow.plan.PlanService;
import cn.studyflow.plan.PlanStatus;
import cn.studyflow.support.Plans;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Closing a year through StudyFlow's pages and tasklist: the secretary asks, the leader returns or approves; once
 * closed, plans, sessions, materials and leave of that year are refused with 409 and nothing changes, until the
 * leader reopens the year with a reason that is recorded.
 */
@RecordApplicationEvents
class YearClosingTest extends FinishedYearTest {

    @Autowired YearClosings closings;
    @Autowired ClosedYears closedYears;
    @Autowired TasklistService tasklist;
    @Autowired ApplicationEvents events;
    @Autowired PlanService plans;

    @Override
    protected String townName() {
        return "归档测试镇党委";
    }

    @Test
    void returnedByTheLeaderTheYearStaysOpenAndTheSecretaryIsTold() throws Exception {
        requestClosing().andExpect(status().is3xxRedirection());
        YearClosing request = latest();
        assertThat(request.getStatus()).isEqualTo(ClosingStatus.REQUESTED);
        TaskInfo task = onlyTask(request.getProcessInstanceId());
        assertThat(task.step()).isEqualTo(YearArchiveClosingProcess.TASK_LEADER);
        assertThat(latest(group.leader()).getMessageKey()).isEqualTo("archive.notify.requested");

        tasklist.decide(task.id(), group.leader(), Decision.RETURN, "三月学习会照片不全，请补齐后再申请");

        assertThat(latest().getStatus()).isEqualTo(ClosingStatus.RETURNED);
        assertThat(latest().getDecisionComment()).isEqualTo("三月学习会照片不全，请补齐后再申请");
        assertThat(closedYears.isClosed(group.org().getId(), year.year)).isFalse();
        assertThat(latest(group.secretary()).getMessageKey()).isEqualTo("archive.notify.returned");
        assertThat(events.stream(ClosedYears.Closed.class)).isEmpty();
        assertThat(workflow.isRunning(request.getProcessInstanceId())).isFalse();
    }

    @Test
    void approvedByTheLeaderTheYearIsClosedAndEveryWriteOfItIsRefused() throws Exception {
        close();

        assertThat(closedYears.isClosed(group.org().getId(), year.year)).isTrue();
        assertThat(closedYears.isClosed(group.org().getId(), year.year - 1)).isFalse();
        assertThat(events.stream(ClosedYears.Closed.class)).containsExactly(
            new ClosedYears.Closed(group.org().getId(), year.year, group.leader().getPersonId()));
        String page = mvc.perform(get("/archive").param("org", orgId()).param("year", "" + year.year)
            .with(as(group.leader().getUsername()))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已归档关闭", group.leader().getDisplayName(), "id=\"reopen-form\"")
            .doesNotContain("id=\"closing-form\"");

        // the plan of that year
        String plan = refused(mvc.perform(post("/api/plans").with(as(group.secretary().getUsername())).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"kind\":\"SUPPLEMENTARY\",\"year\":" + year.year + ",\"month\":11}")));
        assertThat(plan).contains(year.year + "年的学习档案已于", group.leader().getDisplayName(), "重新打开");
        assertThat(count("SELECT COUNT(*) FROM sf_plan WHERE org_id = ?")).isZero();

        // the session's minutes
        refused(mvc.perform(put("/api/sessions/{id}/minutes", year.sessionId).with(as(group.secretary().getUsername()))
            .with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"version\":" + version() + ",\"minutes\":\"改写的记录\"}")));
        assertThat(jdbc.queryForObject("SELECT minutes FROM sf_study_session WHERE id = ?", String.class,
            year.sessionId)).isEqualTo(FinishedYear.MINUTES);

        // a photo of the session
        refused(mvc.perform(multipart("/api/sessions/{id}/files", year.sessionId)
            .file(new MockMultipartFile("file", "补拍.png", "image/png", year.photo)).param("kind", "PHOTO")
            .with(as(group.secretary().getUsername())).with(csrf())));
        assertThat(count("SELECT COUNT(*) FROM sf_session_file WHERE session_id = ?", year.sessionId)).isEqualTo(1);

        // a material for the session
        refused(mvc.perform(multipart("/api/materials")
            .file(new MockMultipartFile("file", "发言.txt", "text/plain", "学习体会".getBytes()))
            .param("sessionId", "" + year.sessionId).param("kind", "SPEECH").param("title", "补交的发言")
            .with(as(group.member().getUsername())).with(csrf())));
        assertThat(count("SELECT COUNT(*) FROM sf_material WHERE org_id = ?")).isZero();

        // leave from the session
        refused(mvc.perform(post("/api/leaves").with(as(group.member().getUsername())).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"sessionId\":" + year.sessionId + ",\"reason\":\"WORK_TRIP\",\"detail\":\"出差\"}")));
        assertThat(count("SELECT COUNT(*) FROM sf_leave WHERE org_id = ?")).isZero();

        // and the schedule of the session, through its page
        assertThat(refused(mvc.perform(post("/sessions/{id}/cancel", year.sessionId).param("version", "" + version())
                .param("reason", "改期").with(as(group.secretary().getUsername())).with(csrf()))))
            .contains(year.year + "年的学习档案已于");
        assertThat(jdbc.queryForObject("SELECT status FROM sf_study_session WHERE id = ?", String.class,
            year.sessionId)).isEqualTo("HELD");
    }

    @Test
    void reopenedByTheLeaderWithAReasonTheYearMayChangeAgain() throws Exception {
        close();
        int before = version();

        String noReason = mvc.perform(post("/archive/reopen").param("org", orgId()).param("year", "" + year.year)
                .param("reason", " ").with(as(group.leader().getUsername())).with(csrf()))
            .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(noReason).contains("重新打开须写明理由");
        assertThat(closedYears.isClosed(group.org().getId(), year.year)).as("no reason, still closed").isTrue();
        mvc.perform(post("/api/archive/reopen").contentType(MediaType.APPLICATION_JSON)
                .content("{\"orgId\":" + orgId() + ",\"year\":" + year.year + ",\"reason\":\"补录\"}")
                .with(as(group.secretary().getUsername())).with(csrf()))
            .andExpect(status().isForbidden());
        mvc.perform(post("/api/archive/reopen").contentType(MediaType.APPLICATION_JSON)
                .content("{\"orgId\":" + orgId() + ",\"year\":" + year.year + ",\"reason\":\"补录\"}")
                .with(as("wfz_leader")).with(csrf()))
            .andExpect(status().isNotFound());
        assertThat(closedYears.isClosed(group.org().getId(), year.year)).isTrue();

        mvc.perform(post("/api/archive/reopen").contentType(MediaType.APPLICATION_JSON)
                .content("{\"orgId\":" + orgId() + ",\"year\":" + year.year + ",\"reason\":\"上级检查要求补录十二月学习记录\"}")
                .with(as(group.leader().getUsername())).with(csrf()))
            .andExpect(status().isOk());

        assertThat(closedYears.isClosed(group.org().getId(), year.year)).isFalse();
        assertThat(latest().getStatus()).isEqualTo(ClosingStatus.REOPENED);
        assertThat(latest().getReopenReason()).isEqualTo("上级检查要求补录十二月学习记录");
        assertThat(latest().getReopenerName()).isEqualTo(group.leader().getDisplayName());
        assertThat(events.stream(ClosedYears.Reopened.class)).containsExactly(new ClosedYears.Reopened(
            group.org().getId(), year.year, group.leader().getPersonId(), "上级检查要求补录十二月学习记录"));
        mvc.perform(put("/api/sessions/{id}/minutes", year.sessionId).with(as(group.secretary().getUsername()))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + before + ",\"minutes\":\"补录的记录\"}"))
            .andExpect(status().isOk());
        assertThatThrownBy(() -> closings.reopen(group.leader(), group.org().getId(), year.year, "再开一次"))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.getMessageKey()).isEqualTo("archive.error.notClosed"));
    }

    @Test
    void onlyTheSecretaryAsksOnceForAYearThatHoldsSomething() throws Exception {
        mvc.perform(post("/archive/closing").param("org", orgId()).param("year", "" + year.year)
            .with(as(group.member().getUsername())).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/api/archive/closing").contentType(MediaType.APPLICATION_JSON)
                .content("{\"orgId\":" + orgId() + ",\"year\":" + year.year + "}")
                .with(as(group.leader().getUsername())).with(csrf()))
            .andExpect(status().isForbidden());
        mvc.perform(post("/api/archive/closing").contentType(MediaType.APPLICATION_JSON)
                .content("{\"orgId\":" + orgId() + ",\"year\":" + (year.year - 4) + "}")
                .with(as(group.secretary().getUsername())).with(csrf()))
            .andExpect(status().isBadRequest());
        mvc.perform(post("/api/archive/closing").contentType(MediaType.APPLICATION_JSON)
                .content("{\"orgId\":" + orgId() + ",\"year\":" + year.year + "}")
                .with(as(group.secretary().getUsername())).with(csrf()))
            .andExpect(status().isCreated());
        String twice = mvc.perform(post("/api/archive/closing").contentType(MediaType.APPLICATION_JSON)
                .content("{\"orgId\":" + orgId() + ",\"year\":" + year.year + "}")
                .with(as(group.secretary2().getUsername())).with(csrf()))
            .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(twice).contains(group.secretary().getDisplayName());
        assertThat(closings.history(group.org().getId(), year.year)).hasSize(1);
    }

    @Test
    void aReviewersDecisionOnWorkOfAClosedYearIsRefusedUntilTheYearIsReopened() throws Exception {
        Plan plan = plans.create(group.secretary(), PlanKind.SUPPLEMENTARY, year.year, 11);
        plan = plans.saveDraft(plan.getId(), group.secretary(), Plans.form(plan, 2));
        plans.submit(plan.getId(), group.secretary(), plan.getVersion());
        String leaderTask = onlyTask(plans.get(plan.getId(), group.secretary()).getProcessInstanceId()).id();
        close();

        String refused = refused(mvc.perform(post("/api/tasks/{id}/complete", leaderTask)
            .with(as(group.leader().getUsername())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"decision\":\"APPROVE\"}")));
        assertThat(refused).contains(year.year + "年的学习档案已于");
        assertThat(plans.get(plan.getId(), group.secretary()).getStatus()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(onlyTask(plan.getProcessInstanceId()).id()).as("the step still waits").isEqualTo(leaderTask);

        closings.reopen(group.leader(), group.org().getId(), year.year, "补批十一月补充计划");
        tasklist.decide(leaderTask, group.leader(), Decision.APPROVE, null);
        assertThat(plans.get(plan.getId(), group.secretary()).getStatus()).isNotEqualTo(PlanStatus.SUBMITTED);
    }

    private void close() throws Exception {
        requestClosing().andExpect(status().is3xxRedirection());
        tasklist.decide(onlyTask(latest().getProcessInstanceId()).id(), group.leader(), Decision.APPROVE, null);
        assertThat(latest().getStatus()).isEqualTo(ClosingStatus.CLOSED);
    }

    private ResultActions requestClosing() throws Exception {
        return mvc.perform(post("/archive/closing").param("org", orgId()).param("year", "" + year.year)
            .param("note", "全年学习资料已整理齐全").with(as(group.secretary().getUsername())).with(csrf()));
    }

    private static String refused(ResultActions call) throws Exception {
        return call.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
    }

    private YearClosing latest() {
        List<YearClosing> history = closings.history(group.org().getId(), year.year);
        return history.get(0);
    }

    private int version() {
        return jdbc.queryForObject("SELECT version FROM sf_study_session WHERE id = ?", Integer.class, year.sessionId);
    }

    private int count(String sql) {
        return count(sql, group.org().getId());
    }

    private int count(String sql, long id) {
        return jdbc.queryForObject(sql, Integer.class, id);
    }

}
