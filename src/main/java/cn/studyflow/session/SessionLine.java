package cn.studyflow.session;

import java.time.LocalDate;

/** A session as a line of a list or a calendar shows it: what, which day, which hours, where, and its status. */
public abstract class SessionLine extends SessionHours {

    private long id;
    private String title;
    private LocalDate sessionDate;
    private String status;

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public LocalDate getSessionDate() { return sessionDate; }
    public void setSessionDate(LocalDate sessionDate) { this.sessionDate = sessionDate; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
}
