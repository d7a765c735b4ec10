package cn.studyflow.leave;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.PageOf;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.PersonalScope;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.session.ComingSessions;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Reading leave requests under their scope: the applicant sees their own; the leader, the deputy and the
 * secretary see their organisation's; those who oversee organisations from above see their subtree's, read-only.
 * Anything else answers 404, like a request that does not exist. Requests are written by {@link LeaveRequests},
 * decided through {@link LeaveDecisions} and moved by the process through {@link LeaveCallbacks}.
 */
@Service
@RequiredArgsConstructor
public class LeaveService {

    /** Who sees every request of their own organisation: those who decide them and the secretary who keeps attendance. */
    static final PersonalScope SCOPE = PersonalScope.keptBy(Role.LEADER, Role.DEPUTY, Role.SECRETARY);

    private final LeaveMapper leaves;
    private final Scope scope;
    private final SessionService sessions;
    private final ComingSessions coming;
    private final Workflow workflow;
    private final ActionLog actionLog;
    private final Clock clock;

    /** The request, if this person may read it; 404 otherwise. */
    public Leave get(long id, CurrentUser user) {
        Leave l = leaves.selectById(id);
        if (l == null || !canSee(l, user)) {
            throw BusinessException.notFound();
        }
        return withSession(l);
    }

    public boolean canSee(Leave l, CurrentUser user) {
        return SCOPE.canSee(user, l.getPersonId(), l.getOrgId(), scope);
    }

    /** The requests this person may read, newest first. */
    public PageOf<Leave> list(CurrentUser user, int page, int size) {
        Set<Long> orgIds = SCOPE.orgIds(user, scope);
        int total = leaves.countVisible(user.getPersonId(), orgIds);
        List<Leave> items = total == 0 ? List.of()
            : leaves.selectVisible(user.getPersonId(), orgIds, page * size, size);
        Map<Long, Optional<StudySession>> bySession = new HashMap<>();
        items.forEach(l -> l.setSessionTitle(bySession.computeIfAbsent(l.getSessionId(), sessions::byId)
            .map(StudySession::getTitle).orElse(null)));
        return new PageOf<>(items, total, page, size);
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
        return l.getProcessInstanceId() == null ? List.of() : workflow.activeTasks(l.getProcessInstanceId());
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

    private Leave withSession(Leave l) {
        sessions.byId(l.getSessionId()).ifPresent(s -> l.setSessionTitle(s.getTitle()));
        return l;
    }
}
