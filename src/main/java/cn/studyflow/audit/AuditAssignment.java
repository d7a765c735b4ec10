package cn.studyflow.audit;

import java.time.OffsetDateTime;

/** One auditor asked to sit in on one audit, with their answer. */
public class AuditAssignment extends AuditorColumns {

    private Long id;
    private Long auditId;
    private boolean lead;
    private AssignmentStatus status;
    private String declineReason;
    private Long replacesId;
    private Long drawId;
    private OffsetDateTime assignedAt;
    private OffsetDateTime respondedAt;
    // joined for display

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getAuditId() { return auditId; }
    public void setAuditId(Long auditId) { this.auditId = auditId; }
    public boolean isLead() { return lead; }
    public void setLead(boolean lead) { this.lead = lead; }
    public AssignmentStatus getStatus() { return status; }
    public void setStatus(AssignmentStatus status) { this.status = status; }
    public String getDeclineReason() { return declineReason; }
    public void setDeclineReason(String declineReason) { this.declineReason = declineReason; }
    public Long getReplacesId() { return replacesId; }
    public void setReplacesId(Long replacesId) { this.replacesId = replacesId; }
    public Long getDrawId() { return drawId; }
    public void setDrawId(Long drawId) { this.drawId = drawId; }
    public OffsetDateTime getAssignedAt() { return assignedAt; }
    public void setAssignedAt(OffsetDateTime assignedAt) { this.assignedAt = assignedAt; }
    public OffsetDateTime getRespondedAt() { return respondedAt; }
    public void setRespondedAt(OffsetDateTime respondedAt) { this.respondedAt = respondedAt; }
}
