package cn.studyflow.session;

import lombok.Getter;
import lombok.Setter;

/** A session as one person on its roster sees it on their home page: when, where, how they attended, whether made up. */
@Getter
@Setter
public class MySession extends SessionLine {

    private Part part;
    private Attendance attendance;
    /** Missed (on leave or absent) and made up by an accepted make-up study. */
    private boolean madeUp;
}
