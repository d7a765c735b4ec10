package cn.studyflow.session;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** One line of a session's sign-in sheet: a person on the roster by name, how they attended, who marked them and why. */
public class SignInRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private long personId;
    private String name;
    private Part part;
    private Attendance attendance;
    private OffsetDateTime signedAt;
    private Long markedBy;
    private String markedByName;
    private String markReason;

    public long getPersonId() { return personId; }
    public void setPersonId(long personId) { this.personId = personId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Part getPart() { return part; }
    public void setPart(Part part) { this.part = part; }
    public Attendance getAttendance() { return attendance; }
    public void setAttendance(Attendance attendance) { this.attendance = attendance; }
    public OffsetDateTime getSignedAt() { return signedAt; }
    public void setSignedAt(OffsetDateTime signedAt) { this.signedAt = signedAt; }
    public Long getMarkedBy() { return markedBy; }
    public void setMarkedBy(Long markedBy) { this.markedBy = markedBy; }
    public String getMarkedByName() { return markedByName; }
    public void setMarkedByName(String markedByName) { this.markedByName = markedByName; }
    public String getMarkReason() { return markReason; }
    public void setMarkReason(String markReason) { this.markReason = markReason; }

    /** Signed in or marked present or late. */
    public boolean isHere() {
        return attendance == Attendance.PRESENT || attendance == Attendance.LATE;
    }
}
