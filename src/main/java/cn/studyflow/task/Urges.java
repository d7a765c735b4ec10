package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Dates;
import cn.studyflow.workflow.Operations;
import cn.studyflow.workflow.PassedStep;
import cn.studyflow.workflow.Signer;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 催办: the submitter or initiator nudges whoever holds the current step: its assignee, or all its candidates while
 * it is unclaimed, and any added signers. Once per step in {@code studyflow.operations.urge-interval}.
 */
@Service
@RequiredArgsConstructor
public class Urges {

    private final StepRunner steps;
    private final OperationRules rules;
    private final Workflow workflow;
    private final Operations operations;
    private final ActionLog actionLog;
    private final NotificationService notifications;
    private final OrgService orgService;
    private final Dates dates;
    private final Clock clock;
    @Value("${studyflow.operations.urge-interval:PT1H}")
    private final Duration interval;

    public void urge(String processInstanceId, CurrentUser user, String comment) {
        String note = StepRunner.comment(comment);
        SubjectRef subject = rules.instance(processInstanceId, user);
        steps.inTransaction(null, user, () -> {
            List<TaskInfo> open = workflow.activeTasks(processInstanceId);
            if (open.isEmpty()) {
                throw BusinessException.conflict("ops.error.ended");
            }
            if (!mayUrge(open, user)) {
                throw BusinessException.forbidden();
            }
            OffsetDateTime againAt = againAt(processInstanceId, open);
            if (againAt != null) {
                throw BusinessException.conflict("ops.error.urgeTooSoon", dates.format(againAt));
            }
            for (TaskInfo task : open) {
                List<Recipient> recipients = recipients(task);
                recipients.forEach(r -> notifications.notify(r.person().getId(), r.link(), "ops.notify.urged",
                    user, task.title(), task.name(), Handovers.orEmpty(note)));
                String names = recipients.stream().map(r -> r.person().getDisplayName())
                    .collect(Collectors.joining("、"));
                actionLog.record(subject, processInstanceId, task, "URGE", user, note, names);
            }
        });
    }

    /** The submitter of the current step or the initiator, unless they hold the current step themselves. */
    boolean mayUrge(List<TaskInfo> open, CurrentUser user) {
        if (open.stream().anyMatch(t -> user.getUsername().equals(t.assignee())
            || workflow.isCandidate(t.id(), user.groups()))) {
            return false;
        }
        List<PassedStep> passed = operations.passedSteps(open.get(0).processInstanceId());
        if (!passed.isEmpty() && user.getUsername().equals(passed.get(0).assignee())) {
            return true;
        }
        return open.stream().anyMatch(t -> operations.previousStep(t)
            .map(p -> user.getUsername().equals(p.assignee())).orElse(false));
    }

    /** When the instance may next be urged, or null when it may be now. */
    OffsetDateTime againAt(String processInstanceId, List<TaskInfo> open) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime latest = null;
        for (TaskInfo task : open) {
            Action last = actionLog.lastAtStep(processInstanceId, task.step(), "URGE");
            if (last != null && last.getCreatedAt().plus(interval).isAfter(now)) {
                OffsetDateTime at = last.getCreatedAt().plus(interval);
                latest = latest == null || at.isAfter(latest) ? at : latest;
            }
        }
        return latest;
    }

    /** Whom an urge reaches on one task, each with the task they should open. */
    private List<Recipient> recipients(TaskInfo task) {
        Map<Long, Recipient> recipients = new LinkedHashMap<>();
        String link = TasklistService.link(task.id());
        rules.holders(task).forEach(p -> recipients.putIfAbsent(p.getId(), new Recipient(p, link)));
        for (Signer s : operations.signers(task.id())) {
            Person p = orgService.personByUsername(s.assignee());
            if (p != null) {
                recipients.putIfAbsent(p.getId(), new Recipient(p, TasklistService.link(s.taskId())));
            }
        }
        return List.copyOf(recipients.values());
    }

    private record Recipient(Person person, String link) {
    }
}
