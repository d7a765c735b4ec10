package cn.studyflow.session;

/** A session as one person on its roster sees it on their home page: when, where, how they attended, whether made up. */
public class MySession extends SessionLine {

    private Part part;
    private Attendance attendance;
    /** Missed (on leave or absent) and made up by an accepted make-up study. */
    private boolean madeUp;

    public Part getPart() { return part; }
    public void setPart(Part part) { this.part = part; }
    public Attendance getAttendance() { return attendance; }
    public void setAttendance(Attendance attendance) { this.attendance = attendance; }
    public boolean isMadeUp() { return madeUp; }
    public void setMadeUp(boolean madeUp) { this.madeUp = madeUp; }
}
