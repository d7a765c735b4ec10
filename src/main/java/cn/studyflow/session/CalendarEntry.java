package cn.studyflow.session;

/** One session in a calendar cell, with how many sessions its day holds in the calendar's scope. */
public class CalendarEntry extends SessionLine {

    private long orgId;
    private String orgName;
    private int dayCount;

    public long getOrgId() { return orgId; }
    public void setOrgId(long orgId) { this.orgId = orgId; }
    public String getOrgName() { return orgName; }
    public void setOrgName(String orgName) { this.orgName = orgName; }
    public int getDayCount() { return dayCount; }
    public void setDayCount(int dayCount) { this.dayCount = dayCount; }
}
