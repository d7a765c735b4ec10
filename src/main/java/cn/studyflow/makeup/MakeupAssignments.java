package cn.studyflow.makeup;

import cn.studyflow.common.VersionedRow;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Roster;
import cn.studyflow.session.RosterEntry;
import cn.studyflow.session.SessionHeld;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session marked held gives every person its roster has on leave or absent a make-up, due
 * {@code studyflow.makeup.days} later, and starts its process. Runs in the transaction that marks the session held;
 * a person who has a make-up of the session already gets none again, so marking held twice starts nothing twice.
 */
@Service
@RequiredArgsConstructor
public class MakeupAssignments {

    /** Who makes a session up. */
    static final Set<Attendance> MISSED = EnumSet.of(Attendance.LEAVE, Attendance.ABSENT);

    private static final Logger log = LoggerFactory.getLogger(MakeupAssignments.class);

    private final MakeupMapper makeups;
    private final Roster roster;
    private final SessionService sessions;
    private final OrgService orgService;
    private final Workflow workflow;
    private final NotificationService notifications;
    private final MakeupProperties properties;
    private final Clock clock;

    @EventListener
    void onHeld(SessionHeld held) {
        StudySession session = sessions.byId(held.sessionId()).orElseThrow();
        int assigned = 0;
        for (RosterEntry e : roster.of(held.sessionId())) {
            if (MISSED.contains(e.getAttendance()) && assign(session, e).isPresent()) {
                assigned++;
            }
        }
        log.info("Session {} held: {} make-ups assigned", held.sessionId(), assigned);
    }

    /** {@link #assign} in a transaction of its own (the demo's make-up). */
    @Transactional
    public Optional<Makeup> assign(long sessionId, long personId) {
        StudySession session = sessions.byId(sessionId).orElseThrow();
        return roster.entry(sessionId, personId).filter(e -> MISSED.contains(e.getAttendance()))
            .flatMap(e -> assign(session, e));
    }

    /** The make-up of one person who missed the session, unless they have one of it already. */
    Optional<Makeup> assign(StudySession session, RosterEntry entry) {
        if (makeups.selectBySessionAndPerson(session.getId(), entry.getPersonId()) != null) {
            return Optional.empty();
        }
        Person person = orgService.person(entry.getPersonId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Instant dueAt = properties.dueAt(now.toInstant());
        Makeup m = new Makeup();
        m.start(session.getOrgId(), session.getId(), entry.getPersonId(), clock);
        m.setAbsence(entry.getAttendance());
        m.setStatus(MakeupStatus.ASSIGNED);
        m.setDueAt(dueAt.atZone(clock.getZone()).toOffsetDateTime());
        makeups.insert(m);
        Map<String, Object> vars = Workflow.startVariables(MakeupStudyProcess.VAR_MAKEUP_ID, m.getId(), m.getOrgId(),
            person.getDisplayName() + " · " + session.getTitle());
        vars.put(MakeupStudyProcess.VAR_MEMBER_USERNAME, person.getUsername());
        vars.put(MakeupStudyProcess.VAR_DUE_AT, Date.from(dueAt));
        vars.put(MakeupStudyProcess.VAR_REMIND_AT, Date.from(properties.remindAt(dueAt, now.toInstant())));
        m.setProcessInstanceId(workflow.start(MakeupStudyProcess.KEY, Makeups.ref(m).businessKey(), vars));
        VersionedRow.save(m, makeups::update, clock);
        notifications.notify(m.getPersonId(), Makeups.link(m), "makeup.notify.assigned", session.getTitle(),
            m.getDueAt().toLocalDate().toString());
        return Optional.of(m);
    }
}
