package cn.studyflow.task;

/**
 * A reviewer's decision, passed to every process as the variable {@value #VARIABLE} with the value
 * {@code approve} or {@code return}, beside the variable {@value #COMMENT}.
 */
public enum Decision {
    APPROVE, RETURN;

    public static final String VARIABLE = "decision";
    public static final String COMMENT = "comment";

    public String value() {
        return name().toLowerCase();
    }
}
