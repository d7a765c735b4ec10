package cn.studyflow.session;

import java.time.OffsetDateTime;

/** One person on a session's roster and how they attended. */
public class RosterEntry {

    private long sessionId;
    private long personId;
    private Part part;
    private Attendance attendance;
    private OffsetDateTime signedAt;
    private Long markedBy;
    private String markReason;
    private boolean madeUp;

    public long getSessionId() { return sessionId; }
    public void setSessionId(long sessionId) { this.sessionId = sessionId; }
    public long getPersonId() { return personId; }
    public void setPersonId(long personId) { this.personId = personId; }
    public Part getPart() { return part; }
    public void setPart(Part part) { this.part = part; }
    public Attendance getAttendance() { return attendance; }
    public void setAttendance(Attendance attendance) { this.attendance = attendance; }
    public OffsetDateTime getSignedAt() { return signedAt; }
    public void setSignedAt(OffsetDateTime signedAt) { this.signedAt = signedAt; }
    public Long getMarkedBy() { return markedBy; }
    public void setMarkedBy(Long markedBy) { this.markedBy = markedBy; }
    public String getMarkReason() { return markReason; }
    public void setMarkReason(String markReason) { this.markReason = markReason; }
    public boolean isMadeUp() { return madeUp; }
    public void setMadeUp(boolean madeUp) { this.madeUp = madeUp; }
}
