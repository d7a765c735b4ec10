package cn.studyflow.session;

import java.time.LocalDate;
import java.time.OffsetDateTime;

public class StudySession {

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
}
