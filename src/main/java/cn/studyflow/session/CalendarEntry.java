package cn.studyflow.session;

import lombok.Getter;
import lombok.Setter;

/** One session in a calendar cell, with how many sessions its day holds in the calendar's scope. */
@Getter
@Setter
public class CalendarEntry extends SessionLine {

    private long orgId;
    private String orgName;
    private int dayCount;
}
