package cn.studyflow.session;

/** One line of a session's sign-in sheet: a roster entry with the person's name and the name of whoever marked them. */
public class SignInRow extends RosterEntry {

    private String name;
    private String markedByName;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getMarkedByName() { return markedByName; }
    public void setMarkedByName(String markedByName) { this.markedByName = markedByName; }

    /** Signed in or marked present or late. */
    public boolean isHere() {
        return getAttendance() == Attendance.PRESENT || getAttendance() == Attendance.LATE;
    }
}
