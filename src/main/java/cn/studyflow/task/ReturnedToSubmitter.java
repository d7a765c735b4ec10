package cn.studyflow.task;

import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.workflow.Operations;
import cn.studyflow.workflow.PassedStep;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What is returned goes back to the person who submitted it: a returned plan to the secretary who submitted it,
 * a returned rectification report to whoever wrote it. A step an instance is sent back to is assigned to the
 * person who finished it last, so that it is in their own tasks rather than only among their group's. The step
 * keeps its candidate groups: its holder may give it back to them, and the others of the group may act once
 * it is. Nobody is assigned who no longer holds one of the step's groups (they left, or changed roles), and a
 * step whose model names its assignee (a material's author, an auditor) has its own already.
 */
@Component
@RequiredArgsConstructor
class ReturnedToSubmitter {

    private static final Logger log = LoggerFactory.getLogger(ReturnedToSubmitter.class);

    private final Workflow workflow;
    private final Operations operations;
    private final OrgService orgService;

    /** After a return: the open, unassigned tasks of the instance go to whoever finished their step last. */
    void giveBack(String processInstanceId) {
        if (processInstanceId == null) {
            return;
        }
        giveBack(processInstanceId, workflow.activeTasks(processInstanceId));
    }

    /** After a return to a chosen step: the tasks it created go to whoever finished that step last. */
    void giveBack(String processInstanceId, Collection<String> createdTaskIds) {
        if (processInstanceId == null || createdTaskIds.isEmpty()) {
            return;
        }
        giveBack(processInstanceId, workflow.activeTasks(processInstanceId).stream()
            .filter(t -> createdTaskIds.contains(t.id())).toList());
    }

    private void giveBack(String processInstanceId, List<TaskInfo> open) {
        List<TaskInfo> free = open.stream().filter(t -> !t.isAssigned() && !t.isSignerTask()).toList();
        if (free.isEmpty()) {
            return;
        }
        Map<String, String> lastHolder = new HashMap<>();
        for (PassedStep p : operations.passedSteps(processInstanceId)) {
            if (p.assignee() != null) {
                lastHolder.put(p.step(), p.assignee());
            }
        }
        for (TaskInfo task : free) {
            String submitter = lastHolder.get(task.step());
            Person person = submitter == null ? null : orgService.personByUsername(submitter);
            if (person == null || !person.isEnabled()
                || !workflow.isCandidate(task.id(), orgService.asUser(person).groups())) {
                continue;
            }
            operations.assign(task.id(), submitter);
            log.info("Task {} ({}) returned to {}, who submitted it", task.id(), task.step(), submitter);
        }
    }
}
