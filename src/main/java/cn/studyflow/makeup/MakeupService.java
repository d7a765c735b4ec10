package cn.studyflow.makeup;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.PersonalScope;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.session.SessionPersonRows;
import cn.studyflow.session.SessionService;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Reading make-ups under their scope: the member sees their own; the secretary who checks them and the leader who
 * may waive them see their organisation's (the deputy too, standing in for the leader); those who oversee
 * organisations from above see their subtree's, read-only. Anything else answers 404. Make-ups are assigned by
 * {@link MakeupAssignments}, submitted through {@link MakeupSubmissions}, checked on the generic task form
 * ({@link MakeupSubjects}), waived through {@link MakeupWaivers} and moved by the process through
 * {@link MakeupCallbacks}.
 */
@Service
public class MakeupService extends SessionPersonRows<Makeup> {

    static final PersonalScope SCOPE = PersonalScope.keptBy(Role.SECRETARY, Role.LEADER, Role.DEPUTY);

    private final MakeupMapper makeups;
    private final Workflow workflow;
    private final ActionLog actionLog;

    MakeupService(MakeupMapper makeups, Scope scope, SessionService sessions, Workflow workflow, ActionLog actionLog) {
        super(SCOPE, scope, sessions, makeups::selectById, makeups::countVisible, makeups::selectVisible);
        this.makeups = makeups;
        this.workflow = workflow;
        this.actionLog = actionLog;
    }

    /** The make-ups of a session this person may read, by name. */
    public List<Makeup> ofSession(long sessionId, CurrentUser user) {
        return makeups.selectBySession(sessionId).stream().filter(m -> canSee(m, user)).toList();
    }

    public List<TaskInfo> currentSteps(Makeup m) {
        return workflow.activeTasks(m.getProcessInstanceId());
    }

    public List<Action> timeline(Makeup m) {
        return actionLog.timeline(Makeups.ref(m));
    }

    /** Whether the make-up waits for this person's notes. */
    public boolean isWithMember(Makeup m, CurrentUser user) {
        return m.getStatus().isWithMember() && m.getPersonId() == user.getPersonId();
    }

    /** Whether this person may waive it now: a leader of its organisation, once it is overdue. */
    public boolean mayWaive(Makeup m, CurrentUser user) {
        return user.getOrgId() == m.getOrgId() && user.getRoles().contains(Role.LEADER)
            && currentSteps(m).stream().anyMatch(t -> MakeupStudyProcess.TASK_WAIVER.equals(t.step()));
    }
}
