package cn.studyflow.audit;

import cn.studyflow.common.Batches;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * What audits know of the sessions they sit in on, asked of {@link SessionService} (the sessions' table is
 * {@code session}'s): each audit read with its session's title and day, the sessions an audit may still be made
 * of, and the hours of the audits auditors are booked on. A list costs one statement for its sessions, never one
 * a row.
 */
@Component
@RequiredArgsConstructor
class AuditSessions {

    private final AuditMapper audits;
    private final SessionService sessions;
    private final OrgService orgs;

    /** The audit with its session's title and day; null when there is no such audit. */
    Audit audit(long id) {
        Audit audit = audits.selectAudit(id);
        if (audit != null) {
            withSessions(List.of(audit));
        }
        return audit;
    }

    /** A page of the audits a person may list, each with its session's title and day. */
    List<Audit> visible(AuditQuery query) {
        return withSessions(audits.selectVisible(query));
    }

    /** The audits a draw made, in the order it made them, each with its session's title and day. */
    List<Audit> ofDraw(long drawId) {
        return withSessions(audits.selectByDraw(drawId));
    }

    private List<Audit> withSessions(List<Audit> list) {
        Map<Long, StudySession> byId = sessions.byIds(list.stream().map(Audit::getSessionId).toList());
        for (Audit audit : list) {
            StudySession session = byId.get(audit.getSessionId());
            audit.setSessionTitle(session == null ? null : session.getTitle());
            audit.setSessionDay(session == null ? null : session.getSessionDate());
        }
        return list;
    }

    /** The session as the audit forms offer it, with its organisation; null when there is no such session. */
    SessionOption option(long sessionId) {
        return sessions.byId(sessionId).map(s -> SessionOption.of(s, orgs.get(s.getOrgId()))).orElse(null);
    }

    /**
     * The scheduled sessions of these organisations from month {@code from} to {@code to} that no audit stands on
     * (one declined does not count), by month, then by the organisation's place in the tree, then as made.
     */
    List<SessionOption> open(Collection<Long> orgIds, YearMonth from, YearMonth to) {
        List<StudySession> scheduled = sessions.scheduledIn(orgIds, from, to);
        Set<Long> taken = standing(scheduled.stream().map(StudySession::getId).toList());
        List<StudySession> open = scheduled.stream().filter(s -> !taken.contains(s.getId())).toList();
        Map<Long, Org> byId = orgs.byIds(open.stream().map(StudySession::getOrgId).distinct().toList());
        return open.stream().map(s -> SessionOption.of(s, byId.get(s.getOrgId()))).toList();
    }

    /** Those of these sessions an audit stands on, a statement a thousand ids. */
    private Set<Long> standing(List<Long> sessionIds) {
        return new HashSet<>(Batches.read(sessionIds, audits::selectStandingSessionIds));
    }

    /**
     * Who is booked on which audit from {@code from} to {@code to}, declined assignments and audits left out, each
     * at its session's hours when the audit sits in on the session's own day.
     */
    List<AuditMapper.Booked> bookings(LocalDate from, LocalDate to) {
        List<AuditMapper.Booked> booked = audits.selectBookings(from, to);
        Map<Long, StudySession> byId = sessions.byIds(booked.stream().map(AuditMapper.Booked::getSessionId).toList());
        booked.forEach(b -> b.hoursOf(byId.get(b.getSessionId())));
        return booked;
    }
}
