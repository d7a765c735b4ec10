package cn.studyflow.workflow;

import java.time.OffsetDateTime;

/**
 * An open task as the rest of StudyFlow sees it, free of engine types. {@code title} and {@code orgId}
 * are the business object's, kept as process variables so that lists filter on them in one query.
 */
public record TaskInfo(
    String id,
    String name,
    String step,
    String processInstanceId,
    String processKey,
    String processName,
    String businessKey,
    String assignee,
    OffsetDateTime created,
    OffsetDateTime due,
    String title,
    Long orgId) {

    public boolean isAssigned() {
        return assignee != null;
    }
}
