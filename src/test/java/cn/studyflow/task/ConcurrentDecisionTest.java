package cn.studyflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.plan.PlanForm;
import cn.studyflow.plan.PlanService;
import cn.studyflow.plan.PlanTopic;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.common.BusinessException;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Two eligible people act on the same thing at the same moment, from two threads and real transactions:
 * one wins, the other is told who was first, and the engine and the history move once.
 */
class ConcurrentDecisionTest extends IntegrationTest {

    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired Workflow workflow;
    @Autowired ActionMapper actions;
    @Autowired ObjectMapper json;

    CurrentUser publicity;
    CurrentUser secondPublicity;

    @BeforeEach
    void twoPublicityMembersInTheTown() {
        publicity = user("bq_publicity");
        secondPublicity = newPerson("bqpub", publicity.getOrg(), Role.PUBLICITY);
    }

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    @RepeatedTest(10)
    void twoPeopleApprovingTheSameTaskAtOnceMoveItOnceAndTheLoserIsToldWhoWon() throws Exception {
        Plan plan = Plans.submittedAnnual(plans, user("bq_secretary"));
        TaskInfo task = workflow.activeTasks(plan.getProcessInstanceId()).get(0);

        List<Object> outcomes = atOnce(
            () -> {
                tasks.decide(task.id(), publicity, Decision.APPROVE, "同意");
                return null;
            },
            () -> {
                tasks.decide(task.id(), secondPublicity, Decision.APPROVE, "同意");
                return null;
            });

        assertThat(outcomes).as("exactly one succeeds").containsOnlyOnce("ok");
        int winner = outcomes.indexOf("ok");
        CurrentUser won = winner == 0 ? publicity : secondPublicity;
        assertThat(outcomes.get(1 - winner)).isInstanceOfSatisfying(BusinessException.class, lost -> {
            assertThat(lost.getMessageKey()).isIn("task.handledBy", "task.claimedBy");
            assertThat(lost.getArgs()).containsExactly(won.getDisplayName());
        });
        assertThat(workflow.activeTasks(plan.getProcessInstanceId())).singleElement()
            .satisfies(t -> assertThat(t.step()).isEqualTo(PlanApprovalProcess.TASK_APPROVE_BY_LEADER));
        List<Action> onTask = actions.selectBySubject(PlanApprovalProcess.SUBJECT_TYPE, plan.getId()).stream()
            .filter(a -> task.id().equals(a.getTaskId())).toList();
        assertThat(onTask).singleElement().satisfies(a -> {
            assertThat(a.getAction()).isEqualTo("APPROVE");
            assertThat(a.getActorId()).isEqualTo(won.getPersonId());
        });
    }

    @RepeatedTest(5)
    void twoApiCallsCompletingTheSameTaskAtOnceGiveOneSuccessAndOneConflictNeverA500() throws Exception {
        Plan plan = Plans.submittedAnnual(plans, user("bq_secretary"));
        TaskInfo task = workflow.activeTasks(plan.getProcessInstanceId()).get(0);
        String body = "{\"decision\":\"RETURN\",\"comment\":\"请补充专题\"}";

        List<Object> outcomes = atOnce(
            () -> complete(task, publicity, body),
            () -> complete(task, secondPublicity, body));

        List<Integer> statuses = outcomes.stream().map(o -> ((MockHttpServletResponse) o).getStatus()).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        MockHttpServletResponse lost = (MockHttpServletResponse) outcomes.stream()
            .filter(o -> ((MockHttpServletResponse) o).getStatus() == 409).findFirst().orElseThrow();
        String winnerName = (outcomes.get(0) == lost ? secondPublicity : publicity).getDisplayName();
        assertThat(json.readTree(lost.getContentAsString()).get("message").asText()).contains(winnerName);
        // returned once: one new working revision, back at the draft step
        Plan after = plans.get(plan.getId(), user("bq_secretary"));
        assertThat(after.getRevision()).isEqualTo(2);
        assertThat(workflow.activeTasks(plan.getProcessInstanceId())).singleElement()
            .satisfies(t -> assertThat(t.step()).isEqualTo(PlanApprovalProcess.TASK_DRAFT));
        assertThat(actions.selectBySubject(PlanApprovalProcess.SUBJECT_TYPE, plan.getId()))
            .filteredOn(a -> "RETURN".equals(a.getAction())).hasSize(1);
    }

