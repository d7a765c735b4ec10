package cn.studyflow.status;

import cn.studyflow.org.Org;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * One organisation of a subtree in a year: the status of its annual plans of the year and the next, study sessions held against planned,
 * materials waiting at each review step and since when, audits done, their average score and open rectifications.
 */
@RequiredArgsConstructor
public class OrgFigures {

    /** Materials waiting at one review step: how many, and since when the oldest has waited. */
    public record Waiting(String step, String stepName, long count, OffsetDateTime since) {
    }

    private final Org org;
    private final int depth;
    private String planStatus;
    private String nextPlanStatus;
    private long sessionsPlanned;
    private long sessionsHeld;
    private final List<Waiting> waiting = new ArrayList<>();
    private long auditsDone;
    private Double averageScore;
    private long openRectifications;
    private long attendanceExpected;
    private long attendanceAttended;
    private boolean attendanceBelow;

    public Org getOrg() { return org; }
    /** Levels below the top organisation of the view, for indenting. */
    public int getDepth() { return depth; }
    /** The status of the annual plan of the year, null when there is none. */
    public String getPlanStatus() { return planStatus; }
    /** The status of next year's annual plan, which is due early in that year. */
    public String getNextPlanStatus() { return nextPlanStatus; }
    public void setPlanStatus(boolean thisYear, String status) {
        if (thisYear) {
            planStatus = status;
        } else {
            nextPlanStatus = status;
        }
    }
    public long getSessionsPlanned() { return sessionsPlanned; }
    public long getSessionsHeld() { return sessionsHeld; }
    public void setSessions(long planned, long held) {
        this.sessionsPlanned = planned;
        this.sessionsHeld = held;
    }
    public List<Waiting> getWaiting() { return waiting; }
    public long getMaterialsWaiting() { return waiting.stream().mapToLong(Waiting::count).sum(); }
    public long getAuditsDone() { return auditsDone; }
    public Double getAverageScore() { return averageScore; }
    public long getOpenRectifications() { return openRectifications; }
    public void setAudits(long done, Double averageScore, long openRectifications) {
        this.auditsDone = done;
        this.averageScore = averageScore;
        this.openRectifications = openRectifications;
    }
    /** Attendances expected at the held sessions of the year (leave as the session feature counts it). */
    public long getAttendanceExpected() { return attendanceExpected; }
    /** Of those, present or late. */
    public long getAttendanceAttended() { return attendanceAttended; }
    public void setAttendance(long expected, long attended) {
        this.attendanceExpected = expected;
        this.attendanceAttended = attended;
    }
    /** Attended over expected, null while nothing was expected. */
    public Double getAttendanceRate() {
        return attendanceExpected == 0 ? null : (double) attendanceAttended / attendanceExpected;
    }
    /** Below the configured threshold, to be marked. */
    public boolean isAttendanceBelow() { return attendanceBelow; }
    public void setAttendanceBelow(boolean below) { this.attendanceBelow = below; }
}
