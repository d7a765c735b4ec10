package cn.studyflow.task;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The work in front of a person: what they can act on now (their own tasks and their groups' unclaimed ones),
 * counted for the tasklist's tabs and the header, and summed up for the home page by kind, by deadline and
 * overdue. Each figure is one of the tasklist's own indexed queries.
 */
@Service
@RequiredArgsConstructor
public class MyWork {

    /** The tasks the home page's summary reads, nearest deadline first; more are counted but not sorted by kind. */
    static final int SUMMARY_LIMIT = 200;
    /** The coming deadlines the home page lists. */
    static final int COMING = 5;

    private final Workflow workflow;
    private final Clock clock;

    /** How many tasks the person can act on: the count in the header of every page. */
    public long open(CurrentUser user) {
        return count(user, TaskFilter.View.ALL);
    }

    /** How many tasks each tab of the tasklist shows, unfiltered, by the view's name. */
    public Map<String, Long> counts(CurrentUser user) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TaskFilter.View view : TaskFilter.View.values()) {
            counts.put(view.name(), count(user, view));
        }
        return counts;
    }

    /** A view's count, read once a request: the tasklist's tab and the header show the same figure. */
    private long count(CurrentUser user, TaskFilter.View view) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String key = MyWork.class.getName() + "." + view + "." + user.getUsername();
        Object known = request == null ? null : request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (known instanceof Long n) {
            return n;
        }
        long n = workflow.countTasks(filter(user, view));
        if (request != null) {
            request.setAttribute(key, n, RequestAttributes.SCOPE_REQUEST);
        }
        return n;
    }

    /** What needs the person now: their tasks by process, the nearest deadlines and how many are overdue. */
    public Summary summary(CurrentUser user) {
        PageOf<TaskInfo> all = workflow.tasks(TaskFilter.of(user.getUsername(), user.groups(), TaskFilter.View.ALL,
            TaskFilter.Sort.DUE, true), 0, SUMMARY_LIMIT);
        LocalDate today = LocalDate.now(clock);
        Map<String, Kind> kinds = new LinkedHashMap<>();
        List<Deadline> coming = new ArrayList<>();
        int overdue = 0;
        for (TaskInfo t : all.items()) {
            kinds.computeIfAbsent(t.processKey() == null ? "" : t.processKey(),
                key -> new Kind(key, t.processName(), 0)).add();
            if (t.due() == null) {
                continue;
            }
            LocalDate day = t.due().atZoneSameInstant(clock.getZone()).toLocalDate();
            long days = ChronoUnit.DAYS.between(today, day);
            if (t.due().toInstant().isBefore(clock.instant())) {
                overdue++;
            } else if (coming.size() < COMING) {
                coming.add(new Deadline(t.id(), t.title(), t.step(), t.name(), day, days));
            }
        }
        List<Kind> byKind = kinds.values().stream()
            .sorted((a, b) -> Long.compare(b.count(), a.count())).toList();
        return new Summary(all.total(), byKind, overdue, coming, all.total() > all.items().size());
    }

    private static TaskFilter filter(CurrentUser user, TaskFilter.View view) {
        return TaskFilter.of(user.getUsername(), user.groups(), view, TaskFilter.Sort.CREATED, false);
    }

    /**
     * The home page's summary. {@code partial}: the person has more than {@value #SUMMARY_LIMIT} tasks, and the
     * kinds and the overdue count are of the {@value #SUMMARY_LIMIT} due first.
     */
    public record Summary(long total, List<Kind> byKind, int overdue, List<Deadline> coming, boolean partial)
        implements Serializable {
    }

    /** How many of the person's tasks belong to one process. */
    public static final class Kind implements Serializable {
        private final String processKey;
        private final String processName;
        private long count;

        Kind(String processKey, String processName, long count) {
            this.processKey = processKey;
            this.processName = processName;
            this.count = count;
        }

        void add() {
            count++;
        }

        public String processKey() { return processKey; }
        public String processName() { return processName; }
        public long count() { return count; }
    }

    /** A task whose deadline is still ahead, with the whole days left until its day. */
    public record Deadline(String taskId, String title, String step, String stepName, LocalDate due, long daysLeft)
        implements Serializable {
    }
}
