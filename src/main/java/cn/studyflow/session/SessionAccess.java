package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import java.util.EnumSet;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who sees a session and who runs it: the organisation's people and those above it (read-only) see it, and so does
 * a guest on its roster; its secretary or leader runs it. Outside that a session answers 404, as if it did not exist.
 */
@Component
@RequiredArgsConstructor
class SessionAccess {

    /** Who runs an organisation's sessions. */
    static final Set<Role> RUNNERS = EnumSet.of(Role.SECRETARY, Role.LEADER);
    /** Who reads the attendance of an organisation's people. */
    static final Set<Role> ATTENDANCE_READERS = EnumSet.of(Role.LEADER, Role.DEPUTY, Role.SECRETARY, Role.DEPT,
        Role.MANAGER, Role.ADMIN);

    private final SessionService sessions;
    private final Roster roster;
    private final Scope scope;

    /** The session if the user may see it; 404 otherwise. */
    StudySession visible(CurrentUser user, long id) {
        StudySession s = sessions.byId(id).orElseThrow(BusinessException::notFound);
        if (!scope.canSee(user, s.getOrgId()) && roster.entry(id, user.getPersonId()).isEmpty()) {
            throw BusinessException.notFound();
        }
        return s;
    }

    /** The session if the user runs it: 404 outside their sight, 403 for those who only see it. */
    StudySession run(CurrentUser user, long id) {
        StudySession s = visible(user, id);
        if (!runs(user, s)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "sessionrecord.error.notRunner");
        }
        return s;
    }

    boolean runs(CurrentUser user, StudySession s) {
        return user.getOrgId() == s.getOrgId() && user.getRoles().stream().anyMatch(RUNNERS::contains);
    }

    /** Attendance of {@code orgId}'s people: 404 outside the user's scope, 403 for who may not read it. */
    void requireAttendanceReader(CurrentUser user, long orgId) {
        scope.requireSee(user, orgId);
        if (user.getRoles().stream().noneMatch(ATTENDANCE_READERS::contains)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "sessionrecord.error.notAttendanceReader");
        }
    }
}
