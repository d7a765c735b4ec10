package cn.studyflow.status;

import java.time.OffsetDateTime;

/** An {@link InstanceFilter} turned into the values its SQL compares with. */
record InstanceQuery(String process, String status, OffsetDateTime from, OffsetDateTime to, String keyPattern,
                     String step, boolean overdue) {
}
