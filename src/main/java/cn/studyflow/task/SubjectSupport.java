package cn.studyflow.task;

import cn.studyflow.org.CurrentUser;
import java.util.function.Function;
import java.util.function.LongFunction;
import lombok.RequiredArgsConstructor;

/**
 * The part of a {@link SubjectProvider} that every feature would write alike: its declared type, and finding an
 * object by id for its organisation and for the visibility rule, which stays the feature's own.
 *
 * @param <T> the business object
 */
@RequiredArgsConstructor
public abstract class SubjectSupport<T> implements SubjectProvider {

    private final SubjectType subjectType;
    private final LongFunction<T> find;
    private final Function<T, Long> orgOf;

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
}
