package cn.studyflow.system;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.MyWork;

/**
 * The count of open work in the header of every page: the tasks a person can act on, read only when a page
 * shows it (not for JSON answers or redirects) and then once.
 */
public final class OpenWork {

    private final MyWork work;
    private final CurrentUser user;
    private Long count;

    OpenWork(MyWork work, CurrentUser user) {
        this.work = work;
        this.user = user;
    }

    public long getCount() {
        if (count == null) {
            count = user == null ? 0 : work.open(user);
        }
        return count;
    }
}
