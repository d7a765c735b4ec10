package cn.studyflow.workflow;

/** The engine refused to migrate process instances; nothing moved. The message is the engine's reason. */
public class MigrationRefusedException extends RuntimeException {

    public MigrationRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
