package cn.studyflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.BusinessException;
import cn.studyflow.notify.Notification;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.PersonNames;
import cn.studyflow.support.ApprovalScenario;
import cn.studyflow.support.ApprovalScenario.Item;
import cn.studyflow.workflow.DiagramState;
import cn.studyflow.workflow.PassedStep;
import cn.studyflow.workflow.TaskInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operations on an item's progress along its process, on each process (see {@link ApprovalScenario}):
 * 退回 a return to any step already passed (the first one giving the item back to its submitter), 撤回 a
 * withdrawal before the next person acts, 催办 urging whoever holds the current step, and the steps that come
 * next with who holds each. Each test checks what the people involved see and are told, what the engine, the
 * diagram and the domain do, and that a refused operation changes nothing. Bringing other people onto a step is
 * in {@link ApprovalOperationsHandoverTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalOperationsProgressTest extends ApprovalOperationsTestBase {

    @Autowired PersonNames people;
    @Autowired JdbcTemplate jdbc;

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
}
