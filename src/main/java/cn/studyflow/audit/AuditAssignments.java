package cn.studyflow.audit;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.common.BusinessException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Who sits in on an audit: which pool members may be asked, asking them, and who leads. Planning, the
 * dept's decisions and the process's own redraw all ask auditors the same way.
 */
@Component
@RequiredArgsConstructor
class AuditAssignments {

    private final AuditMapper audits;
    private final AuditSessions auditSessions;
    private final OrgService orgService;
    private final AuditNotices notices;
    private final AuditProperties properties;
    private final Clock clock;

    /** Active auditors of the programme who may still be asked for this audit: none booked at the same time. */
    List<PoolMember> eligible(Audit audit) {
        Set<Long> asked = audits.selectAssignments(audit.getId()).stream().map(AuditAssignment::getPersonId)
            .collect(Collectors.toSet());
        Org audited = orgService.get(audit.getOrgId());
        SessionOption session = auditSessions.option(audit.getSessionId());
        Set<Long> busy = clashes(session.slotOn(audit.getSessionDate()), audit.getId()).stream()
            .map(AuditMapper.Booked::getPersonId).collect(Collectors.toSet());
        return audits.selectActiveAuditors(audit.getDeptOrgId()).stream()
            .filter(m -> !asked.contains(m.getPersonId()))
            .filter(m -> !busy.contains(m.getPersonId()))
            .filter(m -> !conflicts(m, audited))
            .toList();
    }

    /** The bookings that clash with an audit at {@code slot}, other than on the audit {@code auditId} itself. */
    private List<AuditMapper.Booked> clashes(AuditDraw.Slot slot, Long auditId) {
        return auditSessions.bookings(slot.day(), slot.day()).stream()
            .filter(b -> !b.getAuditId().equals(auditId))
            .filter(b -> b.slot().clashes(slot))
            .toList();
    }

    /**
     * The chosen auditors, lead first: each an active member of the programme's pool, none of the audited
     * organisation or below it, none booked on another audit at the same time (the same day, or overlapping
     * hours when both sessions have them) — the refusal names the other audit.
     */
    List<PoolMember> valid(long deptOrgId, SessionOption session, LocalDate day, Long auditId, List<Long> ids,
                           Long leadId) {
        List<Long> chosen = ids == null ? List.of() : ids.stream().filter(Objects::nonNull).distinct().toList();
        if (chosen.isEmpty()) {
            throw BusinessException.invalid("audit.error.noAuditors");
        }
        if (chosen.size() > properties.maxAuditorsPerSession()) {
            throw BusinessException.invalid("audit.error.tooManyAuditors", properties.maxAuditorsPerSession());
        }
        Map<Long, PoolMember> active = new HashMap<>();
        audits.selectActiveAuditors(deptOrgId).forEach(m -> active.put(m.getPersonId(), m));
        Org audited = orgService.get(session.getOrgId());
        List<PoolMember> members = new ArrayList<>();
        for (Long id : chosen) {
            PoolMember member = active.get(id);
            if (member == null) {
                throw BusinessException.invalid("audit.error.auditorNotEligible");
            }
            if (conflicts(member, audited)) {
                throw BusinessException.invalid("audit.error.auditorConflict", member.getDisplayName(),
                    audited.getName());
            }
            members.add(member);
        }
        AuditDraw.Slot slot = session.slotOn(day);
        for (AuditMapper.Booked other : clashes(slot, auditId)) {
            if (chosen.contains(other.getPersonId())) {
                throw BusinessException.conflict(other.slot().start() != null && slot.start() != null
                        ? "audit.error.auditorBusyHours" : "audit.error.auditorBusy",
                    other.getDisplayName(), other.getSitInDay().toString(), other.getTitle(),
                    other.getStartTime() == null ? "" : other.getStartTime() + "–" + other.getEndTime());
            }
        }
        long lead = leadId == null ? chosen.get(0) : leadId;
        PoolMember leader = members.stream().filter(m -> m.getPersonId() == lead).findFirst()
            .orElseThrow(() -> BusinessException.invalid("audit.error.leadNotAssigned"));
        List<PoolMember> ordered = new ArrayList<>();
        ordered.add(leader);
        members.stream().filter(m -> m != leader).forEach(ordered::add);
        return ordered;
    }

    /** Asks the auditors, the first of them to lead, and tells each of them. */
    void ask(Audit audit, List<PoolMember> auditors, Long drawId) {
        boolean first = true;
        for (PoolMember m : auditors) {
            audits.insertAssignment(newAssignment(audit, m.getPersonId(), first, null, drawId));
            first = false;
        }
        notifyAssigned(audit, auditors.stream().map(PoolMember::getPersonId).toList());
    }

    /**
     * Asks {@code personId} in place of an auditor who declined; they also take over the lead. Returns the
     * new assignment.
     */
    AuditAssignment replace(Audit audit, AuditAssignment declined, long personId, Long drawId) {
        AuditAssignment replacement = newAssignment(audit, personId, declined.isLead(), declined.getId(), drawId);
        audits.insertAssignment(replacement);
        if (declined.isLead()) {
            declined.setLead(false);
            audits.updateAssignment(declined);
        }
        notifyAssigned(audit, List.of(personId));
        return replacement;
    }

    /** The lead auditor, unless they declined. */
    Optional<AuditAssignment> lead(Audit audit) {
        return audits.selectAssignments(audit.getId()).stream()
            .filter(a -> a.isLead() && a.getStatus() != AssignmentStatus.DECLINED)
            .findFirst();
    }

    private AuditAssignment newAssignment(Audit audit, long personId, boolean lead, Long replacesId, Long drawId) {
        AuditAssignment a = new AuditAssignment();
        a.setAuditId(audit.getId());
        a.setPersonId(personId);
        a.setLead(lead);
        a.setStatus(AssignmentStatus.PENDING);
        a.setReplacesId(replacesId);
        a.setDrawId(drawId);
        a.setAssignedAt(OffsetDateTime.now(clock));
        return a;
    }

    private void notifyAssigned(Audit audit, List<Long> personIds) {
        personIds.forEach(id -> notices.toPerson(id, audit, "audit.notify.assigned", audit.getTitle(),
            audit.getSessionDate().toString()));
    }

    /** Nobody audits the organisation they belong to, nor one above it. */
    private static boolean conflicts(PoolMember member, Org audited) {
        return member.getPersonOrgPath().startsWith(audited.getPath());
    }
}
