package cn.studyflow.status;

import cn.studyflow.org.Org;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import lombok.Getter;
import lombok.Setter;

/**
 * One organisation of a subtree in a year: the status of its annual plans of the year and the next, study sessions held against planned,
 * materials waiting at each review step and since when, audits done, their average score and open rectifications.
 */
@RequiredArgsConstructor
@Getter
public class OrgFigures {

    /** Materials waiting at one review step: how many, and since when the oldest has waited. */
    public record Waiting(String step, String stepName, long count, OffsetDateTime since) {
    }

    private final Org org;
    /** Levels below the top organisation of the view, for indenting. */
    private final int depth;
    /** The status of the annual plan of the year, null when there is none. */
    private String planStatus;
    /** The status of next year's annual plan, which is due early in that year. */
    private String nextPlanStatus;
    private long sessionsPlanned;
    private long sessionsHeld;
    private final List<Waiting> waiting = new ArrayList<>();
    private long auditsDone;
    private Double averageScore;
    private long openRectifications;
    /** Attendances expected at the held sessions of the year (leave as the session feature counts it). */
    private long attendanceExpected;
    /** Of those, present or late. */
    private long attendanceAttended;
    /** Below the configured threshold, to be marked. */
    @Setter
    private boolean attendanceBelow;

    public void setPlanStatus(boolean thisYear, String status) {
        if (thisYear) {
            planStatus = status;
        } else {
            nextPlanStatus = status;
        }
    }
    public void setSessions(long planned, long held) {
        this.sessionsPlanned = planned;
        this.sessionsHeld = held;
    }
    public long getMaterialsWaiting() { return waiting.stream().mapToLong(Waiting::count).sum(); }
    public void setAudits(long done, Double averageScore, long openRectifications) {
        this.auditsDone = done;
        this.averageScore = averageScore;
        this.openRectifications = openRectifications;
    }
    public void setAttendance(long expected, long attended) {
        this.attendanceExpected = expected;
        this.attendanceAttended = attended;
    }
    /** Attended over expected, null while nothing was expected. */
    public Double getAttendanceRate() {
        return attendanceExpected == 0 ? null : (double) attendanceAttended / attendanceExpected;
    }
}
