package cn.studyflow.task;

import cn.studyflow.journal.JournalOwner;
import cn.studyflow.journal.JournalSource;
import cn.studyflow.org.CurrentUser;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The part of a {@link SubjectProvider} that every feature would write alike: its declared type, finding an
 * object by id for its organisation and for the visibility rule, which stays the feature's own, and telling the
 * status journal whose the feature's old process instances are ({@link JournalSource}).
 *
 * @param <T> the business object
 */
public abstract class SubjectSupport<T> implements SubjectProvider, JournalSource {

    private final SubjectType subjectType;
    private final LongFunction<T> find;
    private final Function<T, Long> orgOf;
    private final Function<Collection<String>, List<JournalOwner>> journalOwners;

    /**
     * @param journalOwners whose these process instances are, read from the feature's rows that name them
     *                      (never called with no ids)
     */
    protected SubjectSupport(SubjectType subjectType, LongFunction<T> find, Function<T, Long> orgOf,
                             Function<Collection<String>, List<JournalOwner>> journalOwners) {
        this.subjectType = subjectType;
        this.find = find;
        this.orgOf = orgOf;
        this.journalOwners = journalOwners;
    }

    /** A subject that tells the journal nothing about its instances. */
    protected SubjectSupport(SubjectType subjectType, LongFunction<T> find, Function<T, Long> orgOf) {
        this(subjectType, find, orgOf, ids -> List.of());
    }

    /** Whether this person may read the object: the rule of its own page. */
    protected abstract boolean canSee(T object, CurrentUser user);

    @Override
    public final SubjectType subjectType() {
        return subjectType;
    }

    @Override
    public final Long orgId(long id) {
        T object = find.apply(id);
        return object == null ? null : orgOf.apply(object);
    }

    @Override
    public final boolean canSee(long id, CurrentUser user) {
        T object = find.apply(id);
        return object != null && canSee(object, user);
    }

    @Override
    public final void requireOpenYear(long id) {
        T object = find.apply(id);
        if (object != null) {
            requireOpenYear(object);
        }
    }

    /** Refuses a step on the object when its study year is closed; nothing by default. */
    protected void requireOpenYear(T object) {
    }

    @Override
    public final List<JournalOwner> owners(Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of() : journalOwners.apply(processInstanceIds);
    }
}
