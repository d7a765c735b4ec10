package cn.studyflow.audit;

import cn.studyflow.common.VersionedRow;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.task.ActionLog;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the audit process does by itself, called by its delegates within the engine's transaction: asking the
 * auditors, drawing a replacement, confirming, concluding, and the rectification notice and deadline.
 */
@Service
@RequiredArgsConstructor
public class AuditCallbacks {

    private static final Logger log = LoggerFactory.getLogger(AuditCallbacks.class);

    private final AuditMapper audits;
    private final AuditSessions auditSessions;
    private final AuditAccess access;
    private final AuditAssignments assignments;
    private final AuditDrawService draws;
    private final OrgService orgService;
    private final ActionLog actionLog;
    private final AuditNotices notices;
    private final AuditProperties properties;
    private final Clock clock;

    /** Who files records once everyone accepted, and who of them leads. */
    record Confirmed(List<String> auditors, String lead) {
    }

    /** Usernames of the auditors asked and not answered yet: one acceptance step each. */
    @Transactional
    public List<String> pendingAuditors(long auditId) {
        return audits.selectAssignments(auditId).stream()
            .filter(a -> a.getStatus() == AssignmentStatus.PENDING)
            .map(AuditAssignment::getUsername)
            .toList();
    }

    /**
     * Draws a replacement for an auditor who declined. Returns the username drawn, or null when the pool has
     * nobody eligible left and the dept must name someone.
     */
    @Transactional
    public String redraw(long auditId, String declinedUsername) {
        Audit audit = auditSessions.audit(auditId);
        List<AuditAssignment> all = audits.selectAssignments(auditId);
        AuditAssignment declined = all.stream()
            .filter(a -> a.getUsername().equals(declinedUsername) && a.getStatus() == AssignmentStatus.DECLINED)
            .reduce((first, second) -> second)
            .orElseThrow(() -> new IllegalStateException("No declined assignment of " + declinedUsername
                + " on audit " + auditId));
        SessionOption session = auditSessions.option(audit.getSessionId());
        List<Long> asked = all.stream().map(AuditAssignment::getPersonId).toList();
        Optional<AuditDrawService.Drawn> drawn = draws.drawReplacement(audit, session, asked);
        if (drawn.isEmpty()) {
            actionLog.record(Audits.ref(audit), audit.getProcessInstanceId(), null, "AUDIT_POOL_EXHAUSTED", null,
                declined.getDisplayName());
            notices.toDept(audit, "audit.notify.poolExhausted", audit.getTitle(), declined);
            log.info("Pool exhausted for {}: the dept names a replacement for {}", Audits.ref(audit).businessKey(),
                declinedUsername);
            return null;
        }
        long personId = drawn.get().result().picks().get(0).auditorIds().get(0);
        Person person = orgService.person(personId);
        actionLog.record(Audits.ref(audit), audit.getProcessInstanceId(), null, "AUDIT_REDRAW", null,
            declined.getDisplayName() + " → " + person.getDisplayName());
        assignments.replace(audit, declined, personId, drawn.get().stored().getId());
        log.info("Replacement for {} on {}: {} (draw {})", declinedUsername, Audits.ref(audit).businessKey(),
            person.getUsername(), drawn.get().stored().getId());
        return person.getUsername();
    }

    /** Every auditor accepted: the audit is scheduled and they file records after the session. */
    @Transactional
    public Confirmed confirmAuditors(long auditId) {
        Audit audit = auditSessions.audit(auditId);
        List<AuditAssignment> accepted = audits.selectAssignments(auditId).stream()
            .filter(a -> a.getStatus() == AssignmentStatus.ACCEPTED)
            .toList();
        AuditAssignment lead = accepted.stream().filter(AuditAssignment::isLead).findFirst().orElse(accepted.get(0));
        if (!lead.isLead()) {
            lead.setLead(true);
            audits.updateAssignment(lead);
        }
        audit.setStatus(AuditStatus.SCHEDULED);
        save(audit);
        actionLog.record(Audits.ref(audit), audit.getProcessInstanceId(), null, "AUDIT_CONFIRMED", null, null);
        notices.toDept(audit, "audit.notify.confirmed", audit.getTitle(), audit.getSessionDate().toString());
        if (audit.getAuditMode() != AuditMode.RANDOM) {
            notices.toSecretary(audit, "audit.notify.scheduled", audit.getTitle(), audit.getSessionDate().toString());
        }
        return new Confirmed(accepted.stream().map(AuditAssignment::getUsername).toList(), lead.getUsername());
    }

