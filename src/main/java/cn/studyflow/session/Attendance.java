package cn.studyflow.session;

/** How a person on a session's roster ends it; EXPECTED until sign-in, leave or the secretary decides. */
public enum Attendance {
    EXPECTED, PRESENT, LATE, LEAVE, ABSENT
}
