package cn.studyflow.makeup;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.SessionService;
import cn.studyflow.status.Rollups;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.upload.UploadSamples;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * /api/makeups and the make-up pages under their scope: the member sees their own, the secretary, the leader and
 * the deputy their organisation's, the county's dept and the city's manager their subtree's read-only; anyone else
 * gets 404, as for a make-up that does not exist. The pages link the session and its materials, and the member's
 * year and the session page read "made up" once accepted.
 */
class MakeupApiTest extends MakeupGroupTest {

    @Autowired MakeupSubmissions submissions;
    @Autowired TasklistService tasks;
    @Autowired Rollups rollups;

    @Test
    void eachRoleSeesTheMakeupsOfItsScopeAndNoOthers() throws Exception {
        Makeup m = makeupOf(group.member());

        for (CurrentUser reader : new CurrentUser[] {group.member(), group.secretary(), group.leader(), group.deputy(),
            user("qz_dept"), user("wf_manager")}) {
            mvc.perform(get("/api/makeups/{id}", m.getId()).with(basic(reader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.makeup.memberName").value(group.member().getDisplayName()))
                .andExpect(jsonPath("$.makeup.status").value("ASSIGNED"))
                .andExpect(jsonPath("$.makeup.fileStoredName").doesNotExist())
                .andExpect(jsonPath("$.currentSteps[0].step").value(MakeupStudyProcess.TASK_SUBMIT));
        }
        for (CurrentUser outsider : new CurrentUser[] {group.member2(), group.office(), user("wfz_leader"),
            user("bq_secretary")}) {
            mvc.perform(get("/api/makeups/{id}", m.getId()).with(basic(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/makeups/{id}", m.getId()).with(as(outsider.getUsername()))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/makeups").with(basic(group.secretary())))
            .andExpect(jsonPath("$.items[*].id", hasItem(m.getId().intValue())))
            .andExpect(jsonPath("$.items[*].id", hasItem(makeupOf(group.member2()).getId().intValue())));
        mvc.perform(get("/api/makeups").with(basic(group.member2())))
            .andExpect(jsonPath("$.items[*].id", not(hasItem(m.getId().intValue()))));
        mvc.perform(get("/api/makeups").with(basic(user("wfz_leader"))))
            .andExpect(jsonPath("$.items[*].id", not(hasItem(m.getId().intValue()))));
    }

    @Test
    void theMemberSubmitsThroughTheApiAndASuperiorReadsButCannotAct() throws Exception {
        Makeup m = makeupOf(group.member());

        mvc.perform(multipart("/api/makeups/{id}/submit", m.getId()).file(pdf("补学心得.pdf")).param("notes", "学习")
                .with(basic(group.member())).header("Accept-Language", "zh-CN"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("makeup.error.notesTooShort"))
            .andExpect(jsonPath("$.message").value(containsString("300")));
        mvc.perform(multipart("/api/makeups/{id}/submit", m.getId()).param("notes", NOTES).with(basic(user("qz_dept"))))
            .andExpect(status().isNotFound());
        mvc.perform(post("/api/makeups/{id}/waive", m.getId()).with(basic(user("qz_dept")))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"病休\"}"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.code").value("makeup.error.notLeader"));

        mvc.perform(multipart("/api/makeups/{id}/submit", m.getId()).file(pdf("补学心得.pdf")).param("notes", NOTES)
                .with(basic(group.member())))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.makeup.status").value("SUBMITTED"))
            .andExpect(jsonPath("$.makeup.fileName").value("补学心得.pdf"))
            .andExpect(jsonPath("$.currentSteps[0].step").value(MakeupStudyProcess.TASK_CHECK));
        mvc.perform(get("/api/makeups/{id}/file", m.getId()).with(basic(group.secretary())))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition", containsString("attachment")))
            .andExpect(content().bytes(UploadSamples.PDF));
        mvc.perform(get("/api/makeups/{id}/file", m.getId()).with(basic(group.member2())))
            .andExpect(status().isNotFound());
        mvc.perform(get("/v3/api-docs").with(basic(user("admin"))))
            .andExpect(jsonPath("$.paths['/api/makeups/{id}/submit'].post.summary").value(containsString("Submit")))
            .andExpect(jsonPath("$.paths['/api/makeups/{id}/waive'].post").exists())
            .andExpect(jsonPath("$.paths['/api/makeups'].get").exists());
    }

    @Test
    void theMemberFindsTheMakeupFromTheSessionAndTheFormSaysWhyItRefuses() throws Exception {
        Makeup m = makeupOf(group.member());

        mvc.perform(get("/sessions/{id}", sessionId).with(as(group.member().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("href=\"/makeups/" + m.getId() + "\"")))
            .andExpect(content().string(not(containsString("href=\"/makeups/" + makeupOf(group.member2()).getId() + "\""))));
        mvc.perform(get("/makeups/{id}", m.getId()).with(as(group.member().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"submit-form\"")))
            .andExpect(content().string(containsString("href=\"/sessions/" + sessionId + "\"")))
            .andExpect(content().string(containsString("href=\"/materials?session=" + sessionId + "\"")));
        mvc.perform(multipart("/makeups/{id}/submit", m.getId()).param("notes", "学习了。").with(csrf())
                .with(as(group.member().getUsername())))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("补学心得不少于 300 字（现为 4 字）")))
            .andExpect(content().string(containsString("学习了。")));
        mvc.perform(multipart("/makeups/{id}/submit", m.getId()).param("notes", NOTES).with(csrf())
                .with(as(group.member().getUsername())))
            .andExpect(status().is3xxRedirection());
    }

    @Test
    void onceAcceptedTheSessionAndTheMembersYearReadOnLeaveMadeUp() throws Exception {
        Makeup m = makeupOf(group.member());
        submissions.submit(m.getId(), group.member(), new MakeupForm(NOTES), null);
        mvc.perform(get("/tasks/{id}", current(m).id()).with(as(group.secretary().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"makeup-notes\"")))
            .andExpect(content().string(containsString("id=\"decision-form\"")));
        tasks.decide(current(m).id(), group.secretary(), Decision.APPROVE, null);

        mvc.perform(get("/sessions/{id}", sessionId).with(as(group.secretary().getUsername())))
            .andExpect(content().string(containsString("请假 · 已补学")));
        mvc.perform(get("/tasks").with(as(group.member().getUsername())))
            .andExpect(content().string(containsString("请假，已补学")));
        mvc.perform(get("/sessions/attendance").param("org", String.valueOf(group.org().getId()))
                .with(as(group.leader().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("请假且已补学")))
            .andExpect(content().string(containsString("<td class=\"num leave-made-up\">1</td>")));
    }

    @Test
    void theStatusDashboardShowsMakeupsRunningOverdueAndTheTimeOfTheirSteps() throws Exception {
        Makeup accepted = makeupOf(group.member());
        Makeup late = makeupOf(group.member2());
        submissions.submit(accepted.getId(), group.member(), new MakeupForm(NOTES), null);
        tasks.decide(current(accepted).id(), group.secretary(), Decision.APPROVE, null);
        // the second one's step is past its due date, as the journal copied it from the task
        jdbc.update("UPDATE sf_stage SET due_at = ? WHERE instance_id = ? AND ended_at IS NULL",
            OffsetDateTime.now().minusDays(1), late.getProcessInstanceId());
        // the year's figures (completed, decided, durations) as the job rolls them up every minute
        rollups.rollUp();

        mvc.perform(get("/api/status/dashboard").param("org", String.valueOf(group.org().getId()))
                .with(basic(group.leader())))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.processes[?(@.processKey == 'makeup-study')].running", hasItem(1)))
            .andExpect(jsonPath("$.processes[?(@.processKey == 'makeup-study')].completed", hasItem(1)))
            .andExpect(jsonPath("$.processes[?(@.processKey == 'makeup-study')].overdue", hasItem(1)))
            .andExpect(jsonPath("$.stages[?(@.processKey == 'makeup-study' && @.step == 'checkMakeup')].decided",
                hasItem(1)))
            .andExpect(jsonPath("$.stages[?(@.processKey == 'makeup-study' && @.step == 'submitMakeup')].medianMs")
                .isNotEmpty());
        mvc.perform(get("/status/instances").param("process", MakeupStudyProcess.KEY)
                .param("org", String.valueOf(group.org().getId())).param("overdue", "true")
                .with(as(group.leader().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(group.member2().getDisplayName() + " · ")))
            .andExpect(content().string(not(containsString(group.member().getDisplayName() + " · "))));
    }

    @Test
    void theLeaderWaivesAnOverdueMakeupFromTheTaskPage() throws Exception {
        Makeup m = makeupOf(group.member());
        mvc.perform(get("/makeups/{id}", m.getId()).with(as(group.leader().getUsername())))
            .andExpect(content().string(not(containsString("id=\"waive-form\""))));
        execute(m, MakeupStudyProcess.TIMER_DUE);
        String waiver = workflow.activeTasks(m.getProcessInstanceId()).stream()
            .filter(t -> MakeupStudyProcess.TASK_WAIVER.equals(t.step())).findFirst().orElseThrow().id();

        mvc.perform(get("/tasks/{id}", waiver).with(as(group.leader().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("action=\"/makeups/" + m.getId() + "/waive\"")))
            .andExpect(content().string(not(containsString("id=\"decision-form\""))));
        mvc.perform(post("/makeups/{id}/waive", m.getId()).param("reason", " ").with(csrf())
                .with(as(group.leader().getUsername())))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("免予补学须写明理由。")));
        mvc.perform(get("/api/makeups/{id}", m.getId()).with(basic(group.member())))
            .andExpect(jsonPath("$.makeup.status").value("ASSIGNED"));

        mvc.perform(post("/makeups/{id}/waive", m.getId()).param("reason", "长期病休，经党委研究免予补学").with(csrf())
                .with(as(group.leader().getUsername())))
            .andExpect(status().is3xxRedirection());

        mvc.perform(get("/makeups/{id}", m.getId()).with(as(group.member().getUsername())))
            .andExpect(content().string(containsString("已免补")))
            .andExpect(content().string(containsString("长期病休，经党委研究免予补学")))
            .andExpect(content().string(not(containsString("id=\"submit-form\""))));
    }

    @Test
    void aMemberOnTheRosterOfAComingSessionFindsTheLeaveLinkOnItsPage() throws Exception {
        long coming = group.sessions().inDays(4, group.member());
        long held = sessionId;

        mvc.perform(get("/sessions/{id}", coming).with(as(group.member().getUsername())))
            .andExpect(content().string(containsString("href=\"/leaves/new?session=" + coming + "\"")));
        mvc.perform(get("/sessions/{id}", coming).with(as(group.member2().getUsername())))
            .andExpect(content().string(not(containsString("id=\"ask-leave-link\""))));
        mvc.perform(get("/sessions/{id}", held).with(as(group.member().getUsername())))
            .andExpect(content().string(not(containsString("id=\"ask-leave-link\""))));
        group.sessions().setStatus(coming, SessionService.CANCELLED);
        mvc.perform(get("/sessions/{id}", coming).with(as(group.member().getUsername())))
            .andExpect(content().string(not(containsString("id=\"ask-leave-link\""))));
    }

    private RequestPostProcessor basic(CurrentUser who) {
        return httpBasic(who.getUsername(), PASSWORD);
    }
}
