package cn.studyflow.task;

import java.util.List;

/**
 * How one task of a batch approval went: approved, or refused with a message key and its arguments
 * (already handled by someone else, not a step that may be approved in a batch, ...).
 */
public record BatchResult(String taskId, String title, boolean approved, String errorKey, List<Object> errorArgs) {
}
