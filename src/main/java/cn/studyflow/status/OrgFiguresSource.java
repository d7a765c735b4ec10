package cn.studyflow.status;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * What a feature adds to each organisation's row of the dashboard, read from its own tables in one grouped
 * query over the scope (the same query status ran itself before), so that status reads no feature's tables.
 */
public interface OrgFiguresSource {

    /** Adds the feature's figures of {@code year}; {@code row} gives the dashboard row of an organisation. */
    default void addTo(LongFunction<OrgFigures> row, StatusScope scope, int year, LocalDate today) {
    }

    /** The process whose open steps count as work waiting in each organisation, read from the journal. */
    default Optional<String> waitingProcess() {
        return Optional.empty();
    }
}
