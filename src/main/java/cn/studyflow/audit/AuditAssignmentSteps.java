package cn.studyflow.audit;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The steps that settle who sits in, decided on the audit's own forms: the dept's answer to an invitation, an
 * auditor's answer to an assignment, and the dept's choice of a replacement when the pool ran dry. Each runs
 * as one step through {@link AuditTasks#run}, posted by task (pages) or by audit (API).
 */
@Service
@RequiredArgsConstructor
public class AuditAssignmentSteps {

    private final AuditMapper audits;
    private final AuditSessions auditSessions;
    private final AuditAccess access;
    private final AuditTasks tasks;
    private final AuditAssignments assignments;
    private final AuditNotices notices;
    private final Clock clock;

    public void decideInvitation(long auditId, CurrentUser user, AuditRequests.InvitationDecision decision) {
        decideInvitation(tasks.taskIdFor(auditId, user, AuditSitInProcess.TASK_REVIEW_INVITATION), user, decision);
    }

    /** The dept approves an invitation and names the auditors, or declines it with a reason. */
    public void decideInvitation(String taskId, CurrentUser user, AuditRequests.InvitationDecision decision) {
        tasks.run(taskId, user, AuditSitInProcess.TASK_REVIEW_INVITATION, (step, audit) -> {
            access.requireRuns(user, audit.getDeptOrgId());
            if (decision.approve() == null) {
                throw BusinessException.invalid("task.decisionRequired");
            }
            if (decision.approve()) {
                SessionOption session = auditSessions.option(audit.getSessionId());
                List<PoolMember> auditors = assignments.valid(audit.getDeptOrgId(), session, audit.getSessionDate(),
                    audit.getId(), decision.auditorIds(), decision.leadId());
                assignments.ask(audit, auditors, null);
                audit.setStatus(AuditStatus.ASSIGNING);
                save(audit);
                notices.toSecretary(audit, "audit.notify.invitationApproved", audit.getTitle(),
                    audit.getSessionDate().toString());
                step.complete("AUDIT_INVITE_APPROVE", null, Map.of(AuditSitInProcess.VAR_INVITATION_APPROVED, true));
            } else {
                String reason = Audits.text(decision.reason(), Audits.MAX_NOTE);
                if (reason == null) {
                    throw BusinessException.invalid("audit.error.reasonRequired");
                }
                audit.setStatus(AuditStatus.DECLINED);
                audit.setDeclineReason(reason);
                audit.setClosedAt(OffsetDateTime.now(clock));
                save(audit);
                notices.toSecretary(audit, "audit.notify.invitationDeclined", audit.getTitle(), reason);
                step.complete("AUDIT_INVITE_DECLINE", reason, Map.of(AuditSitInProcess.VAR_INVITATION_APPROVED, false));
            }
        });
    }

    public void respond(long auditId, CurrentUser user, AuditRequests.Response response) {
        respond(tasks.taskIdFor(auditId, user, AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT), user, response);
    }

    /** An auditor accepts their assignment, or declines it with a reason; a decline draws a replacement. */
    public void respond(String taskId, CurrentUser user, AuditRequests.Response response) {
        tasks.run(taskId, user, AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT, (step, audit) -> {
            if (!step.isAssignee()) {
                throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.notAssigned");
            }
            if (response.accept() == null) {
                throw BusinessException.invalid("task.decisionRequired");
            }
            AuditAssignment assignment = audits.selectAssignments(audit.getId()).stream()
                .filter(a -> a.getPersonId() == user.getPersonId() && a.getStatus() == AssignmentStatus.PENDING)
                .findFirst()
                .orElseThrow(() -> BusinessException.conflict("task.changed"));
            String reason = Audits.text(response.reason(), 500);
            if (!response.accept() && reason == null) {
                throw BusinessException.invalid("audit.error.reasonRequired");
            }
            assignment.setStatus(response.accept() ? AssignmentStatus.ACCEPTED : AssignmentStatus.DECLINED);
            assignment.setDeclineReason(response.accept() ? null : reason);
            assignment.setRespondedAt(OffsetDateTime.now(clock));
            audits.updateAssignment(assignment);
            if (!response.accept()) {
                notices.toDept(audit, "audit.notify.declined", user, audit.getTitle(), reason);
            }
            step.complete(response.accept() ? "AUDIT_ACCEPT" : "AUDIT_DECLINE", response.accept() ? null : reason,
                Map.of(AuditSitInProcess.VAR_ACCEPTED, response.accept()));
        });
    }

    public void reassign(long auditId, CurrentUser user, Long personId) {
        reassign(tasks.taskIdFor(auditId, user, AuditSitInProcess.TASK_REASSIGN_AUDITOR), user, personId);
    }

    /** The dept names an auditor in place of one who declined when the pool had nobody left to draw. */
    public void reassign(String taskId, CurrentUser user, Long personId) {
        tasks.run(taskId, user, AuditSitInProcess.TASK_REASSIGN_AUDITOR, (step, audit) -> {
            access.requireRuns(user, audit.getDeptOrgId());
            List<AuditAssignment> all = audits.selectAssignments(audit.getId());
            Set<Long> replaced = all.stream().map(AuditAssignment::getReplacesId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
            AuditAssignment slot = all.stream()
                .filter(a -> a.getStatus() == AssignmentStatus.DECLINED && !replaced.contains(a.getId()))
                .findFirst()
                .orElseThrow(() -> BusinessException.conflict("task.changed"));
            PoolMember chosen = assignments.eligible(audit).stream()
                .filter(m -> m.getPersonId().equals(personId))
                .findFirst()
                .orElseThrow(() -> BusinessException.invalid("audit.error.auditorNotEligible"));
            assignments.replace(audit, slot, chosen.getPersonId(), null);
            step.complete("AUDIT_REASSIGN", chosen.getDisplayName(),
                Map.of(AuditSitInProcess.VAR_AUDITOR, chosen.getUsername()));
        });
    }

    private void save(Audit audit) {
        VersionedRow.save(audit, audits::updateAudit, clock);
    }
}
