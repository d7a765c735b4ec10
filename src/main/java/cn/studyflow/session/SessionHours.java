package cn.studyflow.session;

import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;

/** The hours and place of a session, as the secretary types them in a form ("9:00") and as its row keeps them. */
public abstract class SessionHours {

    @DateTimeFormat(pattern = "H:mm")
    private LocalTime startTime;
    @DateTimeFormat(pattern = "H:mm")
    private LocalTime endTime;
    private String place;

    public LocalTime getStartTime() { return startTime; }
    public void setStartTime(LocalTime startTime) { this.startTime = startTime; }
    public LocalTime getEndTime() { return endTime; }
    public void setEndTime(LocalTime endTime) { this.endTime = endTime; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
}