    @RepeatedTest(3)
    void aDoubleClickOnReturnByTheAssigneeReturnsThePlanOnce() throws Exception {
        Plan plan = Plans.submittedAnnual(plans, user("bq_secretary"));
        TaskInfo task = workflow.activeTasks(plan.getProcessInstanceId()).get(0);
        tasks.claim(task.id(), publicity);
        String body = "{\"decision\":\"RETURN\",\"comment\":\"请补充专题\"}";

        List<Object> outcomes = atOnce(() -> complete(task, publicity, body), () -> complete(task, publicity, body));

        List<Integer> statuses = outcomes.stream().map(o -> ((MockHttpServletResponse) o).getStatus()).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        assertThat(plans.get(plan.getId(), user("bq_secretary")).getRevision()).isEqualTo(2);
        assertThat(actions.selectBySubject(PlanApprovalProcess.SUBJECT_TYPE, plan.getId()))
            .filteredOn(a -> "RETURN".equals(a.getAction())).hasSize(1);
    }

    @RepeatedTest(5)
    void aDoubleClickOnClaimClaimsOnceAndWritesOneClaim() throws Exception {
        Plan plan = Plans.submittedAnnual(plans, user("bq_secretary"));
        TaskInfo task = workflow.activeTasks(plan.getProcessInstanceId()).get(0);

        List<Object> outcomes = atOnce(() -> claim(task, publicity), () -> claim(task, publicity));

        // both clicks are answered with the task, now theirs: the second one lost only to the first
        assertThat(outcomes).extracting(o -> ((MockHttpServletResponse) o).getStatus()).containsExactly(200, 200);
        assertThat(workflow.task(task.id()).orElseThrow().assignee()).isEqualTo(publicity.getUsername());
        assertThat(claims(plan, task)).isEqualTo(1);
        // and a later claim of what they hold writes nothing either
        assertThat(claim(task, publicity).getStatus()).isEqualTo(200);
        assertThat(claims(plan, task)).isEqualTo(1);
    }

    @RepeatedTest(3)
    @ExtendWith(OutputCaptureExtension.class)
    void aLostRaceIsExpectedAndLoggedWithoutAStackTrace(CapturedOutput output) throws Exception {
        Plan plan = Plans.submittedAnnual(plans, user("bq_secretary"));
        TaskInfo task = workflow.activeTasks(plan.getProcessInstanceId()).get(0);
        String body = "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}";
        int before = output.getAll().length();

        List<Object> outcomes = atOnce(() -> complete(task, publicity, body), () -> complete(task, secondPublicity, body));

        assertThat(outcomes).extracting(o -> ((MockHttpServletResponse) o).getStatus())
            .containsExactlyInAnyOrder(200, 409);
        String logged = output.getAll().substring(before);
        assertThat(logged).doesNotContain(" ERROR ").doesNotContain("ENGINE-16004")
            .doesNotContainPattern("\\n\\s+at [a-z]+\\.[a-z]+");
    }

