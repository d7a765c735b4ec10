package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.ClosedYears;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Who may do what at a session's sign-in and roll-call: its organisation's secretary or leader runs them; whoever
 * is on the roster signs in; the organisation's people and superiors over it read; anybody else gets 404.
 */
@Component
@RequiredArgsConstructor
class SignInAccess {

    private final StudySessionMapper sessions;
    private final Roster roster;
    private final Scope scope;
    private final ClosedYears closedYears;

    /** The session if this person may read it (its organisation is in their scope, or they are on its roster); 404 otherwise. */
    StudySession readable(CurrentUser user, long sessionId) {
        StudySession s = sessions.selectById(sessionId);
        if (s == null || !(scope.canSee(user, s.getOrgId()) || roster.entry(sessionId, user.getPersonId()).isPresent())) {
            throw BusinessException.notFound();
        }
        return s;
    }

    /** The session itself while its year is open: 409 once its organisation closed the year (org/ClosedYears). */
    StudySession open(StudySession s) {
        closedYears.requireOpen(s.getOrgId(), s.getSessionYear());
        return s;
    }

    /** The session if this person runs its sign-in and roll-call; 404 outside their scope, 403 when they only read it. */
    StudySession runnable(CurrentUser user, long sessionId) {
        StudySession s = readable(user, sessionId);
        if (!runs(user, s)) {
            throw BusinessException.forbidden();
        }
        return s;
    }

    static boolean runs(CurrentUser user, StudySession s) {
        return user.getOrgId() == s.getOrgId() && (user.has(Role.SECRETARY) || user.has(Role.LEADER));
    }
}
