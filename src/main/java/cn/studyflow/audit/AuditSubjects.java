package cn.studyflow.audit;

import cn.studyflow.org.ClosedYears;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.Decision;
import cn.studyflow.task.SubjectSupport;
import cn.studyflow.workflow.TaskInfo;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Shows audits on task pages. Every step but the review of a rectification report is decided on the
 * audit's own forms (posting to {@link AuditTaskController}); that review uses the generic approve-or-return
 * form. Who sees an audit is {@link AuditAccess}'s rule: a random audit stays hidden from the audited group
 * until its day, on every page and operation alike.
 */
@Component
class AuditSubjects extends SubjectSupport<Audit> {

    private final AuditService audits;
    private final AuditMapper mapper;
    private final AuditAccess access;
    private final ClosedYears closedYears;

    AuditSubjects(AuditService audits, AuditMapper mapper, AuditSessions auditSessions, AuditAccess access,
                  ClosedYears closedYears) {
        super(AuditSitInProcess.SUBJECT, auditSessions::audit, Audit::getOrgId, mapper::selectJournalOwners);
        this.audits = audits;
        this.mapper = mapper;
        this.access = access;
        this.closedYears = closedYears;
    }

    @Override
    protected void requireOpenYear(Audit audit) {
        closedYears.requireOpen(audit.getOrgId(), audit.getAuditYear());
    }

    @Override
    protected boolean canSee(Audit audit, CurrentUser user) {
        return access.canSee(user, audit, mapper.selectAssignments(audit.getId()));
    }

    @Override
    public Map<String, Object> model(long id, CurrentUser user) {
        Audit audit = audits.get(id, user);
        return Map.of("audit", audit, "assignments", audits.assignments(audit), "records", audits.records(audit),
            "rectifications", audits.rectifications(audit), "eligibleAuditors", audits.eligibleAuditors(audit),
            "checklist", audits.checklist());
    }

    @Override
    public String form(TaskInfo task) {
        return switch (task.step()) {
            case AuditSitInProcess.TASK_REVIEW_INVITATION -> "audit/fragments :: invitationStep";
            case AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT -> "audit/fragments :: acceptStep";
            case AuditSitInProcess.TASK_REASSIGN_AUDITOR -> "audit/fragments :: reassignStep";
            case AuditSitInProcess.TASK_FILE_RECORD -> "audit/fragments :: recordStep";
            case AuditSitInProcess.TASK_SUBMIT_RECTIFICATION -> "audit/fragments :: rectificationStep";
            default -> null;
        };
    }

    @Override
    public void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        audits.onDecision(id, task, decision, comment, user);
    }
}
