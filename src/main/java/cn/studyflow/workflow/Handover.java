package cn.studyflow.workflow;

import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What a person who leaves holds in the engine, handed on in the caller's transaction: tasks they claimed (or
 * were given) go back to their candidate groups or to a named successor, tasks delegated to them go back to whoever
 * delegated them (or to the successor), their added-signer tasks pass to the successor or are removed, and tasks
 * they delegated to someone else come back to the successor (or to the groups) when resolved.
 */
@Service
@RequiredArgsConstructor
public class Handover {

    /**
     * One task handed on: to {@code assignee} when it has one now, else to the people of {@code groups}. A removed
     * signer's task has neither.
     */
    public record HandedTask(String taskId, String name, String processInstanceId, Long orgId, String title,
                             String assignee, List<String> groups, boolean removed) {
    }

    private final TaskService tasks;
    private final Workflow workflow;

    /** Hands on everything {@code username} holds; {@code successor} may be null (back to the groups). */
    public List<HandedTask> handOver(String username, String successor) {
        return Workflow.guard(() -> {
            List<HandedTask> handed = new ArrayList<>();
            for (Task task : tasks.createTaskQuery().taskAssignee(username).list()) {
                handed.add(handOne(task, successor));
            }
            for (Task task : tasks.createTaskQuery().taskOwner(username).list()) {
                // delegated by the leaver to someone who still works on it: only who gets it back changes
                tasks.setOwner(task.getId(), successor);
            }
            return handed;
        });
    }

    /**
     * A person lost the role behind {@code group}: the tasks of that group they had claimed go back to the group,
     * unless they still are a candidate through another of {@code keptGroups}.
     */
    public List<HandedTask> release(String username, String group, List<String> keptGroups) {
        return Workflow.guard(() -> {
            List<HandedTask> handed = new ArrayList<>();
            for (Task task : tasks.createTaskQuery().taskAssignee(username).taskCandidateGroup(group)
                .includeAssignedTasks().list()) {
                boolean stillCandidate = !keptGroups.isEmpty() && tasks.createTaskQuery().taskId(task.getId())
                    .taskCandidateGroupIn(keptGroups).includeAssignedTasks().count() > 0;
                if (!stillCandidate) {
                    handed.add(handOne(task, null));
                }
            }
            return handed;
        });
    }

    private HandedTask handOne(Task task, String successor) {
        String assignee;
        boolean removed = false;
        if (task.getParentTaskId() != null) {
            // an added signer's task (加签) has no groups: the successor signs, or nobody does
            if (successor != null) {
                tasks.setAssignee(task.getId(), successor);
            } else {
                tasks.deleteTask(task.getId(), "signer left");
                removed = true;
            }
            assignee = successor;
        } else if (task.getDelegationState() == DelegationState.PENDING && successor == null) {
            tasks.resolveTask(task.getId());
            assignee = task.getOwner();
        } else {
            tasks.setAssignee(task.getId(), successor);
            assignee = successor;
        }
        List<String> groups = removed || assignee != null ? List.of() : candidateGroups(task.getId());
        TaskInfo info = workflow.task(task.getParentTaskId() != null ? task.getParentTaskId() : task.getId())
            .orElse(null);
        return new HandedTask(task.getId(), task.getName(), task.getProcessInstanceId(),
            info == null ? null : info.orgId(), info == null ? null : info.title(), assignee, groups, removed);
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(link -> link.getGroupId())
            .toList();
    }
}
