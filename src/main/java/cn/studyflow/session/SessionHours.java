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
}
