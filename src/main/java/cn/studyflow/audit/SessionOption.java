package cn.studyflow.audit;

import java.time.LocalDate;
import java.time.LocalTime;

/** A study session as the audit forms and draws offer it: with its organisation, not yet audited. */
public class SessionOption {

    private Long id;
    private Long orgId;
    private String orgName;
    private String orgPath;
    private int sessionYear;
    private int sessionMonth;
    private String title;
    private String speaker;
    /** The session's day and hour once scheduled; null while it has only a month. */
    private LocalDate sessionDate;
    private LocalTime startTime;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getOrgName() { return orgName; }
    public void setOrgName(String orgName) { this.orgName = orgName; }
    public String getOrgPath() { return orgPath; }
    public void setOrgPath(String orgPath) { this.orgPath = orgPath; }
    public int getSessionYear() { return sessionYear; }
    public void setSessionYear(int sessionYear) { this.sessionYear = sessionYear; }
    public int getSessionMonth() { return sessionMonth; }
    public void setSessionMonth(int sessionMonth) { this.sessionMonth = sessionMonth; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSpeaker() { return speaker; }
    public void setSpeaker(String speaker) { this.speaker = speaker; }
    public LocalDate getSessionDate() { return sessionDate; }
    public void setSessionDate(LocalDate sessionDate) { this.sessionDate = sessionDate; }
    public LocalTime getStartTime() { return startTime; }
    public void setStartTime(LocalTime startTime) { this.startTime = startTime; }

    AuditDraw.SessionCandidate candidate() {
        return new AuditDraw.SessionCandidate(id, orgId, orgPath, sessionYear, sessionMonth);
    }
}
