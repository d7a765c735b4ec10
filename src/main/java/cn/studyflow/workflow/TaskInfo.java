package cn.studyflow.workflow;

import java.time.OffsetDateTime;

/**
 * An open task as the rest of StudyFlow sees it, free of engine types. {@code title} and {@code orgId}
 * are the business object's, kept as process variables so that lists filter on them in one query.
 * An added signer's task (加签) is a subtask of a process task: it carries its parent's process, business
 * key and step, and {@code parentTaskId} names the parent. {@code owner} is who delegated the task while
 * {@code delegated} is true (委派), until the person it was delegated to resolves it.
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
    Long orgId,
    String parentTaskId,
    String owner,
    boolean delegated) {

    public TaskInfo(String id, String name, String step, String processInstanceId, String processKey,
                    String processName, String businessKey, String assignee, OffsetDateTime created,
                    OffsetDateTime due, String title, Long orgId) {
        this(id, name, step, processInstanceId, processKey, processName, businessKey, assignee, created, due, title,
            orgId, null, null, false);
    }

    /** The same task once {@code username} has claimed it. */
    public TaskInfo claimedBy(String username) {
        return new TaskInfo(id, name, step, processInstanceId, processKey, processName, businessKey, username, created,
            due, title, orgId, parentTaskId, owner, delegated);
    }

    public boolean isAssigned() {
        return assignee != null;
    }

    /** Whether this is an added signer's subtask rather than a step of the process itself. */
    public boolean isSignerTask() {
        return parentTaskId != null;
    }
}
