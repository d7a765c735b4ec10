package cn.studyflow.leave;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.PersonalScope;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.session.ComingSessions;
import cn.studyflow.session.SessionPersonRows;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reading leave requests under their scope: the applicant sees their own; the leader, the deputy and the
 * secretary see their organisation's; those who oversee organisations from above see their subtree's, read-only.
 * Anything else answers 404, like a request that does not exist. Requests are written by {@link LeaveRequests},
 * decided through {@link LeaveDecisions} and moved by the process through {@link LeaveCallbacks}.
 */
@Service
public class LeaveService extends SessionPersonRows<Leave> {

    /** Who sees every request of their own organisation: those who decide them and the secretary who keeps attendance. */
    static final PersonalScope SCOPE = PersonalScope.keptBy(Role.LEADER, Role.DEPUTY, Role.SECRETARY);

    private final LeaveMapper leaves;
    private final SessionService sessions;
    private final ComingSessions coming;
    private final Workflow workflow;
    private final ActionLog actionLog;
    private final Clock clock;

    LeaveService(LeaveMapper leaves, Scope scope, SessionService sessions, ComingSessions coming, Workflow workflow,
                 ActionLog actionLog, Clock clock) {
        super(SCOPE, scope, sessions, leaves::selectById, leaves::countVisible, leaves::selectVisible);
        this.leaves = leaves;
        this.sessions = sessions;
        this.coming = coming;
        this.workflow = workflow;
        this.actionLog = actionLog;
        this.clock = clock;
    }

    /** The person's own request for a session, if they made one. */
    public Optional<Leave> mine(long sessionId, CurrentUser user) {
        return Optional.ofNullable(leaves.selectBySessionAndPerson(sessionId, user.getPersonId()));
    }

    /** The sessions this person is on the roster of from today on: where they may ask for leave. */
    public List<StudySession> comingSessions(CurrentUser user) {
        return coming.of(user.getPersonId(), LocalDate.now(clock));
    }

    public List<TaskInfo> currentSteps(Leave l) {
        return workflow.activeTasks(l.getProcessInstanceId());
    }

    public List<Action> timeline(Leave l) {
        return actionLog.timeline(Leaves.ref(l));
    }

    /** Whether the request is back with this person, to send again or give up. */
    public boolean isWithApplicant(Leave l, CurrentUser user) {
        return l.getStatus().isWithApplicant() && l.getPersonId() == user.getPersonId();
    }

    public Optional<StudySession> session(Leave l) {
        return sessions.byId(l.getSessionId());
    }
}
