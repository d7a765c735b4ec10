package cn.studyflow.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.notify.NotificationTexts;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.PersonNames;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.Plans;
import cn.studyflow.task.ApprovalOperations;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * A person leaves: their tasks go back to their groups (or to a named successor) in the same transaction, whoever
 * holds them now is told, their sessions end, they cannot log in or act, and the histories keep their name.
 */
class DeparturesTest extends AdminFixture {

    @Autowired PlanService plans;
    @Autowired NotificationTexts texts;
    @Autowired PersonNames names;
    @Autowired Workflow workflow;
    @Autowired TasklistService tasklist;
    @Autowired ApprovalOperations operations;
    @Autowired NotificationMapper notifications;
    @Autowired FindByIndexNameSessionRepository<? extends Session> sessions;

    Org town;
    CurrentUser secretary;
    CurrentUser leaver;
    CurrentUser colleague;
    Plan plan;
    TaskInfo review;

    @BeforeEach
    void aPublicityMemberHasClaimedAPlan() {
        town = newOrg("离任镇", OrgKind.TOWN, orgService.get(user("qz_secretary").getOrgId()));
        secretary = newPerson("sec", town, Role.SECRETARY);
        leaver = newPerson("leaver", town, Role.PUBLICITY);
        colleague = newPerson("colleague", town, Role.PUBLICITY);
        plan = Plans.submittedAnnual(plans, secretary);
        review = workflow.activeTasks(plan.getProcessInstanceId()).get(0);
        tasklist.claim(review.id(), leaver);
    }

    @Test
    void aClaimedTaskGoesBackToTheGroupWhoseMembersAreToldAndTheLeaverIsLoggedOut() throws Exception {
        Session open = sessionOf(leaver.getUsername());
        var staleSession = as(leaver.getUsername());

        apiPost("admin", Map.of(), "/api/admin/people/{id}/deactivate", leaver.getPersonId())
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.handedTasks").value(1))
            .andExpect(jsonPath("$.person.enabled").value(false));

        assertThat(workflow.task(review.id()).orElseThrow().assignee()).isNull();
        assertThat(latest(colleague).getMessageKey()).isEqualTo("admin.notify.taskHanded");
        assertThat(texts.args(latest(colleague))).contains(names.byId(leaver.getPersonId()));
        assertThat(sessions.findById(open.getId())).isNull();
        mvc.perform(get("/tasks").with(staleSession)).andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/tasks").with(httpBasic(leaver.getUsername(), PASSWORD)))
            .andExpect(status().isUnauthorized());
        // the colleague takes it from the group
        tasklist.claim(review.id(), user(colleague.getUsername()));
    }

    @Test
    void aNamedSuccessorGetsTheTaskAndIsTold() throws Exception {
        apiPost("admin", Map.of("successorId", colleague.getPersonId()), "/api/admin/people/{id}/deactivate",
            leaver.getPersonId()).andExpect(status().isOk());

        assertThat(workflow.task(review.id()).orElseThrow().assignee()).isEqualTo(colleague.getUsername());
        assertThat(latest(colleague).getLink()).isEqualTo("/tasks/" + review.id());
        mvc.perform(get("/tasks/{id}", review.id()).with(as(colleague.getUsername()))).andExpect(status().isOk());
    }

    @Test
    void aTaskDelegatedToTheLeaverGoesBackToWhoDelegatedIt() throws Exception {
        operations.delegate(review.id(), leaver, colleague.getUsername(), "请先看看");
        assertThat(workflow.task(review.id()).orElseThrow().assignee()).isEqualTo(colleague.getUsername());

        apiPost("admin", Map.of(), "/api/admin/people/{id}/deactivate", colleague.getPersonId())
            .andExpect(status().isOk());

        TaskInfo task = workflow.task(review.id()).orElseThrow();
        assertThat(task.assignee()).isEqualTo(leaver.getUsername());
        assertThat(task.delegated()).isFalse();
        assertThat(latest(leaver).getMessageKey()).isEqualTo("admin.notify.taskHanded");
    }

    @Test
    void theHistoriesKeepTheLeaversName() throws Exception {
        apiPost("admin", Map.of(), "/api/admin/people/{id}/deactivate", secretary.getPersonId())
            .andExpect(status().isOk());

        mvc.perform(get("/api/tasks/{id}", review.id()).with(httpBasic(leaver.getUsername(), PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.history[*].actorName", Matchers.hasItem(secretary.getDisplayName())));
        mvc.perform(get("/admin/people/{id}", secretary.getPersonId()).with(as("admin")))
            .andExpect(status().isOk());
    }

    @Test
    void aRefusedDeactivationChangesNothing() throws Exception {
        Session open = sessionOf(leaver.getUsername());
        // the successor is the leaver themself: refused
        apiPost("admin", Map.of("successorId", leaver.getPersonId()), "/api/admin/people/{id}/deactivate",
            leaver.getPersonId()).andExpect(status().isBadRequest());

        assertThat(orgService.person(leaver.getPersonId()).isEnabled()).isTrue();
        assertThat(workflow.task(review.id()).orElseThrow().assignee()).isEqualTo(leaver.getUsername());
        assertThat(sessions.findById(open.getId())).isNotNull();
    }

    @Test
    void aReactivatedPersonLogsInAgain() throws Exception {
        apiPost("admin", Map.of(), "/api/admin/people/{id}/deactivate", leaver.getPersonId()).andExpect(status().isOk());
        apiPost("admin", Map.of(), "/api/admin/people/{id}/reactivate", leaver.getPersonId()).andExpect(status().isOk());
        mvc.perform(get("/api/tasks").with(httpBasic(leaver.getUsername(), PASSWORD))).andExpect(status().isOk());
    }

    private Notification latest(CurrentUser person) {
        List<Notification> list = notifications.selectByPerson(person.getPersonId(), 0, 1);
        assertThat(list).as("notifications of " + person.getUsername()).isNotEmpty();
        return list.get(0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Session sessionOf(String username) {
        FindByIndexNameSessionRepository repository = sessions;
        Session session = repository.createSession();
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, username);
        repository.save(session);
        assertThat(sessions.findByPrincipalName(username)).containsKey(session.getId());
        return session;
    }
}
