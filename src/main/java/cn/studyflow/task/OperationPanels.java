package cn.studyflow.task;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.Dates;
import cn.studyflow.workflow.Operations;
import cn.studyflow.workflow.PassedStep;
import cn.studyflow.workflow.SignPosition;
import cn.studyflow.workflow.Signer;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * What a person may do now, on a task page ({@link TaskOperations}) and on the page of a business object
 * ({@link InstanceOperations}). The pages show these and nothing else; the operations check the same rules again.
 */
@Service
@RequiredArgsConstructor
public class OperationPanels {

    private final StepRunner steps;
    private final OperationRules rules;
    private final Workflow workflow;
    private final Operations operations;
    private final NextSteps nextSteps;
    private final Urges urges;
    private final InstanceMoves moves;
    private final Dates dates;
    private final StepNames stepNames;

    /** What this person may do on this task, which they may see (a task read through the runner). */
    public TaskOperations panel(TaskInfo task, CurrentUser user) {
        boolean assignee = user.getUsername().equals(task.assignee());
        if (task.isSignerTask()) {
            TaskOperations.SignerView me = operations.signer(task.id()).map(this::view).orElse(null);
            return new TaskOperations(true, false, me, false, null, null, List.of(), false, List.of(), false,
                List.of(), false, List.of(), List.of(), false, false, List.of(), false, List.of(), nextSteps.of(task));
        }
        boolean candidate = workflow.isCandidate(task.id(), user.groups());
        List<TaskOperations.SignerView> signers = operations.signers(task.id()).stream().map(this::view).toList();
        boolean waiting = !signers.isEmpty();
        boolean holder = !task.delegated() && (assignee || (candidate && !task.isAssigned()));
        boolean decidedHere = rules.decidedHere(task);
        List<PersonChoice> transferTo = holder && !waiting ? rules.choices(rules.transferable(task, user)) : List.of();
        List<PersonChoice> colleagues = holder && decidedHere ? rules.choices(rules.colleagues(task, user)) : List.of();
        Set<String> signing = signers.stream().map(TaskOperations.SignerView::username).collect(Collectors.toSet());
        List<PersonChoice> signerChoices = colleagues.stream().filter(c -> !signing.contains(c.username())).toList();
        List<SignPosition> positions = waiting ? List.of(signers.get(0).position()) : List.of(SignPosition.values());
        List<PassedStep> targets = holder && !waiting && decidedHere ? operations.returnTargets(task) : List.of();
        List<PersonChoice> copyTo = assignee || candidate ? rules.choices(rules.copyable(task, user)) : List.of();
        return new TaskOperations(
            !task.delegated() && !waiting,
            !task.delegated() && !waiting,
            null,
            task.delegated() && assignee,
            task.delegated() ? rules.displayName(task.owner()) : null,
            task.delegated() && !assignee ? steps.assigneeName(task) : null,
            signers,
            !transferTo.isEmpty(), transferTo,
            !waiting && !colleagues.isEmpty(), colleagues,
            !signerChoices.isEmpty(), signerChoices, positions,
            assignee && waiting,
            !targets.isEmpty(), targets,
            !copyTo.isEmpty(), copyTo,
            nextSteps.of(task));
    }

    /** What the page of a business object shows about its instance for this person. */
    public InstanceOperations instanceView(String processInstanceId, CurrentUser user) {
        if (processInstanceId == null) {
            return null;
        }
        rules.instance(processInstanceId, user);
        List<TaskInfo> open = workflow.activeTasks(processInstanceId);
        if (open.isEmpty()) {
            return new InstanceOperations(processInstanceId, List.of(), List.of(), false, null, false, null);
        }
        boolean mayUrge = urges.mayUrge(open, user);
        OffsetDateTime againAt = mayUrge ? urges.againAt(processInstanceId, open) : null;
        PassedStep withdrawTo = moves.withdrawTo(open, user);
        return new InstanceOperations(processInstanceId, open.stream().map(TaskInfo::name).toList(),
            nextSteps.of(open.get(0)), mayUrge && againAt == null, againAt == null ? null : dates.format(againAt),
            withdrawTo != null,
            withdrawTo == null ? null : stepNames.step(open.get(0).processKey(), withdrawTo.step(), withdrawTo.name()));
    }

    private TaskOperations.SignerView view(Signer s) {
        return new TaskOperations.SignerView(s.assignee(), rules.displayName(s.assignee()), s.position(),
            rules.displayName(s.addedBy()));
    }
}
