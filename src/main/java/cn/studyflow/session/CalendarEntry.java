package cn.studyflow.session;

import java.time.LocalDate;
import java.time.LocalTime;

/** One session in a calendar cell, with how many sessions its day holds in the calendar's scope. */
public class CalendarEntry {

    private long id;
    private long orgId;
    private String orgName;
    private String title;
    private LocalDate sessionDate;
    private LocalTime startTime;
    private LocalTime endTime;
    private String place;
    private String status;
    private int dayCount;

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public long getOrgId() { return orgId; }
    public void setOrgId(long orgId) { this.orgId = orgId; }
    public String getOrgName() { return orgName; }
    public void setOrgName(String orgName) { this.orgName = orgName; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public LocalDate getSessionDate() { return sessionDate; }
    public void setSessionDate(LocalDate sessionDate) { this.sessionDate = sessionDate; }
    public LocalTime getStartTime() { return startTime; }
    public void setStartTime(LocalTime startTime) { this.startTime = startTime; }
    public LocalTime getEndTime() { return endTime; }
    public void setEndTime(LocalTime endTime) { this.endTime = endTime; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public int getDayCount() { return dayCount; }
    public void setDayCount(int dayCount) { this.dayCount = dayCount; }
}
