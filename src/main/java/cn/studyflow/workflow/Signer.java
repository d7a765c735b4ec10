package cn.studyflow.workflow;

import java.time.OffsetDateTime;

/**
 * An added signer (加签): a subtask of the step's task, assigned to {@code assignee}, added by
 * {@code addedBy}. For a signer {@link SignPosition#AFTER} the holder has already approved, with
 * {@code holderComment}; the step completes with that approval once every such signer has signed.
 */
public record Signer(String taskId, String parentTaskId, String assignee, SignPosition position, String addedBy,
                     String holderComment, OffsetDateTime created) {
}
