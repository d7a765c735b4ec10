package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.ActionLog;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in (签到): the secretary opens and closes it, members sign in with the rotating code, the secretary marks
 * people by hand with a reason. Every refusal changes nothing; every change of attendance goes through
 * {@link Roster#change}, conditional on the state read, so a double submit or twenty members in the same second
 * each count once.
 */
@Service
@RequiredArgsConstructor
public class SignInService {

    /** The subject type of a session in the action log. */
    public static final String SUBJECT = "SESSION";
    private static final int MAX_REASON = 500;
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final StudySessionMapper sessions;
    private final SignInMapper signIns;
    private final Roster roster;
    private final SignInAccess access;
    private final SignInCodes codes;
    private final SignInProperties properties;
    private final ActionLog actions;
    private final Clock clock;

    /** What a member's sign-in recorded. */
    public record SignedIn(long sessionId, String title, Attendance attendance, String at) implements Serializable {
    }

    /** What the projector shows: the code of this 30-second step and how the room fills. */
    public record Projection(long sessionId, String code, long step, int secondsLeft, int expected, int present,
                             int late) {
    }

    public SignInState state(CurrentUser user, long sessionId) {
        return stateOf(access.readable(user, sessionId));
    }

    public List<SignInRow> sheet(CurrentUser user, long sessionId) {
        access.readable(user, sessionId);
        return signIns.selectSheet(sessionId);
    }

    @Transactional
    public SignInState open(CurrentUser user, long sessionId) {
        StudySession s = access.open(access.runnable(user, sessionId));
        openAs(s, user);
        return stateOf(sessions.selectById(sessionId));
    }

    /** Opens sign-in of a session on behalf of {@code actor} (null: the system, as the demo does). */
    @Transactional
    void openAs(StudySession s, CurrentUser actor) {
        SignInState state = timing(s);
        if (!SessionService.SCHEDULED.equals(s.getStatus())) {
            throw BusinessException.conflict("signin.notScheduled");
        }
        if (state.startsAt() == null) {
            throw BusinessException.conflict("signin.noDayToOpen");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (now.isBefore(s.getSessionDate().atStartOfDay())) {
            throw BusinessException.conflict("signin.tooEarly", s.getSessionDate().toString());
        }
        if (!now.isBefore(state.closesAt())) {
            throw BusinessException.conflict("signin.over", state.closesAt().format(HOUR_MINUTE));
        }
        if (state.isOpen() || signIns.open(s.getId(), codes.newSecret(), OffsetDateTime.now(clock)) == 0) {
            throw BusinessException.conflict("signin.alreadyOpen");
        }
        actions.record(new SubjectRef(SUBJECT, s.getId()), null, null, "SIGNIN_OPEN", actor, null);
    }

    @Transactional
    public SignInState close(CurrentUser user, long sessionId) {
        StudySession s = access.open(access.runnable(user, sessionId));
        if (!timing(s).isOpen() || signIns.close(sessionId, OffsetDateTime.now(clock)) == 0) {
            throw BusinessException.conflict("signin.notOpen");
        }
        actions.record(new SubjectRef(SUBJECT, sessionId), null, null, "SIGNIN_CLOSE", user, null);
        return stateOf(sessions.selectById(sessionId));
    }

    /** The code to show now; only for whoever runs the session, only while sign-in is open. */
    public Projection projection(CurrentUser user, long sessionId) {
        StudySession s = access.runnable(user, sessionId);
        requireOpen(s);
        SignInState state = stateOf(s);
        return new Projection(sessionId, codes.current(s.getSigninSecret()), codes.step(), codes.secondsLeft(),
            state.expected(), state.present(), state.late());
    }

    /** A member signs in to this session with the code they read or scanned. */
    @Transactional
    public SignedIn signIn(CurrentUser user, long sessionId, String code) {
        StudySession s = access.open(access.readable(user, sessionId));
        RosterEntry entry = roster.entry(sessionId, user.getPersonId())
            .orElseThrow(() -> new BusinessException(HttpStatus.FORBIDDEN, "signin.notOnRoster"));
        refuseIfRecorded(entry);
        SignInState state = requireOpen(s);
        if (!codes.accepts(s.getSigninSecret(), code == null ? null : code.trim())) {
            throw BusinessException.invalid("signin.badCode");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Attendance to = now.isAfter(state.lateFrom()) ? Attendance.LATE : Attendance.PRESENT;
        if (!roster.change(sessionId, user.getPersonId(), Attendance.EXPECTED, to, null, null)) {
            // signed in a moment ago, by a second tap or by the secretary's hand
            refuseIfRecorded(roster.entry(sessionId, user.getPersonId()).orElseThrow(BusinessException::notFound));
        }
        RosterEntry signed = roster.entry(sessionId, user.getPersonId()).orElseThrow(BusinessException::notFound);
        return new SignedIn(sessionId, s.getTitle(), to, time(signed.getSignedAt()));
    }

    /** The sessions whose sign-in is open that this person is on the roster of or that belong to their organisation. */
    public List<StudySession> openFor(CurrentUser user) {
        return signIns.selectOpenFor(user.getPersonId(), user.getOrgId()).stream().filter(s -> timing(s).isOpen()).toList();
    }

    /** A member signs in by typing the code alone: the open session of theirs whose code it is. */
    @Transactional
    public SignedIn signInByCode(CurrentUser user, String code) {
        String typed = code == null ? "" : code.trim();
        if (!typed.matches("\\d{6}")) {
            throw BusinessException.invalid("signin.badCode");
        }
        Optional<StudySession> match = openFor(user).stream()
            .filter(s -> codes.accepts(s.getSigninSecret(), typed)).findFirst();
        return signIn(user, match.orElseThrow(() -> BusinessException.invalid("signin.badCode")).getId(), typed);
    }

    /** The secretary marks a person present or late by hand, with the reason kept on the roster and in the history. */
    @Transactional
    public SignInRow mark(CurrentUser user, long sessionId, Long personId, Attendance to, String reason) {
        StudySession s = access.open(access.runnable(user, sessionId));
        if (SessionService.CANCELLED.equals(s.getStatus())) {
            throw BusinessException.conflict("signin.cancelled");
        }
        if (SessionService.HELD.equals(s.getStatus())) {
            // held is when attendance is settled and the make-ups of those away start: a mark now would leave a
            // person present with a make-up to do
            throw BusinessException.conflict("signin.mark.held");
        }
        if (to != Attendance.PRESENT && to != Attendance.LATE) {
            throw BusinessException.invalid("signin.mark.attendance");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw BusinessException.invalid("signin.mark.reason", MAX_REASON);
        }
        SignInRow row = personId == null ? null : row(sessionId, personId);
        if (row == null) {
            throw BusinessException.invalid("signin.mark.notOnRoster");
        }
        if (row.getAttendance() == to) {
            throw BusinessException.conflict("signin.mark.same", row.getName());
        }
        if (!roster.change(sessionId, personId, row.getAttendance(), to, user.getPersonId(), why)) {
            SignInRow now = row(sessionId, personId);
            throw BusinessException.conflict("signin.mark.race", row.getName(),
                now.getMarkedByName() == null ? now.getName() : now.getMarkedByName());
        }
        actions.record(new SubjectRef(SUBJECT, sessionId), null, null, "SIGNIN_MARK_" + to, user, why, row.getName());
        return row(sessionId, personId);
    }

    /** Sign-in's phase, times and how many are here. */
    SignInState stateOf(StudySession s) {
        SignInState t = timing(s);
        List<RosterEntry> entries = roster.of(s.getId());
        int present = (int) entries.stream().filter(e -> e.getAttendance() == Attendance.PRESENT).count();
        int late = (int) entries.stream().filter(e -> e.getAttendance() == Attendance.LATE).count();
        return new SignInState(t.sessionId(), t.title(), t.phase(), t.openedAt(), t.closedAt(), t.startsAt(),
            t.lateFrom(), t.closesAt(), entries.size(), present, late);
    }

    /**
     * Sign-in's phase and times without the counts (a member's sign-in needs no more); a sign-in left open past its
     * closing time is closed here, on first sight, so no scheduler is needed.
     */
    private SignInState timing(StudySession s) {
        LocalDateTime startsAt = s.getSessionDate() == null ? null
            : s.getSessionDate().atTime(s.getStartTime() == null ? SessionService.DEFAULT_START : s.getStartTime());
        LocalDateTime lateFrom = startsAt == null ? null : startsAt.plus(properties.lateAfter());
        LocalDateTime closesAt = startsAt == null ? null : startsAt.plus(properties.signinClosesAfter());
        OffsetDateTime closedAt = s.getSigninClosedAt();
        SignInState.Phase phase;
        if (s.getSigninOpenedAt() == null) {
            phase = SignInState.Phase.NOT_OPENED;
        } else if (closedAt != null || !SessionService.SCHEDULED.equals(s.getStatus())) {
            phase = SignInState.Phase.CLOSED;
        } else if (closesAt != null && !LocalDateTime.now(clock).isBefore(closesAt)) {
            closedAt = closesAt.atZone(clock.getZone()).toOffsetDateTime();
            signIns.close(s.getId(), closedAt);
            phase = SignInState.Phase.CLOSED;
        } else {
            phase = SignInState.Phase.OPEN;
        }
        return new SignInState(s.getId(), s.getTitle(), phase, s.getSigninOpenedAt(), closedAt, startsAt, lateFrom,
            closesAt, 0, 0, 0);
    }

    private SignInState requireOpen(StudySession s) {
        SignInState state = timing(s);
        return switch (state.phase()) {
            case OPEN -> state;
            case NOT_OPENED -> throw BusinessException.conflict("signin.notOpen");
            case CLOSED -> throw BusinessException.conflict("signin.closed");
        };
    }

    private void refuseIfRecorded(RosterEntry entry) {
        switch (entry.getAttendance()) {
            case PRESENT, LATE -> throw BusinessException.conflict("signin.already", time(entry.getSignedAt()));
            case LEAVE -> throw BusinessException.conflict("signin.onLeave");
            case ABSENT -> throw BusinessException.conflict("signin.markedAbsent");
            case EXPECTED -> { }
        }
    }

    private SignInRow row(long sessionId, long personId) {
        return signIns.selectSheet(sessionId).stream().filter(r -> r.getPersonId() == personId).findFirst().orElse(null);
    }

    private String time(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(clock.getZone()).format(HOUR_MINUTE);
    }
}
