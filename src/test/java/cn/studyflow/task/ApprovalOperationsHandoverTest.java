package cn.studyflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.support.ApprovalScenario;
import cn.studyflow.support.ApprovalScenario.Item;
import cn.studyflow.workflow.SignPosition;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The operations by which the holder of a step brings other people onto it, on each process (see
 * {@link ApprovalScenario}): 转办 transfer, 委派 delegate and resolve, 加签 / 减签 signers added before or after
 * and removed, and 抄送 copies. Each test checks what the people involved see and are told, what the engine
 * and the history record, that the step then moves on as it should, and that a refused operation changes
 * nothing. Moving the item back or pressing on it is in {@link ApprovalOperationsProgressTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalOperationsHandoverTest extends ApprovalOperationsTestBase {

    @Autowired Copies copies;
    @Autowired RuntimeService runtime;

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

    // ---- helpers

    private TaskInfo signerTask(CurrentUser signer, TaskInfo step) {
        return tasks.list(signer, TaskFilter.View.MINE, null, null, null, TaskFilter.Sort.CREATED, false, 0, 100)
            .items().stream().filter(t -> step.id().equals(t.parentTaskId())).findFirst().orElseThrow();
    }
}
