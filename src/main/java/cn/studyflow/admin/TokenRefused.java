package cn.studyflow.admin;

import lombok.Getter;
import org.springframework.security.core.AuthenticationException;

/** A bearer token that does not let its caller in, with the message key that says why. */
@Getter
public final class TokenRefused extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;

    TokenRefused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }
}
