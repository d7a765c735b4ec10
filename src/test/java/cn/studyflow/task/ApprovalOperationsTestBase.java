package cn.studyflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.BusinessException;
import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.ApprovalScenario;
import cn.studyflow.support.ApprovalScenario.Item;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.PlanScenario;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The base of the approval operation tests ({@link ApprovalOperationsHandoverTest},
 * {@link ApprovalOperationsProgressTest}): the one source of {@link #scenarios()} every test runs once per, and
 * the look-ups they share (the item's one open task, a person's tasks and latest notification, the item's
 * history). {@link #scenarios()} is an instance method, so a subclass runs with
 * {@code @TestInstance(PER_CLASS)}.
 */
abstract class ApprovalOperationsTestBase extends IntegrationTest {

    @Autowired ApprovalOperations ops;

    @Autowired TasklistService tasks;
    @Autowired Workflow workflow;
    @Autowired ActionLog actionLog;
    @Autowired NotificationMapper notifications;
    @Autowired PlanService plans;

    Stream<ApprovalScenario> scenarios() {
        return Stream.of(new PlanScenario(plans, this::user));
    }

    TaskInfo current(Item item) {
        List<TaskInfo> open = workflow.activeTasks(item.processInstanceId());
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    /** Approves each review step up to {@code step}, which is then waiting. */
    void walkTo(ApprovalScenario s, Item item, String step) {
        for (String review : s.reviewSteps()) {
            if (review.equals(step)) {
                assertThat(current(item).step()).isEqualTo(step);
                return;
            }
            tasks.decide(current(item).id(), s.reviewer(review), Decision.APPROVE, null);
        }
        throw new IllegalArgumentException(step);
    }

    static String after(ApprovalScenario s, String step) {
        List<String> review = s.reviewSteps();
        return review.get(review.indexOf(step) + 1);
    }

    List<String> myTasks(CurrentUser user) {
        return tasks.list(user, TaskFilter.View.MINE, null, null, null, TaskFilter.Sort.CREATED, false, 0, 100)
            .items().stream().map(TaskInfo::id).toList();
    }

    List<Action> timeline(Item item) {
        return actionLog.timeline(item.subject());
    }

    Action last(Item item) {
        List<Action> all = timeline(item);
        return all.get(all.size() - 1);
    }

    Notification latest(CurrentUser who) {
        return notifications.selectByPerson(who.getPersonId(), 0, 1).get(0);
    }

    static void refused(ThrowingCallable call, HttpStatus status, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.getStatus()).isEqualTo(status);
            assertThat(e.getMessageKey()).isEqualTo(key);
        });
    }
}
