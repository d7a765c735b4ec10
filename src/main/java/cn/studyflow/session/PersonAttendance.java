package cn.studyflow.session;

import lombok.AccessLevel;
import lombok.Getter;
import lombok.Setter;

/**
 * One person's attendance at the held sessions of a year: on how many rosters, how often present or late (and of
 * those late), on leave or absent, and of those how often made up by make-up study (补学); {@link #getRate()}
 * counts leave as {@code studyflow.session.leave-excused} says.
 */
@Getter
@Setter
public class PersonAttendance {

    private long personId;
    private String displayName;
    private long orgId;
    private long sessions;
    private long attended;
    private long late;
    private long onLeave;
    private long leaveMadeUp;
    private long absent;
    private long absentMadeUp;
    /** Attended over expected, null when nothing was expected (every session on leave, with leave excused). */
    @Setter(AccessLevel.NONE)
    private Double rate;
    /** Below the configured threshold. */
    @Setter(AccessLevel.NONE)
    private boolean below;

    void rate(SessionRecordProperties properties) {
        long expected = sessions - (properties.leaveExcused() ? onLeave : 0);
        this.rate = expected == 0 ? null : (double) attended / expected;
        this.below = rate != null && properties.isBelow(rate);
    }
}
