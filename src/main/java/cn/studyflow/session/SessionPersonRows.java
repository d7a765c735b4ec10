package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.PageOf;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.PersonalScope;
import cn.studyflow.org.Scope;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The reading service of a feature's rows about people at sessions (leave requests, make-ups) under a
 * {@link PersonalScope}: one row, 404 outside the scope as for a row that does not exist, and the page of rows a
 * person may read, each with its session's title. The feature's service extends it with its mapper's queries.
 *
 * @param <T> the feature's row
 */
public abstract class SessionPersonRows<T extends SessionPersonRow> {

    /** A feature's query of the rows of one person or of whole organisations, newest first. */
    public interface Visible<T> {
        List<T> select(long personId, Collection<Long> orgIds, int offset, int limit);
    }

    private final PersonalScope rule;
    private final Scope scope;
    private final SessionService sessions;
    private final LongFunction<T> find;
    private final Visible<T> visible;
    private final CountVisible count;

    /** How many rows {@link Visible} would give in all. */
    public interface CountVisible {
        int count(long personId, Collection<Long> orgIds);
    }

    protected SessionPersonRows(PersonalScope rule, Scope scope, SessionService sessions, LongFunction<T> find,
                             CountVisible count, Visible<T> visible) {
        this.rule = rule;
        this.scope = scope;
        this.sessions = sessions;
        this.find = find;
        this.count = count;
        this.visible = visible;
    }

    /** The row with its session's title, if this person may read it; 404 otherwise. */
    public T get(long id, CurrentUser user) {
        T row = find.apply(id);
        if (row == null || !canSee(row, user)) {
            throw BusinessException.notFound();
        }
        row.setSessionTitle(sessions.title(row.getSessionId()));
        return row;
    }

    public boolean canSee(T row, CurrentUser user) {
        return rule.canSee(user, row.getPersonId(), row.getOrgId(), scope);
    }

    /** At most this many rows a page, whatever a request asks for. */
    public static final int MAX_PAGE_SIZE = 100;

    /** The rows this person may read, newest first; the page and its size as asked for, made safe here. */
    public PageOf<T> list(CurrentUser user, int requestedPage, int requestedSize) {
        int size = PageOf.size(requestedSize, MAX_PAGE_SIZE);
        int page = PageOf.page(requestedPage, size);
        Set<Long> orgIds = rule.orgIds(user, scope);
        int total = count.count(user.getPersonId(), orgIds);
        List<T> items = total == 0 ? List.of()
            : sessions.withTitles(visible.select(user.getPersonId(), orgIds, page * size, size));
        return new PageOf<>(items, total, page, size);
    }
}
