package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Dates;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a session: the secretary (or leader) marks it held, which settles everyone still expected as absent, and
 * writes its minutes. Both are written at the version the secretary saw; who loses a race learns who acted first.
 */
@Service
@RequiredArgsConstructor
public class SessionRecords {

    /** The subject type of a session's history (business key {@code SESSION:id}). */
    public static final String SUBJECT = "SESSION";
    /** The longest minutes kept (column {@code sf_study_session.minutes}). */
    public static final int MAX_MINUTES = 20_000;

    static final String ACTION_HELD = "SESSION_HELD";
    static final String ACTION_MINUTES = "SESSION_MINUTES";

    private static final Logger log = LoggerFactory.getLogger(SessionRecords.class);

    private final SessionAccess access;
    private final SessionRecordMapper records;
    private final Roster roster;
    private final ActionLog actionLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Dates dates;

    public static SubjectRef ref(long sessionId) {
        return new SubjectRef(SUBJECT, sessionId);
    }

    /**
     * Marks the session held, on or after its day and not cancelled; everyone on the roster still expected becomes
     * absent, and {@link SessionHeld} is published in this transaction. Returns how many became absent.
     */
    @Transactional
    public int markHeld(long sessionId, CurrentUser user, Integer version) {
        StudySession s = access.open(access.run(user, sessionId));
        if (SessionService.CANCELLED.equals(s.getStatus())) {
            throw BusinessException.conflict("sessionrecord.error.cancelled");
        }
        if (SessionService.HELD.equals(s.getStatus())) {
            throw actedFirst(sessionId);
        }
        requireFresh(s, version);
        LocalDate today = LocalDate.now(clock);
        if (s.getSessionDate() == null || today.isBefore(s.getSessionDate())) {
            throw BusinessException.invalid("sessionrecord.error.beforeDay");
        }
        if (records.markHeld(sessionId, version, OffsetDateTime.now(clock)) == 0) {
            throw actedFirst(sessionId);
        }
        int absent = 0;
        for (RosterEntry e : roster.of(sessionId)) {
            if (e.getAttendance() == Attendance.EXPECTED
                && roster.change(sessionId, e.getPersonId(), Attendance.EXPECTED, Attendance.ABSENT, user.getPersonId(), null)) {
                absent++;
            }
        }
        actionLog.record(ref(sessionId), null, null, ACTION_HELD, user, null);
        events.publishEvent(new SessionHeld(sessionId));
        log.info("Session {} marked held by {}; {} expected became absent", sessionId, user.getUsername(), absent);
        return absent;
    }

    /** Writes the minutes of a held session (at most {@value #MAX_MINUTES} characters; blank clears them). */
    @Transactional
    public void writeMinutes(long sessionId, CurrentUser user, Integer version, String minutes) {
        StudySession s = access.open(access.run(user, sessionId));
        if (!SessionService.HELD.equals(s.getStatus())) {
            throw BusinessException.conflict("sessionrecord.error.notHeld");
        }
        String text = minutes == null || minutes.isBlank() ? null : minutes.strip();
        if (text != null && text.length() > MAX_MINUTES) {
            throw BusinessException.invalid("sessionrecord.error.minutesTooLong", MAX_MINUTES);
        }
        requireFresh(s, version);
        if (records.updateMinutes(sessionId, version, text) == 0) {
            throw actedFirst(sessionId);
        }
        actionLog.record(ref(sessionId), null, null, ACTION_MINUTES, user, null);
    }

    public List<Action> history(long sessionId) {
        return actionLog.timeline(ref(sessionId));
    }

    private void requireFresh(StudySession s, Integer version) {
        if (version == null || version != s.getVersion()) {
            throw actedFirst(s.getId());
        }
    }

    /** The 409 of a lost race, naming who last acted on the session and when. */
    private BusinessException actedFirst(long sessionId) {
        List<Action> history = history(sessionId);
        Action last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (last == null || last.getActorName() == null) {
            return BusinessException.conflict("sessionrecord.error.changed");
        }
        return BusinessException.conflict("sessionrecord.error.actedFirst", last.getActorName(),
            dates.format(last.getCreatedAt()));
    }
}
