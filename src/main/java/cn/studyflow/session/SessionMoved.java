package cn.studyflow.session;

import java.time.LocalDateTime;

/**
 * Published (synchronously, in the transaction that moves it) when a session gets its day or moves to another:
 * materials and audits move their deadlines and waiting timers with it. {@code startsAt} is null when the
 * session was cancelled.
 */
public record SessionMoved(long sessionId, LocalDateTime startsAt) {
}
