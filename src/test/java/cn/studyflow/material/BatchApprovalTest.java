package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.Action;
import cn.studyflow.task.BatchResult;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** A reviewer approves several materials at the same step from the tasklist with one comment. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchApprovalTest extends IntegrationTest {

    @Autowired MaterialService materials;
    @Autowired MaterialUploads uploads;
    @Autowired MaterialReviews reviews;
    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;
    @Autowired Workflow workflow;

    StudySession session;

    @BeforeAll
    void setUp() {
        session = MaterialFixtures.sessionsOf(DemoOrg.BQ, this::user, plans, tasks, workflow, sessions).get(7);
    }

    @Test
    void theLeaderSignsOffSeveralMaterialsAtOnce() {
        List<Material> batch = List.of(atSignOff("发言一"), atSignOff("发言二"), atSignOff("发言三"));

        List<BatchResult> results = tasks.decideAll(taskIds(batch), user("bq_leader"), "同意，归档");

        assertThat(results).allMatch(BatchResult::approved).hasSize(3);
        assertThat(results).extracting(BatchResult::title).containsExactly("发言一", "发言二", "发言三");
        for (Material m : batch) {
            Material archived = materials.get(m.getId(), user("bq_member"));
            assertThat(archived.getStatus()).isEqualTo(MaterialStatus.ARCHIVED);
            Action signOff = materials.timeline(archived).stream().filter(a -> "BATCH_APPROVE".equals(a.getAction()))
                .findFirst().orElseThrow();
            assertThat(signOff.getComment()).isEqualTo("同意，归档");
            assertThat(signOff.getStep()).isEqualTo(MaterialReviewProcess.TASK_SIGN_OFF);
        }
    }

    @Test
    void secondReviewsAreNeverApprovedInABatchSoNoCheckIsRecordedThatTheReviewerDidNotTick() {
        List<Material> batch = List.of(atSecondReview("复审一"), atSecondReview("复审二"));
        assertThat(batch).allSatisfy(m -> assertThat(tasks.isBatchApprovable(step(m))).isFalse());

        List<BatchResult> results = tasks.decideAll(taskIds(batch), user("bq_publicity"), "三关均无问题");

        assertThat(results).hasSize(2).allSatisfy(r -> {
            assertThat(r.approved()).isFalse();
            assertThat(r.errorKey()).isEqualTo("task.notBatchable");
        });
        for (Material m : batch) {
            assertThat(step(m).step()).isEqualTo(MaterialReviewProcess.TASK_SECOND_REVIEW);
            assertThat(step(m).assignee()).as("not even claimed").isNull();
            assertThat(materials.versions(m).get(0).getReviews()).as("only the first review, no checks")
                .singleElement().satisfies(r -> assertThat(r.getStep()).isEqualTo(MaterialReviewProcess.TASK_FIRST_REVIEW));
        }
    }

    @Test
    void theGenericDecisionCannotRecordASecondReviewEither() {
        Material m = atSecondReview("复审须逐项勾选");

        assertThatThrownBy(() -> tasks.decide(step(m).id(), user("bq_publicity"), Decision.APPROVE, "同意"))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.getMessageKey()).isEqualTo("task.notDecidedHere"));
        assertThat(step(m).step()).isEqualTo(MaterialReviewProcess.TASK_SECOND_REVIEW);
        assertThat(materials.versions(m).get(0).getReviews()).hasSize(1);
    }

    @Test
    void firstReviewsAreNeverApprovedInABatchBecauseNotClassifiedIsConfirmedOneByOne() {
        Material m = submitted("初审不可批量");
        TaskInfo first = step(m);
        assertThat(tasks.isBatchApprovable(first)).isFalse();

        List<BatchResult> results = tasks.decideAll(List.of(first.id()), user("bq_office"), "同意");

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.approved()).isFalse();
            assertThat(r.errorKey()).isEqualTo("task.notBatchable");
        });
        assertThat(step(m).step()).isEqualTo(MaterialReviewProcess.TASK_FIRST_REVIEW);
        assertThat(step(m).assignee()).isNull();
        assertThat(materials.versions(m).get(0).getReviews()).isEmpty();
    }

    @Test
    void aTaskAlreadyHandledIsReportedWhileTheOthersAreApproved() {
        Material early = atSignOff("已被副组长办理");
        Material waiting = atSignOff("待组长办理");
        List<String> ids = taskIds(List.of(early, waiting));
        tasks.decide(ids.get(0), user("bq_deputy"), Decision.APPROVE, null);

        List<BatchResult> results = tasks.decideAll(ids, user("bq_leader"), null);

        assertThat(results.get(0).approved()).isFalse();
        assertThat(results.get(0).errorKey()).isEqualTo("task.handledBy");
        assertThat(results.get(0).errorArgs()).containsExactly(user("bq_deputy").getDisplayName());
        assertThat(results.get(1).approved()).isTrue();
        assertThat(materials.get(waiting.getId(), user("bq_member")).getStatus()).isEqualTo(MaterialStatus.ARCHIVED);
    }

    @Test
    void someoneWhoIsNotACandidateApprovesNothingAndLearnsNothingOfTheMaterial() {
        Material m = atSignOff("无权批量");

        List<BatchResult> results = tasks.decideAll(taskIds(List.of(m)), user("wfz_leader"), null);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.approved()).isFalse();
            assertThat(r.errorKey()).isEqualTo("error.notFound");
            assertThat(r.title()).isNull();
        });
        assertThat(step(m).step()).isEqualTo(MaterialReviewProcess.TASK_SIGN_OFF);
    }

    @Test
    void tasksAtDifferentStepsAreNotApprovedTogether() {
        Material a = atSignOff("把关中");
        Material b = atSecondReview("复审中");

        assertThatThrownBy(() -> tasks.decideAll(taskIds(List.of(a, b)), user("bq_leader"), null))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.getMessageKey()).isEqualTo("task.batchMixedSteps"));
        assertThat(step(a).step()).isEqualTo(MaterialReviewProcess.TASK_SIGN_OFF);
        assertThat(step(b).step()).isEqualTo(MaterialReviewProcess.TASK_SECOND_REVIEW);
    }

    @Test
    void anEmptyBatchIsRefused() {
        assertThatThrownBy(() -> tasks.decideAll(List.of(), user("bq_leader"), null))
            .isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.getMessageKey()).isEqualTo("task.batchEmpty"));
    }

    private Material submitted(String title) {
        return uploads.create(user("bq_member"), MaterialFixtures.form(session, title), MaterialFixtures.pdf(title + ".pdf"), true);
    }

    private Material atSecondReview(String title) {
        Material m = submitted(title);
        FirstReviewForm ok = new FirstReviewForm();
        ok.setDecision(Decision.APPROVE);
        ok.setNotClassified(true);
        reviews.firstReview(step(m).id(), user("bq_office"), ok);
        return m;
    }

    private Material atSignOff(String title) {
        Material m = atSecondReview(title);
        reviews.secondReview(step(m).id(), user("bq_publicity"), SecondReviewForm.allPassed(null));
        return m;
    }

    private List<String> taskIds(List<Material> list) {
        List<String> ids = new ArrayList<>();
        list.forEach(m -> ids.add(step(m).id()));
        return ids;
    }

    private TaskInfo step(Material m) {
        return workflow.activeTasks(m.getProcessInstanceId()).get(0);
    }
}
