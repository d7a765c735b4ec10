package cn.studyflow.session;

import lombok.AccessLevel;
import lombok.Getter;
import lombok.Setter;

/**
 * One person's attendance at the held sessions of a year: on how many rosters, how often present or late, on leave
 * or absent; {@link #getRate()} counts leave as {@code studyflow.session.leave-excused} says.
 */
@Getter
@Setter
public class PersonAttendance {

    private long personId;
    private String displayName;
    private long orgId;
    private long sessions;
    private long attended;
    private long onLeave;
    private long absent;
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