    /** All records are in: rectification is needed when any auditor asks for it. */
    @Transactional
    public Verdict conclude(long auditId) {
        Audit audit = auditSessions.audit(auditId);
        Verdict verdict = audits.selectRecords(auditId).stream().anyMatch(r -> r.getVerdict() == Verdict.RECTIFY)
            ? Verdict.RECTIFY : Verdict.PASS;
        audit.setVerdict(verdict);
        if (verdict == Verdict.PASS) {
            audit.setStatus(AuditStatus.PASSED);
            audit.setClosedAt(OffsetDateTime.now(clock));
            save(audit);
            actionLog.record(Audits.ref(audit), audit.getProcessInstanceId(), null, "AUDIT_PASSED", null, null);
            notices.toDept(audit, "audit.notify.passed", audit.getTitle());
            notices.toSecretary(audit, "audit.notify.passed", audit.getTitle());
        } else {
            audit.setStatus(AuditStatus.RECTIFYING);
            save(audit);
        }
        return verdict;
    }

    /** Tells the audited organisation's secretary what to rectify by when; returns the deadline. */
    @Transactional
    public LocalDate noticeRectification(long auditId) {
        Audit audit = auditSessions.audit(auditId);
        LocalDate deadline = access.today().plusDays(properties.rectificationDays());
        audit.setRectificationDeadline(deadline);
        save(audit);
        actionLog.record(Audits.ref(audit), audit.getProcessInstanceId(), null, "AUDIT_RECTIFY_NOTICE", null,
            deadline.toString());
        notices.toSecretary(audit, "audit.notify.rectify", audit.getTitle(), deadline.toString());
        return deadline;
    }

    /** The rectification deadline passed with no report: the dept and the lead auditor are told. */
    @Transactional
    public void reportOverdue(long auditId) {
        Audit audit = auditSessions.audit(auditId);
        if (audit.getStatus() != AuditStatus.RECTIFYING) {
            return;
        }
        String deadline = String.valueOf(audit.getRectificationDeadline());
        actionLog.record(Audits.ref(audit), audit.getProcessInstanceId(), null, "AUDIT_RECTIFY_OVERDUE", null,
            deadline);
        notices.toDept(audit, "audit.notify.overdue", audit.getTitle(), deadline);
        assignments.lead(audit).ifPresent(lead -> notices.toPerson(lead.getPersonId(), audit, "audit.notify.overdue",
            audit.getTitle(), deadline));
    }

    /** The acceptance window closed with auditors who have not answered: the dept is told who. */
    @Transactional
    public void reportPendingAcceptance(long auditId) {
        Audit audit = auditSessions.audit(auditId);
        if (audit.getStatus() != AuditStatus.ASSIGNING) {
            return;
        }
        String pending = audits.selectAssignments(auditId).stream()
            .filter(a -> a.getStatus() == AssignmentStatus.PENDING)
            .map(AuditAssignment::getDisplayName)
            .collect(Collectors.joining("、"));
        if (pending.isEmpty()) {
            return;
        }
        actionLog.record(Audits.ref(audit), audit.getProcessInstanceId(), null, "AUDIT_ACCEPTANCE_OVERDUE", null,
            pending);
        notices.toDept(audit, "audit.notify.acceptancePending", audit.getTitle(), audit.getSessionDate().toString(),
            pending);
    }

    private void save(Audit audit) {
        VersionedRow.save(audit, audits::updateAudit, clock);
    }
}
