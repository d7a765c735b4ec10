package cn.studyflow.common;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.ToIntFunction;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A domain row written under optimistic locking: its update statement matches id and version and raises the
 * version, so that of two writers the second changes nothing and learns that it lost the race.
 */
public interface VersionedRow {

    Long getId();

    int getVersion();

    void setVersion(int version);

    void setUpdatedAt(OffsetDateTime updatedAt);

    /**
     * Writes the row through {@code update}; a row changed meanwhile becomes an
     * {@link OptimisticLockingFailureException}, which the tasklist reports as "already handled by X".
     */
    static <T extends VersionedRow> void save(T row, ToIntFunction<T> update, Clock clock) {
        row.setUpdatedAt(OffsetDateTime.now(clock));
        if (update.applyAsInt(row) == 0) {
            throw new OptimisticLockingFailureException(row.getClass().getSimpleName() + " " + row.getId()
                + " changed meanwhile");
        }
        row.setVersion(row.getVersion() + 1);
    }
}
