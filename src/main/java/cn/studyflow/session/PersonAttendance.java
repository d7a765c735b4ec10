package cn.studyflow.session;

/**
 * One person's attendance at the held sessions of a year: on how many rosters, how often present or late (and of
 * those late), on leave or absent, and of those how often made up by make-up study (补学); {@link #getRate()}
 * counts leave as {@code studyflow.session.leave-excused} says.
 */
public class PersonAttendance {

    private long personId;
    private String displayName;
    private long orgId;
    private long sessions;
    private long attended;
    private long late;
    private long onLeave;
    private long leaveMadeUp;
    private long absent;
    private long absentMadeUp;
    private Double rate;
    private boolean below;

    public long getPersonId() { return personId; }
    public void setPersonId(long personId) { this.personId = personId; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public long getOrgId() { return orgId; }
    public void setOrgId(long orgId) { this.orgId = orgId; }
    public long getSessions() { return sessions; }
    public void setSessions(long sessions) { this.sessions = sessions; }
    public long getAttended() { return attended; }
    public void setAttended(long attended) { this.attended = attended; }
    public long getLate() { return late; }
    public void setLate(long late) { this.late = late; }
    public long getLeaveMadeUp() { return leaveMadeUp; }
    public void setLeaveMadeUp(long leaveMadeUp) { this.leaveMadeUp = leaveMadeUp; }
    public long getAbsentMadeUp() { return absentMadeUp; }
    public void setAbsentMadeUp(long absentMadeUp) { this.absentMadeUp = absentMadeUp; }
    public long getOnLeave() { return onLeave; }
    public void setOnLeave(long onLeave) { this.onLeave = onLeave; }
    public long getAbsent() { return absent; }
    public void setAbsent(long absent) { this.absent = absent; }
    /** Attended over expected, null when nothing was expected (every session on leave, with leave excused). */
    public Double getRate() { return rate; }
    /** Below the configured threshold. */
    public boolean isBelow() { return below; }

    void rate(SessionRecordProperties properties) {
        long expected = sessions - (properties.leaveExcused() ? onLeave : 0);
        this.rate = expected == 0 ? null : (double) attended / expected;
        this.below = rate != null && properties.isBelow(rate);
    }
}
