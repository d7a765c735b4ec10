package cn.studyflow.session;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Published (synchronously, in the transaction that moves it) when a session gets its day or moves to another:
 * materials and audits move their deadlines and waiting timers with it. {@code startsAt} is null when the
 * session was cancelled.
 */
public record SessionMoved(long sessionId, LocalDateTime startsAt) {

    /**
     * Hands each object that follows the session (loaded by id) to {@code cancelled} when the session was
     * cancelled, else to {@code moved} with the session's new start.
     */
    public <T> void follow(Collection<Long> ids, LongFunction<T> load, Consumer<T> cancelled,
                           BiConsumer<T, LocalDateTime> moved) {
        for (long id : ids) {
            T each = load.apply(id);
            if (startsAt == null) {
                cancelled.accept(each);
            } else {
                moved.accept(each, startsAt);
            }
        }
    }
}
