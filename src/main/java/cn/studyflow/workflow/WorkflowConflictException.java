package cn.studyflow.workflow;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * Someone else changed the task or instance first: it was completed, claimed or moved meanwhile. A Spring
 * {@link ConcurrencyFailureException}, so that wherever it surfaces it reads as "changed meanwhile" (409).
 */
public class WorkflowConflictException extends ConcurrencyFailureException {

    public WorkflowConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
