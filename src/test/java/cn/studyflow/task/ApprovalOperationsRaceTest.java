package cn.studyflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.plan.PlanService;
import cn.studyflow.plan.PlanStatus;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.common.BusinessException;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Two people act on one task at the same moment, on two real threads: one wins, the other is told clearly, and
 * the engine and the domain show exactly the winner's action. The people belong to an organisation of their own
 * (with two leaders), so that no other test sees them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalOperationsRaceTest extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(ApprovalOperationsRaceTest.class);

    @Autowired ApprovalOperations ops;
    @Autowired TasklistService tasks;
    @Autowired Workflow workflow;
    @Autowired ActionLog actionLog;
    @Autowired PlanService plans;

    String code;
    ExecutorService threads;

    @BeforeAll
    void organisation() {
        code = "race" + UUID.randomUUID().toString().substring(0, 6);
        // a top-level organisation registers its plans with its own dept
        Org org = orgService.create(code, "并发测试镇党委" + code, OrgKind.TOWN, null);
        for (String[] p : new String[][] {{"secretary", "SECRETARY"}, {"publicity", "PUBLICITY"}, {"leader", "LEADER"},
            {"leader2", "LEADER"}, {"deputy", "DEPUTY"}, {"dept", "DEPT"}}) {
            orgService.createPerson(code + "_" + p[0], p[0] + code, org, "{noop}-", List.of(Role.valueOf(p[1])));
        }
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    void stop() {
        threads.shutdownNow();
    }

    @RepeatedTest(6)
    void withdrawalRacingAnApprovalEndsWithExactlyOneOfThem(RepetitionInfo repetition) throws Exception {
        CurrentUser secretary = person("secretary");
        CurrentUser publicity = person("publicity");
        Plan plan = Plans.submittedAnnual(plans, secretary);
        TaskInfo review = current(plan);

        // an approval is quicker than a withdrawal: every other time it starts a little later, so both can win
        int approvalDelay = repetition.getCurrentRepetition() % 2 == 0 ? 40 : 0;
        List<Throwable> outcome = race(
            () -> ops.withdraw(plan.getProcessInstanceId(), secretary, "撤回修改"),
            () -> {
                pause(approvalDelay);
                tasks.decide(review.id(), publicity, Decision.APPROVE, "同意");
            });

        assertOneWon(outcome, Set.of("ops.error.withdrawLost", "ops.error.withdrawTaken", "ops.error.withdrawTooLate",
            "ops.error.withdrawTooLateBy", "ops.lostTo.WITHDRAW", "task.handledBy", "task.changed"));
        List<String> actions = actionLog.timeline(new SubjectRef(PlanApprovalProcess.SUBJECT_TYPE, plan.getId())).stream()
            .filter(a -> review.id().equals(a.getTaskId())).map(Action::getAction).toList();
        Plan now = plans.get(plan.getId(), secretary);
        if (outcome.get(0) == null) {
            assertThat(current(plan).step()).isEqualTo(PlanApprovalProcess.TASK_DRAFT);
            assertThat(current(plan).assignee()).isEqualTo(secretary.getUsername());
            assertThat(now.getStatus()).isEqualTo(PlanStatus.WITHDRAWN);
            assertThat(actions).containsExactly("WITHDRAW");
        } else {
            assertThat(current(plan).step()).isEqualTo(PlanApprovalProcess.TASK_APPROVE_BY_LEADER);
            assertThat(now.getStatus()).isEqualTo(PlanStatus.SUBMITTED);
            assertThat(actions).doesNotContain("WITHDRAW").contains("APPROVE");
        }
    }

    @RepeatedTest(5)
    void twoPeopleTransferringOneTaskAtOnceLeaveItWithOneTransfer() throws Exception {
        CurrentUser deputy = person("deputy");
        TaskInfo task = atLeaderStep();

        List<Throwable> outcome = race(
            () -> ops.transfer(task.id(), person("leader"), deputy.getUsername(), "请副组长审批"),
            () -> ops.transfer(task.id(), person("leader2"), deputy.getUsername(), "请副组长审批"));

        assertOneWon(outcome, Set.of("ops.lostTo.TRANSFER", "task.claimedBy", "task.changed"));
        assertThat(workflow.task(task.id()).orElseThrow().assignee()).isEqualTo(deputy.getUsername());
        assertThat(transfers(task)).isEqualTo(1);
    }

    @RepeatedTest(5)
    void oneHolderTransferringTwiceAtOnceLeavesTheTaskWithOneOfThem() throws Exception {
        CurrentUser leader = person("leader");
        TaskInfo task = atLeaderStep();
        tasks.claim(task.id(), leader);

        List<Throwable> outcome = race(
            () -> ops.transfer(task.id(), leader, person("deputy").getUsername(), null),
            () -> ops.transfer(task.id(), leader, person("leader2").getUsername(), null));

        assertOneWon(outcome, Set.of("task.changed", "task.claimedBy"));
        String winner = outcome.get(0) == null ? person("deputy").getUsername() : person("leader2").getUsername();
        assertThat(workflow.task(task.id()).orElseThrow().assignee()).isEqualTo(winner);
        assertThat(transfers(task)).isEqualTo(1);
    }

    private TaskInfo atLeaderStep() {
        Plan plan = Plans.submittedAnnual(plans, person("secretary"));
        tasks.decide(current(plan).id(), person("publicity"), Decision.APPROVE, null);
        TaskInfo task = current(plan);
        assertThat(task.step()).isEqualTo(PlanApprovalProcess.TASK_APPROVE_BY_LEADER);
        return task;
    }

    private long transfers(TaskInfo task) {
        return actionLog.timeline(SubjectRef.parse(task.businessKey())).stream()
            .filter(a -> task.id().equals(a.getTaskId()) && "TRANSFER".equals(a.getAction())).count();
    }

    /** Runs both at the same moment; each outcome is null (it succeeded) or what it threw. */
    private List<Throwable> race(Runnable first, Runnable second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Throwable>> futures = new ArrayList<>();
        for (Runnable action : List.of(first, second)) {
            futures.add(threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                try {
                    action.run();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        List<Throwable> outcome = new ArrayList<>();
        for (Future<Throwable> f : futures) {
            outcome.add(f.get(60, TimeUnit.SECONDS));
        }
        return outcome;
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertOneWon(List<Throwable> outcome, Set<String> clearMessages) {
        log.info("Race outcome: {}", outcome.stream()
            .map(t -> t == null ? "won" : t instanceof BusinessException b ? b.getMessageKey() : t.toString()).toList());
        assertThat(outcome).as("exactly one of the two succeeds").filteredOn(t -> t == null).hasSize(1);
        Throwable lost = outcome.stream().filter(t -> t != null).findFirst().orElseThrow();
        assertThat(lost).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.getStatus()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.getMessageKey()).isIn(clearMessages);
        });
    }

    private TaskInfo current(Plan plan) {
        List<TaskInfo> open = workflow.activeTasks(plan.getProcessInstanceId());
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private CurrentUser person(String role) {
        return user(code + "_" + role);
    }
}
