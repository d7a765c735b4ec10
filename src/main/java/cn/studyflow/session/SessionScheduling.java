package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretary (or leader) gives a session its day, moves it, or cancels it. Each is one transaction: the
 * session at the version read, its roster, the history, the notifications and {@link SessionMoved} together, or
 * nothing; a session changed meanwhile is a 409 naming who changed it.
 */
@Service
@RequiredArgsConstructor
public class SessionScheduling {

    /** The history's subject type of a session ({@code SESSION:id}). */
    public static final String SUBJECT = "SESSION";
    static final String SCHEDULE = "SCHEDULE";
    static final String RESCHEDULE = "RESCHEDULE";
    static final String CANCEL = "CANCEL_SESSION";

    private static final Logger log = LoggerFactory.getLogger(SessionScheduling.class);

    private final SessionAccess access;
    private final ScheduleRules rules;
    private final ScheduleMapper schedule;
    private final Roster roster;
    private final ActionLog actions;
    private final NotificationService notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Gives a session its day, or moves it to another (then a reason is required): the roster follows the group,
     * chair, speakers and guests; everyone on it, and whoever was taken off it, is told.
     */
    @Transactional
    public StudySession schedule(CurrentUser user, long sessionId, ScheduleForm form) {
        StudySession s = access.open(access.toSchedule(user, sessionId));
        requireOpen(s);
        boolean moving = s.getSessionDate() != null;
        String reason = moving ? ScheduleRules.reason(form.getReason()) : ScheduleRules.trimmed(form.getReason());
        rules.check(form, s.getOrgId(), s.getId());
        Map<Long, Part> wanted = rules.roster(s.getOrgId(), form);
        String before = moving ? when(s) : null;
        apply(s, form);
        save(s, form.getVersion(), user);
        Roster.Changes changes = roster.sync(s.getId(), wanted);
        actions.record(ref(s), null, null, moving ? RESCHEDULE : SCHEDULE, user, reason, when(s));
        String link = link(s);
        if (moving) {
            tell(wanted.keySet(), link, "session.notify.moved", s.getTitle(), before, when(s), reason);
            tell(changes.removed(), link, "session.notify.removed", s.getTitle(), when(s));
        } else {
            tell(wanted.keySet(), link, "session.notify.scheduled", s.getTitle(), when(s), s.getPlace());
        }
        events.publishEvent(new SessionMoved(s.getId(), startsAt(s)));
        log.info("Session {} {} for {} by {}", s.getId(), moving ? "moved" : "scheduled", when(s), user.getUsername());
        return s;
    }

    /** Cancels a scheduled session, with a reason; everyone on the roster is told. */
    @Transactional
    public StudySession cancel(CurrentUser user, long sessionId, Integer version, String reasonText) {
        StudySession s = access.open(access.toSchedule(user, sessionId));
        requireOpen(s);
        String reason = ScheduleRules.reason(reasonText);
        s.setStatus(SessionService.CANCELLED);
        s.setCancelReason(reason);
        save(s, version, user);
        actions.record(ref(s), null, null, CANCEL, user, reason);
        List<Long> onRoster = roster.of(s.getId()).stream().map(RosterEntry::getPersonId).toList();
        tell(onRoster, link(s), "session.notify.cancelled", s.getTitle(), s.getSessionDate() == null ? "" : when(s),
            reason);
        events.publishEvent(new SessionMoved(s.getId(), null));
        log.info("Session {} cancelled by {}", s.getId(), user.getUsername());
        return s;
    }

    static void requireOpen(StudySession s) {
        if (!SessionService.SCHEDULED.equals(s.getStatus())) {
            throw BusinessException.conflict("session.error.notOpen");
        }
    }

    private static void apply(StudySession s, ScheduleForm form) {
        s.setSessionDate(form.getDate());
        s.setSessionYear(form.getDate().getYear());
        s.setSessionMonth(form.getDate().getMonthValue());
        s.setStartTime(form.getStartTime());
        s.setEndTime(form.getEndTime());
        s.setPlace(ScheduleRules.trimmed(form.getPlace()));
        s.setChairId(form.getChairId());
    }

    /** Writes at the version the form was read at; a lost race names who acted first, from the history. */
    void save(StudySession s, Integer version, CurrentUser user) {
        if (version == null) {
            throw BusinessException.invalid("session.error.versionRequired");
        }
        s.setVersion(version);
        try {
            VersionedRow.save(s, schedule::updateSchedule, clock);
        } catch (OptimisticLockingFailureException e) {
            throw lostRace(s.getId(), user);
        }
    }

    BusinessException lostRace(long sessionId, CurrentUser user) {
        List<Action> history = actions.timeline(new SubjectRef(SUBJECT, sessionId));
        log.info("Session {}: {} lost a race", sessionId, user.getUsername());
        return history.isEmpty() ? BusinessException.conflict("session.error.changed")
            : BusinessException.conflict("session.error.changedBy", history.get(history.size() - 1).getActorName());
    }

    static SubjectRef ref(StudySession s) {
        return new SubjectRef(SUBJECT, s.getId());
    }

    static String link(StudySession s) {
        return "/sessions/" + s.getId();
    }

    /** The day and hours as the history and notifications show them, e.g. {@code 2027-03-15 09:00–11:30}. */
    static String when(StudySession s) {
        return s.getSessionDate() + " " + s.getStartTime() + "–" + s.getEndTime();
    }

    static LocalDateTime startsAt(StudySession s) {
        return s.getSessionDate().atTime(s.getStartTime());
    }

    void tell(java.util.Collection<Long> people, String link, String key, Object... args) {
        people.forEach(p -> notifications.notify(p, link, key, args));
    }
}
