package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.journal.InstanceCounters;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.workflow.TaskInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Records every action on a business object; the records are the object's history timeline. */
@Service
@RequiredArgsConstructor
public class ActionLog {

    /** Actions that send an instance back for revision: a reviewer's or added signer's return, a return to any step. */
    private static final Set<String> RETURNS = Set.of("RETURN", "RETURN_TO");

    private final ActionMapper actions;
    private final InstanceCounters counters;

    /** Records an action; {@code task} and {@code actor} may be null for actions of the system. */
    public void record(SubjectRef subject, String processInstanceId, TaskInfo task, String action,
                       CurrentUser actor, String comment) {
        record(subject, processInstanceId, task, action, actor, comment, null);
    }

    /** Records an action that went to someone or somewhere: {@code target} names them for the timeline. */
    public void record(SubjectRef subject, String processInstanceId, TaskInfo task, String action,
                       CurrentUser actor, String comment, String target) {
        record(subject, processInstanceId, task, action, actor, comment, target, OffsetDateTime.now());
    }

    /**
     * Records an action of the past as it stood, at {@code at}: a record written after the fact, without a process
     * (the demo's finished year).
     */
    public void recordPast(SubjectRef subject, String action, CurrentUser actor, String comment, OffsetDateTime at) {
        record(subject, null, null, action, actor, comment, null, at);
    }

    private void record(SubjectRef subject, String processInstanceId, TaskInfo task, String action,
                        CurrentUser actor, String comment, String target, OffsetDateTime at) {
        Action a = new Action();
        a.setSubjectType(subject.type());
        a.setSubjectId(subject.id());
        a.setProcessInstanceId(processInstanceId);
        if (task != null) {
            a.setTaskId(task.id());
            a.setStep(task.step());
            a.setProcessKey(task.processKey());
            a.setStepName(task.name());
        }
        a.setAction(action);
        if (actor != null) {
            a.setActorId(actor.getPersonId());
            a.setActorName(actor.getDisplayName());
        }
        a.setComment(comment == null || comment.isBlank() ? null : comment.trim());
        a.setTarget(target);
        a.setCreatedAt(at);
        actions.insert(a);
        boolean returned = RETURNS.contains(action);
        if ((returned || "WITHDRAW".equals(action)) && processInstanceId != null) {
            counters.count(processInstanceId, returned ? 1 : 0, returned ? 0 : 1);
        }
    }

    /**
     * Moves an object's history to the days it happened on, for a record made after the fact (the demo's finished
     * year): {@code redate} sets each action's time and, where it names a date, its comment.
     */
    public void redate(SubjectRef subject, Consumer<Action> redate) {
        for (Action a : timeline(subject)) {
            redate.accept(a);
            actions.updateTimeAndComment(a.getId(), a.getCreatedAt(), a.getComment());
        }
    }

    public List<Action> timeline(SubjectRef subject) {
        return actions.selectBySubject(subject.type(), subject.id());
    }

    public Action lastOnTask(String taskId) {
        return actions.selectLastByTask(taskId);
    }

    /** The latest {@code action} at {@code step} of an instance, or null. */
    public Action lastAtStep(String processInstanceId, String step, String action) {
        return actions.selectLastAtStep(processInstanceId, step, action);
    }
}