    @Test
    void aStaleFormOfASecondSecretaryIsRefusedAndChangesNothing() throws Exception {
        CurrentUser first = user("bq_secretary");
        CurrentUser second = newPerson("bqsec", first.getOrg(), Role.SECRETARY);
        Plan plan = plans.create(first, cn.studyflow.plan.PlanKind.ANNUAL, Plans.freshYear(first), null);
        plan = plans.saveDraft(plan.getId(), first, Plans.form(plan, 2));
        // both open the edit page
        PlanForm firstForm = PlanForm.of(plan, plans.topics(plan, plan.getRevision()));
        PlanForm secondForm = PlanForm.of(plan, plans.topics(plan, plan.getRevision()));

        firstForm.getTopics().get(0).setTitle("学习新修订的党章");
        Plan saved = plans.saveDraft(plan.getId(), first, firstForm);
        secondForm.getTopics().get(1).setTitle("第二位秘书的修改");
        secondForm.setTitle("第二位秘书的标题");

        assertThatThrownBy(() -> plans.saveDraft(saved.getId(), second, secondForm))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.getMessageKey()).isEqualTo("plan.error.stale"));
        assertThatThrownBy(() -> plans.submit(saved.getId(), second, secondForm.getVersion()))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.getMessageKey()).isEqualTo("plan.error.stale"));
        // the same stale form through the edit page goes back to it with the message
        mvc.perform(post("/plans/{id}", saved.getId()).with(as(second.getUsername())).with(csrf())
                .header("Referer", "http://localhost/plans/" + saved.getId() + "/edit")
                .param("version", "" + secondForm.getVersion()).param("title", secondForm.getTitle())
                .param("topics[0].month", "1").param("topics[0].title", "第二位秘书的修改")
                .param("topics[0].format", "COLLECTIVE_STUDY").param("topics[0].speaker", "李文华"))
            .andExpect(redirectedUrl("/plans/" + saved.getId() + "/edit"))
            .andExpect(flash().attribute("error", "计划已被他人修改，您看到的是旧版本。请重新打开后再修改。"));

        Plan now = plans.get(saved.getId(), first);
        assertThat(now.getVersion()).isEqualTo(saved.getVersion());
        assertThat(now.getTitle()).isEqualTo(plan.getTitle());
        assertThat(plans.topics(now, now.getRevision())).extracting(PlanTopic::getTitle)
            .containsExactly("学习新修订的党章", firstForm.getTopics().get(1).getTitle());
        assertThat(workflow.activeTasks(now.getProcessInstanceId())).singleElement()
            .satisfies(t -> assertThat(t.step()).isEqualTo(PlanApprovalProcess.TASK_DRAFT));
    }

    @RepeatedTest(3)
    void twoSecretariesSavingAtOnceFromTheSameVersionLeaveOneVersionAndTellTheOther() throws Exception {
        CurrentUser first = user("bq_secretary");
        CurrentUser second = newPerson("bqsec", first.getOrg(), Role.SECRETARY);
        Plan plan = plans.create(first, cn.studyflow.plan.PlanKind.ANNUAL, Plans.freshYear(first), null);

        List<Object> outcomes = atOnce(
            () -> save(plan, first, "第一位秘书的专题"),
            () -> save(plan, second, "第二位秘书的专题"));

        List<Integer> statuses = outcomes.stream().map(o -> ((MockHttpServletResponse) o).getStatus()).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        int winner = ((MockHttpServletResponse) outcomes.get(0)).getStatus() == 200 ? 0 : 1;
        MockHttpServletResponse lost = (MockHttpServletResponse) outcomes.get(1 - winner);
        assertThat(json.readTree(lost.getContentAsString()).get("code").asText()).isIn("plan.error.stale", "error.concurrent");
        Plan now = plans.get(plan.getId(), first);
        assertThat(now.getVersion()).isEqualTo(plan.getVersion() + 1);
        assertThat(plans.topics(now, now.getRevision())).extracting(PlanTopic::getTitle)
            .containsExactly(winner == 0 ? "第一位秘书的专题" : "第二位秘书的专题");
    }

    private MockHttpServletResponse complete(TaskInfo task, CurrentUser who, String body) throws Exception {
        return mvc.perform(post("/api/tasks/{id}/complete", task.id()).with(httpBasic(who.getUsername(), PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    private MockHttpServletResponse claim(TaskInfo task, CurrentUser who) throws Exception {
        return mvc.perform(post("/api/tasks/{id}/claim", task.id()).with(httpBasic(who.getUsername(), PASSWORD)))
            .andReturn().getResponse();
    }

    private long claims(Plan plan, TaskInfo task) {
        return actions.selectBySubject(PlanApprovalProcess.SUBJECT_TYPE, plan.getId()).stream()
            .filter(a -> task.id().equals(a.getTaskId()) && "CLAIM".equals(a.getAction())).count();
    }

    private MockHttpServletResponse save(Plan plan, CurrentUser who, String topic) throws Exception {
        String body = "{\"version\":" + plan.getVersion() + ",\"title\":\"" + plan.getTitle() + "\",\"topics\":[{"
            + "\"month\":1,\"title\":\"" + topic + "\",\"format\":\"COLLECTIVE_STUDY\",\"speaker\":\"王建国\"}]}";
        return mvc.perform(put("/api/plans/{id}", plan.getId()).with(httpBasic(who.getUsername(), PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    /**
     * Runs both attempts on two threads released by one start gate; each outcome is "ok" when the attempt
     * returned nothing, else what it returned or threw.
     */
    private static List<Object> atOnce(Callable<Object> first, Callable<Object> second) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<Object> attempt : List.of(first, second)) {
            futures.add(THREADS.submit(() -> {
                ready.countDown();
                start.await();
                try {
                    Object result = attempt.call();
                    return result == null ? "ok" : result;
                } catch (Exception e) {
                    return e;
                }
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : futures) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }
}
