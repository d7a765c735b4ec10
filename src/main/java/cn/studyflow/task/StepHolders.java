package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.Person;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Who holds a step now, for features that remind them: its assignee, or everyone of its candidate groups. */
@Component
@RequiredArgsConstructor
public class StepHolders {

    private final OperationRules rules;
    private final Workflow workflow;
    private final NotificationService notifications;
    private final ActionLog actionLog;

    public List<Person> of(TaskInfo task) {
        Map<Long, Person> byId = new LinkedHashMap<>();
        rules.holders(task).forEach(p -> byId.putIfAbsent(p.getId(), p));
        return List.copyOf(byId.values());
    }

    /**
     * A timer's reminder: whoever holds each open step of the instance is told {@code messageKey}, linked to the
     * task, or to {@code ownLink} (the object's page) at {@code ownStep}, where its owner acts on the page rather
     * than in the tasklist; the reminder is recorded as {@code REMIND}. Returns how many were told.
     */
    public int remind(SubjectRef subject, String processInstanceId, String ownStep, String ownLink, String messageKey,
                      Object... args) {
        int told = 0;
        for (TaskInfo task : workflow.activeTasks(processInstanceId)) {
            String link = ownStep.equals(task.step()) ? ownLink : TasklistService.link(task.id());
            told += notifications.notifyAll(of(task), link, messageKey, args);
        }
        actionLog.record(subject, processInstanceId, null, "REMIND", null, null);
        return told;
    }
}
