package cn.studyflow.session;

import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;

/** A session as a line of a list or a calendar shows it: what, which day, which hours, where, and its status. */
@Getter
@Setter
public abstract class SessionLine extends SessionHours {

    private long id;
    private String title;
    private LocalDate sessionDate;
    private String status;
}
