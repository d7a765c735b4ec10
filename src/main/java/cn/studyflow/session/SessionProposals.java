package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.task.ActionLog;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session that no plan topic holds: the secretary proposes it with its day and roster, and it counts (the
 * dashboard, deadlines, members' home pages) only once the organisation's leader approves it.
 */
@Service
@RequiredArgsConstructor
public class SessionProposals {

    public static final String PROPOSED = "PROPOSED";
    public static final String REFUSED = "REFUSED";
    static final String PROPOSE = "PROPOSE_SESSION";
    static final String APPROVE = "APPROVE_SESSION";
    static final String REFUSE = "REFUSE_SESSION";
    /** The format of a session outside the plan, as a plan topic would name it. */
    static final String FORMAT = "COLLECTIVE_STUDY";

    private final SessionAccess access;
    private final ScheduleRules rules;
    private final ScheduleMapper schedule;
    private final SessionScheduling scheduling;
    private final Roster roster;
    private final ActionLog actions;
    private final NotificationService notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The secretary (or leader) proposes a session of their own organisation; its leaders are told. */
    @Transactional
    public StudySession propose(CurrentUser user, ScheduleForm form) {
        long orgId = user.getOrgId();
        if (!access.canSchedule(user, orgId)) {
            throw BusinessException.forbidden();
        }
        String title = ScheduleRules.trimmed(form.getTitle());
        if (title == null) {
            throw BusinessException.invalid("session.error.titleRequired");
        }
        if (title.length() > ScheduleRules.MAX_TITLE) {
            throw BusinessException.invalid("session.error.titleTooLong", ScheduleRules.MAX_TITLE);
        }
        rules.check(form, orgId, 0);
        if (form.getDate() != null) {
            access.requireOpen(orgId, form.getDate().getYear());
        }
        Map<Long, Part> wanted = rules.roster(orgId, form);
        StudySession s = dated(orgId, title, form.getDate(), form.getStartTime(), form.getEndTime(),
            ScheduleRules.trimmed(form.getPlace()), form.getChairId(), PROPOSED, OffsetDateTime.now(clock));
        s.setEnlarged(!form.getGuestIds().isEmpty());
        s.setProposedBy(user.getPersonId());
        schedule.insertProposal(s);
        roster.sync(s.getId(), wanted);
        actions.record(SessionScheduling.ref(s), null, null, PROPOSE, user, null, SessionScheduling.when(s));
        notifications.notifyRole(orgId, Role.LEADER, SessionScheduling.link(s), "session.notify.proposed", title,
            SessionScheduling.when(s), user);
        return s;
    }

    /** A session outside any plan topic, with its day, hours, place and chair, to be inserted. */
    static StudySession dated(long orgId, String title, java.time.LocalDate day, java.time.LocalTime start,
                              java.time.LocalTime end, String place, Long chairId, String status,
                              OffsetDateTime createdAt) {
        StudySession s = new StudySession();
        s.setOrgId(orgId);
        s.setTitle(title);
        s.setFormat(FORMAT);
        s.setSpeaker("");
        s.setSessionDate(day);
        s.setSessionYear(day.getYear());
        s.setSessionMonth(day.getMonthValue());
        s.setStartTime(start);
        s.setEndTime(end);
        s.setPlace(place);
        s.setChairId(chairId);
        s.setStatus(status);
        s.setCreatedAt(createdAt);
        return s;
    }

    /** The leader approves a proposed session: it counts from now on, and its roster is told. */
    @Transactional
    public StudySession approve(CurrentUser user, long sessionId, Integer version) {
        StudySession s = toDecide(user, sessionId);
        if (!SessionScheduling.startsAt(s).isAfter(LocalDateTime.now(clock.withZone(ScheduleRules.ZONE)))) {
            throw BusinessException.invalid("session.error.past");
        }
        decide(user, s, version, SessionService.SCHEDULED, null);
        actions.record(SessionScheduling.ref(s), null, null, APPROVE, user, null);
        List<Long> onRoster = roster.of(s.getId()).stream().map(RosterEntry::getPersonId).toList();
        scheduling.tell(onRoster, SessionScheduling.link(s), "session.notify.scheduled", s.getTitle(),
            SessionScheduling.when(s), s.getPlace());
        events.publishEvent(new SessionMoved(s.getId(), SessionScheduling.startsAt(s)));
        return s;
    }

    /** The leader refuses a proposed session, with a reason the proposer is told. */
    @Transactional
    public StudySession refuse(CurrentUser user, long sessionId, Integer version, String reasonText) {
        StudySession s = toDecide(user, sessionId);
        String reason = ScheduleRules.reason(reasonText);
        decide(user, s, version, REFUSED, reason);
        actions.record(SessionScheduling.ref(s), null, null, REFUSE, user, reason);
        if (s.getProposedBy() != null) {
            notifications.notify(s.getProposedBy(), SessionScheduling.link(s), "session.notify.refused", s.getTitle(),
                reason);
        }
        return s;
    }

    /** Proposed sessions of the leader's organisation, waiting for them; empty for anyone else. */
    public List<StudySession> waiting(CurrentUser user) {
        return access.canDecide(user, user.getOrgId()) ? schedule.selectByStatus(user.getOrgId(), PROPOSED) : List.of();
    }

    private StudySession toDecide(CurrentUser user, long sessionId) {
        StudySession s = access.open(access.visible(user, sessionId));
        if (!access.canDecide(user, s.getOrgId())) {
            throw BusinessException.forbidden();
        }
        if (!PROPOSED.equals(s.getStatus())) {
            throw BusinessException.conflict("session.error.notProposed");
        }
        return s;
    }

    private void decide(CurrentUser user, StudySession s, Integer version, String status, String reason) {
        if (version == null) {
            throw BusinessException.invalid("session.error.versionRequired");
        }
        if (schedule.updateStatus(s.getId(), version, status, user.getPersonId(), reason, OffsetDateTime.now(clock)) == 0) {
            throw scheduling.lostRace(s.getId(), user);
        }
        s.setStatus(status);
        s.setVersion(version + 1);
        s.setDecidedBy(user.getPersonId());
    }
}
