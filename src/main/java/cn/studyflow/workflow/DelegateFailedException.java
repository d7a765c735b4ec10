package cn.studyflow.workflow;

/**
 * What a service task's own work threw (the file store away, a bug), with the cause's message so that an
 * incident shows it. In a job the engine retries it and then keeps an incident; in a person's step the step's
 * transaction has rolled back and the person is told to try again (a 503, not a 500).
 */
public class DelegateFailedException extends RuntimeException {

    private final String step;

    public DelegateFailedException(String step, RuntimeException cause) {
        super(cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage(), cause);
        this.step = step;
    }

    /** The service task whose delegate failed. */
    public String getStep() {
        return step;
    }
}
