package cn.studyflow.common;

import org.springframework.http.HttpStatus;
import lombok.Getter;

/**
 * A refusal the user should read: an HTTP status and a message key from the bundles, rendered in the
 * user's language by the application's error handling ({@code system/ErrorHandling}). Nothing has changed
 * when it is thrown.
 */
@Getter
public class BusinessException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;

    public BusinessException(HttpStatus status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    public static BusinessException forbidden() {
        return new BusinessException(HttpStatus.FORBIDDEN, "error.forbidden");
    }

    public static BusinessException notFound() {
        return new BusinessException(HttpStatus.NOT_FOUND, "error.notFound");
    }

    public static BusinessException invalid(String messageKey, Object... args) {
        return new BusinessException(HttpStatus.BAD_REQUEST, messageKey, args);
    }

    public static BusinessException conflict(String messageKey, Object... args) {
        return new BusinessException(HttpStatus.CONFLICT, messageKey, args);
    }

    public Object[] getArgs() { return args; }
}
