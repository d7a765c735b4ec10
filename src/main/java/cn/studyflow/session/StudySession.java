package cn.studyflow.session;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import cn.studyflow.common.VersionedRow;

public class StudySession extends SessionHours implements VersionedRow {

    private Long id;
    private Long orgId;
    private Long planId;
    private int topicKey;
    private int sessionYear;
    private int sessionMonth;
    /** The day of the session once it is fixed; null while only its month is known. */
    private LocalDate sessionDate;
    private String title;
    private String format;
    private String speaker;
    private boolean enlarged;
    private String participants;
    private String status;
    private OffsetDateTime createdAt;
    private Long chairId;
    private String minutes;
    private OffsetDateTime heldAt;
    private String cancelReason;
    private OffsetDateTime signinOpenedAt;
    private OffsetDateTime signinClosedAt;
    /** The secret the rotating sign-in code is derived from while sign-in is open; never shown. */
    private String signinSecret;
    private int version;
    /** Who proposed a session that no plan topic holds, and the leader who approved or refused it. */
    private Long proposedBy;
    private Long decidedBy;
    private OffsetDateTime updatedAt;

    @Override
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getPlanId() { return planId; }
    public void setPlanId(Long planId) { this.planId = planId; }
    public int getTopicKey() { return topicKey; }
    public void setTopicKey(int topicKey) { this.topicKey = topicKey; }
    public int getSessionYear() { return sessionYear; }
    public void setSessionYear(int sessionYear) { this.sessionYear = sessionYear; }
    public int getSessionMonth() { return sessionMonth; }
    public void setSessionMonth(int sessionMonth) { this.sessionMonth = sessionMonth; }
    public LocalDate getSessionDate() { return sessionDate; }
    public void setSessionDate(LocalDate sessionDate) { this.sessionDate = sessionDate; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public String getSpeaker() { return speaker; }
    public void setSpeaker(String speaker) { this.speaker = speaker; }
    public boolean isEnlarged() { return enlarged; }
    public void setEnlarged(boolean enlarged) { this.enlarged = enlarged; }
    public String getParticipants() { return participants; }
    public void setParticipants(String participants) { this.participants = participants; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public Long getChairId() { return chairId; }
    public void setChairId(Long chairId) { this.chairId = chairId; }
    public String getMinutes() { return minutes; }
    public void setMinutes(String minutes) { this.minutes = minutes; }
    public OffsetDateTime getHeldAt() { return heldAt; }
    public void setHeldAt(OffsetDateTime heldAt) { this.heldAt = heldAt; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
    public OffsetDateTime getSigninOpenedAt() { return signinOpenedAt; }
    public void setSigninOpenedAt(OffsetDateTime signinOpenedAt) { this.signinOpenedAt = signinOpenedAt; }
    public OffsetDateTime getSigninClosedAt() { return signinClosedAt; }
    public void setSigninClosedAt(OffsetDateTime signinClosedAt) { this.signinClosedAt = signinClosedAt; }
    public String getSigninSecret() { return signinSecret; }
    public void setSigninSecret(String signinSecret) { this.signinSecret = signinSecret; }
    @Override
    public int getVersion() { return version; }
    @Override
    public void setVersion(int version) { this.version = version; }
    public Long getProposedBy() { return proposedBy; }
    public void setProposedBy(Long proposedBy) { this.proposedBy = proposedBy; }
    public Long getDecidedBy() { return decidedBy; }
    public void setDecidedBy(Long decidedBy) { this.decidedBy = decidedBy; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    @Override
    public void setUpdatedAt(OffsetDateTime updatedAt) { this.updatedAt = updatedAt; }
}
