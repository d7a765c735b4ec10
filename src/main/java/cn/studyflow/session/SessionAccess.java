package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.ClosedYears;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import java.util.EnumSet;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Who may see and who may schedule a session: its organisation and the superiors of its subtree see it (read-only),
 * a guest of an enlarged session sees the session they are on; only the organisation's secretary or leader
 * schedules and runs it (sign-in, held, minutes), and only its leader decides a proposed session. Outside one's
 * scope a session does not exist (404).
 */
@Service
@RequiredArgsConstructor
public class SessionAccess {

    /** Who runs an organisation's sessions. */
    static final Set<Role> RUNNERS = EnumSet.of(Role.SECRETARY, Role.LEADER);
    /** Who reads the attendance of an organisation's people. */
    static final Set<Role> ATTENDANCE_READERS = EnumSet.of(Role.LEADER, Role.DEPUTY, Role.SECRETARY, Role.DEPT,
        Role.MANAGER, Role.ADMIN);

    private final StudySessionMapper sessions;
    private final Roster roster;
    private final Scope scope;
    private final OrgService orgService;
    private final ClosedYears closedYears;

    public boolean canSee(CurrentUser user, StudySession session) {
        return scope.canSee(user, session.getOrgId()) || roster.entry(session.getId(), user.getPersonId()).isPresent();
    }

    /** The session, when this person may see it; 404 otherwise. */
    public StudySession visible(CurrentUser user, long sessionId) {
        StudySession s = sessions.selectById(sessionId);
        if (s == null || !canSee(user, s)) {
            throw BusinessException.notFound();
        }
        return s;
    }

    public boolean canSchedule(CurrentUser user, long orgId) {
        return user.getOrgId() == orgId && user.getRoles().stream().anyMatch(RUNNERS::contains);
    }

    /** The session if the user runs it: 404 outside their sight, 403 for those who only see it. */
    StudySession run(CurrentUser user, long id) {
        StudySession s = visible(user, id);
        if (!runs(user, s)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "sessionrecord.error.notRunner");
        }
        return s;
    }

    /** The session itself while its year is open: 409 once its organisation closed the year (org/ClosedYears). */
    StudySession open(StudySession s) {
        requireOpen(s.getOrgId(), s.getSessionYear());
        return s;
    }

    void requireOpen(long orgId, int year) {
        closedYears.requireOpen(orgId, year);
    }

    boolean runs(CurrentUser user, StudySession s) {
        return canSchedule(user, s.getOrgId());
    }

    /** Attendance of {@code orgId}'s people: 404 outside the user's scope, 403 for who may not read it. */
    void requireAttendanceReader(CurrentUser user, long orgId) {
        scope.requireSee(user, orgId);
        if (user.getRoles().stream().noneMatch(ATTENDANCE_READERS::contains)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "sessionrecord.error.notAttendanceReader");
        }
    }

    public boolean canDecide(CurrentUser user, long orgId) {
        return user.getOrgId() == orgId && user.has(Role.LEADER);
    }

    /** The session, when this person schedules it: 404 outside their scope, 403 where they may only read. */
    public StudySession toSchedule(CurrentUser user, long sessionId) {
        StudySession s = visible(user, sessionId);
        if (!canSchedule(user, s.getOrgId())) {
            throw BusinessException.forbidden();
        }
        return s;
    }

    /**
     * The organisation a calendar or list shows: the one asked for when in scope (404 otherwise), else one's own;
     * {@link Shown#subtree} when the viewer sees the organisations below it too.
     */
    public Shown shown(CurrentUser user, Long orgId) {
        long id = orgId == null ? user.getOrgId() : orgId;
        scope.requireSee(user, id);
        Org org = id == user.getOrgId() ? user.getOrg() : orgService.get(id);
        return new Shown(org, user.seesSubtree());
    }

    /** An organisation as a calendar shows it: alone, or with its subtree. */
    public record Shown(Org org, boolean subtree) {

        public Long orgId() {
            return subtree ? null : org.getId();
        }

        public String pathPattern() {
            return subtree ? org.getPath() + "%" : null;
        }
    }
}
