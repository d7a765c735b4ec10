package cn.studyflow.session;

import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;
import lombok.Getter;
import lombok.Setter;

/** The hours and place of a session, as the secretary types them in a form ("9:00") and as its row keeps them. */
@Getter
@Setter
public abstract class SessionHours {

    @DateTimeFormat(pattern = "H:mm")
    private LocalTime startTime;
    @DateTimeFormat(pattern = "H:mm")
    private LocalTime endTime;
    private String place;

    /** How long a session from {@code start} to {@code end} lasts; 0 when either is unknown or they are out of order. */
    public static int minutes(LocalTime start, LocalTime end) {
        return start == null || end == null || !end.isAfter(start) ? 0
            : (int) java.time.Duration.between(start, end).toMinutes();
    }
}
