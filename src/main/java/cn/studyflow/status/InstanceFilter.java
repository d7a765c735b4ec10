package cn.studyflow.status;

import cn.studyflow.common.Like;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters of the instance list, its export and the API: process, organisation (with everything below it),
 * status, start date range, business key or title, the step it waits at, and whether a step is overdue.
 */
public record InstanceFilter(String process, Long org, InstanceStatus status,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String key, String step,
                      Boolean overdue) {

    public static InstanceFilter none() {
        return new InstanceFilter(null, null, null, null, null, null, null, null);
    }

    public boolean isOverdue() {
        return Boolean.TRUE.equals(overdue);
    }

    /** The text search with LIKE's wildcards escaped, or null. */
    String keyPattern() {
        return Like.containing(key);
    }
}
