package cn.studyflow.audit;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.Decision;
import cn.studyflow.task.SubjectProvider;
import cn.studyflow.workflow.TaskInfo;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Shows audits on task pages. Every step but the review of a rectification report is decided on the
 * audit's own forms (posting to {@link AuditTaskController}); that review uses the generic approve-or-return
 * form.
 */
@Component
class AuditSubjects implements SubjectProvider {

    private final AuditService audits;
    private final AuditMapper mapper;

    AuditSubjects(AuditService audits, AuditMapper mapper) {
        this.audits = audits;
        this.mapper = mapper;
    }

    @Override
    public String type() {
        return AuditSitInProcess.SUBJECT_TYPE;
    }

    @Override
    public Long orgId(long id) {
        Audit audit = mapper.selectAudit(id);
        return audit == null ? null : audit.getOrgId();
    }

    @Override
    public String link(long id) {
        return "/audits/" + id;
    }

    @Override
    public String fragment() {
        return "audit/fragments :: subject";
    }

    @Override
    public Map<String, Object> model(long id, CurrentUser user) {
        Audit audit = audits.get(id, user);
        Map<String, Object> model = new HashMap<>();
        model.put("audit", audit);
        model.put("assignments", audits.assignments(audit));
        model.put("records", audits.records(audit));
        model.put("rectifications", audits.rectifications(audit));
        model.put("eligibleAuditors", audits.eligibleAuditors(audit));
        model.put("checklist", audits.checklist());
        return model;
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
