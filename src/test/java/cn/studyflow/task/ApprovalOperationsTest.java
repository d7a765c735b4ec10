package cn.studyflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.PersonNames;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.ApprovalScenario;
import cn.studyflow.support.ApprovalScenario.Item;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.PlanScenario;
import cn.studyflow.common.BusinessException;
import cn.studyflow.workflow.DiagramState;
import cn.studyflow.workflow.PassedStep;
import cn.studyflow.workflow.SignPosition;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each approval operation on each process (see {@link ApprovalScenario}): what the people involved see and
 * what the engine and the domain do, and that a refused operation changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalOperationsTest extends IntegrationTest {

    @Autowired ApprovalOperations ops;

    @Autowired PersonNames people;
    @Autowired TasklistService tasks;
    @Autowired Workflow workflow;
    @Autowired ActionLog actionLog;
    @Autowired Copies copies;
    @Autowired NotificationMapper notifications;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlanService plans;

    Stream<ApprovalScenario> scenarios() {
        return Stream.of(new PlanScenario(plans, this::user));
    }

    // ---- 转办

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void transferredTaskLeavesMyListAndTheNewHolderDecidesIt(ApprovalScenario s) {
        Item item = s.submit();
        String step = s.stepWithTwoHolders();
        walkTo(s, item, step);
        CurrentUser holder = s.reviewer(step);
        CurrentUser other = s.otherHolder(step);
        TaskInfo task = current(item);
        tasks.claim(task.id(), holder);

        ops.transfer(task.id(), holder, other.getUsername(), "请代为审批");

        assertThat(current(item).assignee()).isEqualTo(other.getUsername());
        assertThat(myTasks(holder)).doesNotContain(task.id());
        assertThat(myTasks(other)).contains(task.id());
        Action transfer = last(item);
        assertThat(transfer.getAction()).isEqualTo("TRANSFER");
        assertThat(transfer.getTarget()).isEqualTo(other.getDisplayName());
        assertThat(transfer.getComment()).isEqualTo("请代为审批");
        assertThat(latest(other).getMessageKey()).isEqualTo("ops.notify.transferred");

        tasks.decide(task.id(), other, Decision.APPROVE, null);
        assertThat(current(item).step()).isEqualTo(after(s, step));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void transferToSomeoneWhoMayNotActOnTheStepIsRefusedAndNothingChanges(ApprovalScenario s) {
        Item item = s.submit();
        String step = s.reviewSteps().get(0);
        TaskInfo task = current(item);
        int history = timeline(item).size();

        refused(() -> ops.transfer(task.id(), s.reviewer(step), s.colleague(step).getUsername(), null),
            HttpStatus.BAD_REQUEST, "ops.error.notEligible");
        refused(() -> ops.transfer(task.id(), s.outsider(), s.reviewer(step).getUsername(), null),
            HttpStatus.NOT_FOUND, "error.notFound");

        assertThat(current(item).assignee()).isNull();
        assertThat(timeline(item)).hasSize(history);
    }

    // ---- 委派

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void delegatedTaskComesBackToTheDelegatorWhoThenDecides(ApprovalScenario s) {
        Item item = s.submit();
        String step = s.reviewSteps().get(0);
        CurrentUser holder = s.reviewer(step);
        CurrentUser helper = s.colleague(step);
        TaskInfo task = current(item);
        tasks.claim(task.id(), holder);

        ops.delegate(task.id(), holder, helper.getUsername(), "请协助核对");

        TaskInfo delegated = current(item);
        assertThat(delegated.assignee()).isEqualTo(helper.getUsername());
        assertThat(delegated.owner()).isEqualTo(holder.getUsername());
        assertThat(delegated.delegated()).isTrue();
        assertThat(myTasks(helper)).contains(task.id());
        assertThat(myTasks(holder)).as("the delegator still sees it in their list").contains(task.id());
        assertThat(latest(helper).getMessageKey()).isEqualTo("ops.notify.delegated");
        refused(() -> tasks.decide(task.id(), helper, Decision.APPROVE, null), HttpStatus.CONFLICT, "ops.error.delegated");
        refused(() -> tasks.decide(task.id(), holder, Decision.APPROVE, null), HttpStatus.CONFLICT, "ops.error.delegated");
        assertThat(ops.panel(delegated, helper).delegatedToMe()).isTrue();
        assertThat(ops.panel(delegated, helper).canDecide()).isFalse();

        ops.resolve(task.id(), helper, "已核对，内容齐全");

        TaskInfo back = current(item);
        assertThat(back.assignee()).isEqualTo(holder.getUsername());
        assertThat(back.delegated()).isFalse();
        assertThat(last(item).getAction()).isEqualTo("RESOLVE");
        assertThat(last(item).getComment()).isEqualTo("已核对，内容齐全");
        assertThat(latest(holder).getMessageKey()).isEqualTo("ops.notify.resolved");
        tasks.decide(task.id(), holder, Decision.APPROVE, null);
        assertThat(current(item).step()).isEqualTo(after(s, step));
    }

    // ---- 加签 / 减签

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void signerBeforeSignsFirstThenTheHolderDecides(ApprovalScenario s) {
        Item item = s.submit();
        String step = s.reviewSteps().get(0);
        CurrentUser holder = s.reviewer(step);
        CurrentUser signer = s.colleague(step);
        TaskInfo task = current(item);

        ops.addSigner(task.id(), holder, signer.getUsername(), SignPosition.BEFORE, "请先把关");

        assertThat(current(item).assignee()).as("adding a signer claims the step").isEqualTo(holder.getUsername());
        refused(() -> tasks.decide(task.id(), holder, Decision.APPROVE, null), HttpStatus.CONFLICT,
            "ops.error.waitingForSigners");
        TaskInfo signing = signerTask(signer, task);
        assertThat(signing.step()).isEqualTo(step);
        assertThat(signing.businessKey()).isEqualTo(item.subject().businessKey());
        assertThat(latest(signer).getMessageKey()).isEqualTo("ops.notify.signerAddedBefore");
        assertThat(ops.panel(task, holder).signers()).extracting(TaskOperations.SignerView::username)
            .containsExactly(signer.getUsername());

        tasks.decide(signing.id(), signer, Decision.APPROVE, "同意");

        assertThat(current(item).step()).isEqualTo(step);
        assertThat(current(item).assignee()).isEqualTo(holder.getUsername());
        assertThat(latest(holder).getMessageKey()).isEqualTo("ops.notify.signedBefore");
        tasks.decide(task.id(), holder, Decision.APPROVE, "同意");
        assertThat(current(item).step()).isEqualTo(after(s, step));
        assertThat(timeline(item)).extracting(Action::getAction).containsSubsequence("ADD_SIGNER", "APPROVE", "APPROVE");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void signerAfterApprovesAndTheHoldersApprovalMovesTheProcessOn(ApprovalScenario s) {
        Item item = s.submit();
        String step = s.reviewSteps().get(0);
        CurrentUser holder = s.reviewer(step);
        CurrentUser signer = s.colleague(step);
        TaskInfo task = current(item);

        ops.addSigner(task.id(), holder, signer.getUsername(), SignPosition.AFTER, "同意，请再把关");

        assertThat(current(item).step()).isEqualTo(step);
        assertThat(timeline(item)).extracting(Action::getAction).endsWith("APPROVE", "ADD_SIGNER_AFTER");
        refused(() -> tasks.decide(task.id(), holder, Decision.APPROVE, null), HttpStatus.CONFLICT,
            "ops.error.waitingForSigners");

        tasks.decide(signerTask(signer, task).id(), signer, Decision.APPROVE, null);

        assertThat(current(item).step()).isEqualTo(after(s, step));
        assertThat(runtime.getVariable(item.processInstanceId(), Decision.COMMENT)).isEqualTo("同意，请再把关");
        assertThat(latest(holder).getMessageKey()).isEqualTo("ops.notify.signedAfter");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void signerWhoReturnsReturnsTheStep(ApprovalScenario s) {
        Item item = s.submit();
        String step = s.reviewSteps().get(0);
        CurrentUser holder = s.reviewer(step);
        CurrentUser signer = s.colleague(step);
        TaskInfo task = current(item);
        ops.addSigner(task.id(), holder, signer.getUsername(), SignPosition.BEFORE, null);
        TaskInfo signing = signerTask(signer, task);

        refused(() -> tasks.decide(signing.id(), signer, Decision.RETURN, " "), HttpStatus.BAD_REQUEST,
            "task.commentRequired");
        tasks.decide(signing.id(), signer, Decision.RETURN, "专题不全，请补充");

        assertThat(current(item).step()).isEqualTo(s.firstStep());
        assertThat(s.isBackWithSubmitter(item)).isTrue();
        assertThat(myTasks(signer)).doesNotContain(signing.id());
        assertThat(latest(holder).getMessageKey()).isEqualTo("ops.notify.signerReturned");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void removedSignerNoLongerHoldsUpTheStep(ApprovalScenario s) {
        Item item = s.submit();
        String step = s.reviewSteps().get(0);
        CurrentUser holder = s.reviewer(step);
        CurrentUser signer = s.colleague(step);
        TaskInfo task = current(item);
        ops.addSigner(task.id(), holder, signer.getUsername(), SignPosition.BEFORE, null);
        TaskInfo signing = signerTask(signer, task);

        refused(() -> ops.removeSigner(task.id(), signer, signer.getUsername(), null), HttpStatus.FORBIDDEN,
            "error.forbidden");
        ops.removeSigner(task.id(), holder, signer.getUsername(), null);

        assertThat(myTasks(signer)).doesNotContain(signing.id());
        refused(() -> tasks.get(signing.id(), signer), HttpStatus.CONFLICT, "ops.lostTo.REMOVE_SIGNER");
        assertThat(latest(signer).getMessageKey()).isEqualTo("ops.notify.signerRemoved");
        tasks.decide(task.id(), holder, Decision.APPROVE, null);
        assertThat(current(item).step()).isEqualTo(after(s, step));
    }

    // ---- 退回到任意环节

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void returnToAnyPassedStepRerunsTheStepsInBetween(ApprovalScenario s) {
        Item item = s.submit();
        List<String> review = s.reviewSteps();
        String lastStep = review.get(review.size() - 1);
        walkTo(s, item, lastStep);
        TaskInfo task = current(item);
        CurrentUser holder = s.reviewer(lastStep);
        List<String> earlier = Stream.concat(Stream.of(s.firstStep()), review.stream().limit(review.size() - 1)).toList();
        assertThat(ops.panel(task, holder).returnTargets()).extracting(PassedStep::step).containsExactlyElementsOf(earlier);

        ops.returnTo(task.id(), holder, review.get(0), "请重新审核第三个专题");

        TaskInfo back = current(item);
        assertThat(back.step()).isEqualTo(review.get(0));
        // the step goes back to whoever finished it last, who is told
        assertThat(back.assignee()).isEqualTo(s.reviewer(review.get(0)).getUsername());
        assertThat(s.isBackWithSubmitter(item)).isFalse();
        assertThat(last(item).getAction()).isEqualTo("RETURN_TO");
        assertThat(latest(s.reviewer(review.get(0))).getMessageKey()).isEqualTo("ops.notify.returnedTo");
        DiagramState diagram = workflow.diagram(item.processInstanceId());
        assertThat(diagram.current()).contains(review.get(0));
        assertThat(diagram.counts()).containsEntry(review.get(0), 2);

        for (String step : review) {
            assertThat(current(item).step()).isEqualTo(step);
            tasks.decide(current(item).id(), s.reviewer(step), Decision.APPROVE, null);
        }
        assertThat(workflow.isRunning(item.processInstanceId())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void returnToTheFirstStepGivesTheItemBackToItsSubmitter(ApprovalScenario s) {
        Item item = s.submit();
        String step = s.reviewSteps().get(1);
        walkTo(s, item, step);
        TaskInfo task = current(item);

        ops.returnTo(task.id(), s.reviewer(step), s.firstStep(), "请补充省委全会精神专题");

        assertThat(current(item).step()).isEqualTo(s.firstStep());
        assertThat(s.isBackWithSubmitter(item)).isTrue();
        Notification told = latest(item.submitter());
        assertThat(told.getMessageKey()).isEqualTo("ops.notify.returnedTo");
        assertThat(told.argList()).contains("请补充省委全会精神专题");
        assertThat(workflow.diagram(item.processInstanceId()).classes()).containsEntry(step, "sf-taken-back");

        s.resubmit(item);
        assertThat(current(item).step()).isEqualTo(s.reviewSteps().get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void returnToAStepNotYetPassedOrWithoutCommentIsRefusedAndNothingChanges(ApprovalScenario s) {
        Item item = s.submit();
        String step = s.reviewSteps().get(0);
        TaskInfo task = current(item);
        CurrentUser holder = s.reviewer(step);
        int history = timeline(item).size();

        refused(() -> ops.returnTo(task.id(), holder, s.reviewSteps().get(1), "跳过"), HttpStatus.BAD_REQUEST,
            "ops.error.notEarlierStep");
        refused(() -> ops.returnTo(task.id(), holder, s.firstStep(), "  "), HttpStatus.BAD_REQUEST,
            "task.commentRequired");
        refused(() -> ops.returnTo(task.id(), user("bq_member"), s.firstStep(), "退回"), HttpStatus.FORBIDDEN,
            "error.forbidden");

        assertThat(current(item).step()).isEqualTo(step);
        assertThat(current(item).assignee()).isNull();
        assertThat(timeline(item)).hasSize(history);
        assertThat(s.isBackWithSubmitter(item)).isFalse();
    }

    // ---- 撤回

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void submitterWithdrawsBeforeTheNextPersonActsAndResubmits(ApprovalScenario s) {
        Item item = s.submit();
        assertThat(ops.instanceView(item.processInstanceId(), item.submitter()).canWithdraw()).isTrue();

        ops.withdraw(item.processInstanceId(), item.submitter(), "发现错别字");

        TaskInfo back = current(item);
        assertThat(back.step()).isEqualTo(s.firstStep());
        assertThat(back.assignee()).isEqualTo(item.submitter().getUsername());
        assertThat(s.isBackWithSubmitter(item)).isTrue();
        assertThat(last(item).getAction()).isEqualTo("WITHDRAW");
        assertThat(myTasks(s.reviewer(s.reviewSteps().get(0)))).doesNotContain(back.id());
        assertThat(ops.instanceView(item.processInstanceId(), item.submitter()).canUrge())
            .as("nobody urges a step they hold themselves").isFalse();

        s.resubmit(item);
        assertThat(current(item).step()).isEqualTo(s.reviewSteps().get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void withdrawalIsRefusedOnceTheNextPersonHasTakenTheStep(ApprovalScenario s) {
        Item item = s.submit();
        String step = s.reviewSteps().get(0);
        tasks.claim(current(item).id(), s.reviewer(step));
        int history = timeline(item).size();

        refused(() -> ops.withdraw(item.processInstanceId(), item.submitter(), null), HttpStatus.CONFLICT,
            "ops.error.withdrawTaken");

        assertThat(current(item).step()).isEqualTo(step);
        assertThat(current(item).assignee()).isEqualTo(s.reviewer(step).getUsername());
        assertThat(s.isBackWithSubmitter(item)).isFalse();
        assertThat(timeline(item)).hasSize(history);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void onlyWhoeverSubmittedToTheCurrentStepMayWithdraw(ApprovalScenario s) {
        Item item = s.submit();
        String first = s.reviewSteps().get(0);
        String second = s.reviewSteps().get(1);

        refused(() -> ops.withdraw(item.processInstanceId(), s.reviewer(second), null), HttpStatus.FORBIDDEN,
            "error.forbidden");
        refused(() -> ops.withdraw(item.processInstanceId(), s.outsider(), null), HttpStatus.NOT_FOUND,
            "error.notFound");
        tasks.decide(current(item).id(), s.reviewer(first), Decision.APPROVE, null);
        // too late, and the answer names who acted since, as a lost race does
        assertThatThrownBy(() -> ops.withdraw(item.processInstanceId(), item.submitter(), null))
            .isInstanceOfSatisfying(BusinessException.class, e -> {
                assertThat(e.getStatus()).isEqualTo(HttpStatus.CONFLICT);
                assertThat(e.getMessageKey()).isEqualTo("ops.error.withdrawTooLateBy");
                assertThat(e.getArgs()).singleElement().asString().startsWith(s.reviewer(first).getDisplayName());
            });

        // the reviewer who approved takes their approval back
        ops.withdraw(item.processInstanceId(), s.reviewer(first), "再看一遍");

        assertThat(current(item).step()).isEqualTo(first);
        assertThat(current(item).assignee()).isEqualTo(s.reviewer(first).getUsername());
        assertThat(s.isBackWithSubmitter(item)).isFalse();
    }

    // ---- 抄送

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void copiedPeopleAreToldAndFindTheItemUnderCopiedToMe(ApprovalScenario s) {
        Item item = s.submit();
        String step = s.reviewSteps().get(0);
        TaskInfo task = current(item);
        CurrentUser holder = s.reviewer(step);
        CurrentUser reader = s.colleague(step);

        ops.copy(task.id(), holder, List.of(reader.getUsername()), "请知悉");

        assertThat(latest(reader).getMessageKey()).isEqualTo("ops.notify.copied");
        assertThat(copies.copiedTo(reader, 0, 20).items()).anySatisfy(c -> {
            assertThat(c.getSubjectId()).isEqualTo(item.subject().id());
            assertThat(c.getCopiedByName()).isEqualTo(holder.getDisplayName());
            assertThat(c.getLink()).startsWith("/");
        });
        assertThat(copies.isCopiedTo(item.subject(), reader)).isTrue();
        assertThat(last(item).getAction()).isEqualTo("COPY");
        assertThat(last(item).getTarget()).isEqualTo(reader.getDisplayName());
        refused(() -> ops.copy(task.id(), holder, List.of(reader.getUsername()), null), HttpStatus.BAD_REQUEST,
            "ops.error.alreadyCopied");
        refused(() -> ops.copy(task.id(), holder, List.of(s.outsider().getUsername()), null), HttpStatus.BAD_REQUEST,
            "ops.error.notEligible");
        refused(() -> ops.copy(task.id(), s.outsider(), List.of(reader.getUsername()), null), HttpStatus.NOT_FOUND,
            "error.notFound");
        assertThat(current(item).assignee()).as("copying does not claim").isNull();
    }

    // ---- 催办

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void submitterUrgesTheCandidatesOnceAnHourThenTheAssignee(ApprovalScenario s) {
        Item item = s.submit();
        String step = s.reviewSteps().get(0);
        CurrentUser reviewer = s.reviewer(step);

        ops.urge(item.processInstanceId(), item.submitter(), "年底前请审核完毕");

        Notification urged = latest(reviewer);
        assertThat(urged.getMessageKey()).isEqualTo("ops.notify.urged");
        assertThat(urged.getLink()).isEqualTo("/tasks/" + current(item).id());
        assertThat(last(item).getAction()).isEqualTo("URGE");
        assertThat(last(item).getTarget()).contains(reviewer.getDisplayName());
        refused(() -> ops.urge(item.processInstanceId(), item.submitter(), null), HttpStatus.CONFLICT,
            "ops.error.urgeTooSoon");
        assertThat(ops.instanceView(item.processInstanceId(), item.submitter()).urgeAgainAt()).isNotNull();
        refused(() -> ops.urge(item.processInstanceId(), s.reviewer(s.reviewSteps().get(1)), null),
            HttpStatus.FORBIDDEN, "error.forbidden");
        refused(() -> ops.urge(item.processInstanceId(), s.outsider(), null), HttpStatus.NOT_FOUND, "error.notFound");

        // an hour later, with the step claimed, only its assignee is urged
        jdbc.update("UPDATE sf_action SET created_at = ? WHERE id = ?", OffsetDateTime.now().minusMinutes(61),
            last(item).getId());
        tasks.claim(current(item).id(), reviewer);
        int before = notifications.countByPerson(reviewer.getPersonId());
        ops.urge(item.processInstanceId(), item.submitter(), null);
        assertThat(notifications.countByPerson(reviewer.getPersonId())).isEqualTo(before + 1);
        assertThat(last(item).getTarget()).isEqualTo(reviewer.getDisplayName());
    }

    // ---- what comes next

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void nextStepsFollowTheApprovePathAndNameWhoHoldsEach(ApprovalScenario s) {
        Item item = s.submit();
        List<String> review = s.reviewSteps();
        TaskInfo task = current(item);

        List<NextStep> next = ops.nextSteps(task.id(), s.reviewer(review.get(0)));

        assertThat(next).extracting(NextStep::step).containsExactlyElementsOf(review.subList(1, review.size()));
        for (NextStep step : next) {
            assertThat(step.unresolved()).isFalse();
            assertThat(step.holders()).flatExtracting(NextStep.Holders::people)
                .contains(people.name(s.reviewer(step.step()).getUsername()));
        }
        assertThat(ops.instanceView(item.processInstanceId(), item.submitter()).nextSteps())
            .extracting(NextStep::step).containsExactlyElementsOf(review.subList(1, review.size()));
        refused(() -> ops.nextStepsOfInstance(item.processInstanceId(), s.outsider()), HttpStatus.NOT_FOUND,
            "error.notFound");
    }

    // ---- helpers

    private TaskInfo current(Item item) {
        List<TaskInfo> open = workflow.activeTasks(item.processInstanceId());
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    /** Approves each review step up to {@code step}, which is then waiting. */
    private void walkTo(ApprovalScenario s, Item item, String step) {
        for (String review : s.reviewSteps()) {
            if (review.equals(step)) {
                assertThat(current(item).step()).isEqualTo(step);
                return;
            }
            tasks.decide(current(item).id(), s.reviewer(review), Decision.APPROVE, null);
        }
        throw new IllegalArgumentException(step);
    }

    private static String after(ApprovalScenario s, String step) {
        List<String> review = s.reviewSteps();
        return review.get(review.indexOf(step) + 1);
    }

    private TaskInfo signerTask(CurrentUser signer, TaskInfo step) {
        return tasks.list(signer, TaskFilter.View.MINE, null, null, null, TaskFilter.Sort.CREATED, false, 0, 100)
            .items().stream().filter(t -> step.id().equals(t.parentTaskId())).findFirst().orElseThrow();
    }

    private List<String> myTasks(CurrentUser user) {
        return tasks.list(user, TaskFilter.View.MINE, null, null, null, TaskFilter.Sort.CREATED, false, 0, 100)
            .items().stream().map(TaskInfo::id).toList();
    }

    private List<Action> timeline(Item item) {
        return actionLog.timeline(item.subject());
    }

    private Action last(Item item) {
        List<Action> all = timeline(item);
        return all.get(all.size() - 1);
    }

    private Notification latest(CurrentUser who) {
        return notifications.selectByPerson(who.getPersonId(), 0, 1).get(0);
    }

    private static void refused(ThrowingCallable call, HttpStatus status, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.getStatus()).isEqualTo(status);
            assertThat(e.getMessageKey()).isEqualTo(key);
        });
    }
}
