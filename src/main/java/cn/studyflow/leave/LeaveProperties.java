package cn.studyflow.leave;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code studyflow.leave.*}: the longest detail a request takes, and what happens to a request nobody has decided
 * ({@code undecided}): whoever holds it is reminded {@code remindBefore} the session starts, and at the start it
 * lapses (the person stays expected).
 */
@ConfigurationProperties("studyflow.leave")
public record LeaveProperties(@DefaultValue("500") int maxDetail, @DefaultValue Undecided undecided) {

    public record Undecided(@DefaultValue("PT12H") Duration remindBefore) {
    }

    /** When the holder of an undecided request is reminded: {@code remindBefore} the start, and never before now. */
    public Instant remindAt(Instant startsAt, Instant now) {
        Instant at = startsAt.minus(undecided.remindBefore());
        return at.isBefore(now) ? now : at;
    }
}
