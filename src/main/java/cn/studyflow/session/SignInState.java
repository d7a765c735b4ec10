package cn.studyflow.session;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Where a session's sign-in stands: never opened, open, or closed (by the secretary, or on its own
 * {@code studyflow.session.signin-closes-after} after the start), with the times that decide late arrivals.
 */
public record SignInState(long sessionId, String title, Phase phase, OffsetDateTime openedAt, OffsetDateTime closedAt,
                          LocalDateTime startsAt, LocalDateTime lateFrom, LocalDateTime closesAt,
                          int expected, int present, int late) implements Serializable {

    public enum Phase { NOT_OPENED, OPEN, CLOSED }

    public boolean isOpen() {
        return phase == Phase.OPEN;
    }
}
