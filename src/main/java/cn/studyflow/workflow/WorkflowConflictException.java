package cn.studyflow.workflow;

/** Someone else changed the task or instance first: it was completed, claimed or moved meanwhile. */
public class WorkflowConflictException extends RuntimeException {

    public WorkflowConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
