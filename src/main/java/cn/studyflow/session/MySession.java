package cn.studyflow.session;

/** A session as one person on its roster sees it on their home page: when, where, and how they attended. */
public class MySession extends SessionLine {

    private Part part;
    private Attendance attendance;

    public Part getPart() { return part; }
    public void setPart(Part part) { this.part = part; }
    public Attendance getAttendance() { return attendance; }
    public void setAttendance(Attendance attendance) { this.attendance = attendance; }
}
