package cn.studyflow.audit;

import cn.studyflow.common.VersionedRow;
import cn.studyflow.journal.JournalDates;
import cn.studyflow.session.SessionMoved;
import cn.studyflow.session.SessionService;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When an audit's dates fall: the auditors sit in at the session's start (its day at its hour), and must have
 * answered {@code acceptanceDays} before that. When the session moves ({@link SessionMoved}), the audits not
 * sat in yet move with it in the same transaction: their day, the variables their process counts from
 * ({@code acceptBy}, and {@code hiddenUntil} of a random audit, in the status journal too) and the waiting
 * acceptance timer. A cancelled
 * session leaves them as they are and tells the dept and the auditors, who decide what becomes of the audit.
 */
@Service
@RequiredArgsConstructor
public class AuditDeadlines {

    private static final Logger log = LoggerFactory.getLogger(AuditDeadlines.class);

    private final AuditMapper audits;
    private final AuditSessions auditSessions;
    private final Workflow workflow;
    private final JournalDates journal;
    private final AuditNotices notices;
    private final AuditProperties properties;
    private final Clock clock;

    /** When the auditors sit in: the session's start on its own day, else the audit's day at the usual hour. */
    static LocalDateTime sitInAt(LocalDate day, LocalDate sessionDay, LocalTime sessionStart) {
        boolean sessionsOwnDay = day.equals(sessionDay) && sessionStart != null;
        return day.atTime(sessionsOwnDay ? sessionStart : SessionService.DEFAULT_START);
    }

    /** By when every auditor asked must have answered. */
    LocalDateTime acceptBy(LocalDateTime sitInAt) {
        return sitInAt.minusDays(properties.acceptanceDays());
    }

    /** The variables of audit-sit-in.bpmn that count from the day the auditors sit in. */
    Map<String, Object> variables(Audit audit, LocalDateTime sitInAt) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(AuditSitInProcess.VAR_ACCEPT_BY, date(acceptBy(sitInAt)));
        if (audit.getAuditMode() == AuditMode.RANDOM) {
            // the audited organisation finds the task neither listed nor counted before the day
            vars.put(Workflow.VAR_HIDDEN_UNTIL, date(audit.getSessionDate().atStartOfDay()));
        }
        return vars;
    }

    @EventListener
    @Transactional
    public void sessionMoved(SessionMoved moved) {
        moved.follow(audits.selectWaitingAuditIds(moved.sessionId()), auditSessions::audit, audit -> {
            tell(audit, "audit.notify.sessionCancelled");
            log.info("Session {} cancelled: audit {} left as it is", moved.sessionId(), audit.getId());
        }, this::move);
    }

    private void move(Audit audit, LocalDateTime startsAt) {
        boolean dayMoved = !startsAt.toLocalDate().equals(audit.getSessionDate());
        if (dayMoved) {
            audit.setSessionDate(startsAt.toLocalDate());
            VersionedRow.save(audit, audits::updateAudit, clock);
        }
        String instance = audit.getProcessInstanceId();
        if (instance != null && workflow.isRunning(instance)) {
            Map<String, Object> vars = variables(audit, startsAt);
            vars.forEach((name, value) -> workflow.setVariable(instance, name, value));
            workflow.moveTimer(instance, AuditSitInProcess.TIMER_ACCEPTANCE_OVERDUE,
                (Date) vars.get(AuditSitInProcess.VAR_ACCEPT_BY));
            if (vars.get(Workflow.VAR_HIDDEN_UNTIL) instanceof Date hidden) {
                journal.hiddenUntil(instance, hidden.toInstant().atZone(clock.getZone()).toOffsetDateTime());
            }
        }
        if (dayMoved) {
            tell(audit, "audit.notify.dayMoved");
            log.info("Audit {} moved to {} with session {}", Audits.ref(audit).businessKey(), audit.getSessionDate(),
                audit.getSessionId());
        }
    }

    /** The dept that runs the audit and the auditors asked; never the audited organisation of a random audit. */
    private void tell(Audit audit, String messageKey) {
        String day = audit.getSessionDate().toString();
        notices.toDept(audit, messageKey, audit.getTitle(), day);
        audits.selectAssignments(audit.getId()).stream()
            .filter(a -> a.getStatus() != AssignmentStatus.DECLINED)
            .forEach(a -> notices.toPerson(a.getPersonId(), audit, messageKey, audit.getTitle(), day));
    }

    private Date date(LocalDateTime time) {
        return Date.from(time.atZone(clock.getZone()).toInstant());
    }
}
