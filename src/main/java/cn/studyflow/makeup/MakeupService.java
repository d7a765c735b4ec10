package cn.studyflow.makeup;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.PageOf;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.PersonalScope;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Reading make-ups under their scope: the member sees their own; the secretary who checks them and the leader who
 * may waive them see their organisation's (the deputy too, standing in for the leader); those who oversee
 * organisations from above see their subtree's, read-only. Anything else answers 404. Make-ups are assigned by
 * {@link MakeupAssignments}, submitted through {@link MakeupSubmissions}, checked and waived through
 * {@link MakeupDecisions} and moved by the process through {@link MakeupCallbacks}.
 */
@Service
@RequiredArgsConstructor
public class MakeupService {

    static final PersonalScope SCOPE = PersonalScope.keptBy(Role.SECRETARY, Role.LEADER, Role.DEPUTY);

    private final MakeupMapper makeups;
    private final Scope scope;
    private final SessionService sessions;
    private final Workflow workflow;
    private final ActionLog actionLog;

    /** The make-up, if this person may read it; 404 otherwise. */
    public Makeup get(long id, CurrentUser user) {
        Makeup m = makeups.selectById(id);
        if (m == null || !canSee(m, user)) {
            throw BusinessException.notFound();
        }
        sessions.byId(m.getSessionId()).ifPresent(s -> m.setSessionTitle(s.getTitle()));
        return m;
    }

    public boolean canSee(Makeup m, CurrentUser user) {
        return SCOPE.canSee(user, m.getPersonId(), m.getOrgId(), scope);
    }

    /** The make-ups this person may read, newest first. */
    public PageOf<Makeup> list(CurrentUser user, int page, int size) {
        Set<Long> orgIds = SCOPE.orgIds(user, scope);
        int total = makeups.countVisible(user.getPersonId(), orgIds);
        List<Makeup> items = total == 0 ? List.of()
            : makeups.selectVisible(user.getPersonId(), orgIds, page * size, size);
        Map<Long, Optional<StudySession>> bySession = new HashMap<>();
        items.forEach(m -> m.setSessionTitle(bySession.computeIfAbsent(m.getSessionId(), sessions::byId)
            .map(StudySession::getTitle).orElse(null)));
        return new PageOf<>(items, total, page, size);
    }

    /** The make-ups of a session this person may read, by name. */
    public List<Makeup> ofSession(long sessionId, CurrentUser user) {
        return makeups.selectBySession(sessionId).stream().filter(m -> canSee(m, user)).toList();
    }

    public List<TaskInfo> currentSteps(Makeup m) {
        return m.getProcessInstanceId() == null ? List.of() : workflow.activeTasks(m.getProcessInstanceId());
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

    public Optional<StudySession> session(Makeup m) {
        return sessions.byId(m.getSessionId());
    }
}
