package cn.studyflow.session;

import lombok.Getter;
import lombok.Setter;

/** One line of a session's sign-in sheet: a roster entry with the person's name and the name of whoever marked them. */
@Getter
@Setter
public class SignInRow extends RosterEntry {

    private String name;
    private String markedByName;

    /** Signed in or marked present or late. */
    public boolean isHere() {
        return getAttendance() == Attendance.PRESENT || getAttendance() == Attendance.LATE;
    }
}
