package cn.studyflow.session;

import lombok.Getter;
import lombok.Setter;

/** A session as one person on its roster sees it on their home page: when, where, and how they attended. */
@Getter
@Setter
public class MySession extends SessionLine {

    private Part part;
    private Attendance attendance;
}
