package cn.studyflow.journal;

import java.util.Collection;
import java.util.List;

/**
 * What a package tells the journal about the process instances its rows name, when the journal writes
 * instances that ran before it existed ({@link JournalBackfill}). Each feature implements it over its own
 * tables, so that the journal reads none of them. Both answers leave out instances the package does not know.
 */
public interface JournalSource {

    /** Whose these instances are. */
    default List<JournalOwner> owners(Collection<String> processInstanceIds) {
        return List.of();
    }

    /** The returns and withdrawals recorded on these instances. */
    default List<JournalCounts> counts(Collection<String> processInstanceIds) {
        return List.of();
    }
}
