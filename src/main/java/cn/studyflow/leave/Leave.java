package cn.studyflow.leave;

import cn.studyflow.common.VersionedRow;
import java.time.OffsetDateTime;

/** One person's request for leave from one session (table sf_leave). */
public class Leave implements VersionedRow {

    private Long id;
    private long orgId;
    private long sessionId;
    private long personId;
    private LeaveReason reason;
    private String detail;
    private LeaveStatus status;
    private String processInstanceId;
    /** When the session starts, as it was last scheduled. */
    private OffsetDateTime startsAt;
    private Long decidedBy;
    private OffsetDateTime decidedAt;
    private String decisionComment;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;
    private int version;
    // read with the row: names for pages
    private String applicantName;
    private String applicantUsername;
    private String deciderName;
    // added from the session for pages
    private String sessionTitle;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getOrgId() { return orgId; }
    public void setOrgId(long orgId) { this.orgId = orgId; }
    public long getSessionId() { return sessionId; }
    public void setSessionId(long sessionId) { this.sessionId = sessionId; }
    public long getPersonId() { return personId; }
    public void setPersonId(long personId) { this.personId = personId; }
    public LeaveReason getReason() { return reason; }
    public void setReason(LeaveReason reason) { this.reason = reason; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
    public LeaveStatus getStatus() { return status; }
    public void setStatus(LeaveStatus status) { this.status = status; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public OffsetDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(OffsetDateTime startsAt) { this.startsAt = startsAt; }
    public Long getDecidedBy() { return decidedBy; }
    public void setDecidedBy(Long decidedBy) { this.decidedBy = decidedBy; }
    public OffsetDateTime getDecidedAt() { return decidedAt; }
    public void setDecidedAt(OffsetDateTime decidedAt) { this.decidedAt = decidedAt; }
    public String getDecisionComment() { return decisionComment; }
    public void setDecisionComment(String decisionComment) { this.decisionComment = decisionComment; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    @Override public void setUpdatedAt(OffsetDateTime updatedAt) { this.updatedAt = updatedAt; }
    @Override public int getVersion() { return version; }
    @Override public void setVersion(int version) { this.version = version; }
    public String getApplicantName() { return applicantName; }
    public void setApplicantName(String applicantName) { this.applicantName = applicantName; }
    public String getApplicantUsername() { return applicantUsername; }
    public void setApplicantUsername(String applicantUsername) { this.applicantUsername = applicantUsername; }
    public String getDeciderName() { return deciderName; }
    public void setDeciderName(String deciderName) { this.deciderName = deciderName; }
    public String getSessionTitle() { return sessionTitle; }
    public void setSessionTitle(String sessionTitle) { this.sessionTitle = sessionTitle; }
}
