package cn.studyflow.audit;

import cn.studyflow.common.VersionedRow;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One sit-in on one study session of an organisation, run by the dept of an organisation above it. */
public class Audit implements VersionedRow {

    private Long id;
    private Long deptOrgId;
    private Long orgId;
    private Long sessionId;
    private AuditMode auditMode;
    private AuditStatus status;
    private LocalDate sessionDate;
    private int auditYear;
    private String title;
    private Long drawId;
    private String requestNote;
    private String declineReason;
    private Verdict verdict;
    private LocalDate rectificationDeadline;
    private String processInstanceId;
    private Long createdBy;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;
    private OffsetDateTime closedAt;
    private int version;
    // joined for display
    private String orgName;
    private String deptOrgName;
    private String sessionTitle;
    /** The day of the audited session itself; null while the session has no day yet. */
    private LocalDate sessionDay;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getDeptOrgId() { return deptOrgId; }
    public void setDeptOrgId(Long deptOrgId) { this.deptOrgId = deptOrgId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getSessionId() { return sessionId; }
    public void setSessionId(Long sessionId) { this.sessionId = sessionId; }
    public AuditMode getAuditMode() { return auditMode; }
    public void setAuditMode(AuditMode auditMode) { this.auditMode = auditMode; }
    public AuditStatus getStatus() { return status; }
    public void setStatus(AuditStatus status) { this.status = status; }
    public LocalDate getSessionDate() { return sessionDate; }
    public void setSessionDate(LocalDate sessionDate) { this.sessionDate = sessionDate; }
    public int getAuditYear() { return auditYear; }
    public void setAuditYear(int auditYear) { this.auditYear = auditYear; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Long getDrawId() { return drawId; }
    public void setDrawId(Long drawId) { this.drawId = drawId; }
    public String getRequestNote() { return requestNote; }
    public void setRequestNote(String requestNote) { this.requestNote = requestNote; }
    public String getDeclineReason() { return declineReason; }
    public void setDeclineReason(String declineReason) { this.declineReason = declineReason; }
    public Verdict getVerdict() { return verdict; }
    public void setVerdict(Verdict verdict) { this.verdict = verdict; }
    public LocalDate getRectificationDeadline() { return rectificationDeadline; }
    public void setRectificationDeadline(LocalDate rectificationDeadline) { this.rectificationDeadline = rectificationDeadline; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(OffsetDateTime updatedAt) { this.updatedAt = updatedAt; }
    public OffsetDateTime getClosedAt() { return closedAt; }
    public void setClosedAt(OffsetDateTime closedAt) { this.closedAt = closedAt; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public String getOrgName() { return orgName; }
    public void setOrgName(String orgName) { this.orgName = orgName; }
    public String getDeptOrgName() { return deptOrgName; }
    public void setDeptOrgName(String deptOrgName) { this.deptOrgName = deptOrgName; }
    public String getSessionTitle() { return sessionTitle; }
    public void setSessionTitle(String sessionTitle) { this.sessionTitle = sessionTitle; }
    public LocalDate getSessionDay() { return sessionDay; }
    public void setSessionDay(LocalDate sessionDay) { this.sessionDay = sessionDay; }
}
