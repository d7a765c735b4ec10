package cn.studyflow.system;

import cn.studyflow.admin.TokenAuthentication;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The API's one authorisation rule before the features' own scope checks: a logged-in caller, and a read-only
 * token only reads (GET, HEAD, OPTIONS). The refusal carries its message key for {@link ApiRefusals}.
 */
final class ReadOnlyTokens {

    static final AuthorizationManager<RequestAuthorizationContext> CHECK = ReadOnlyTokens::check;

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final AuthenticatedAuthorizationManager<RequestAuthorizationContext> LOGGED_IN =
        AuthenticatedAuthorizationManager.authenticated();

    private ReadOnlyTokens() {
    }

    @SuppressWarnings("deprecation") // check is the one abstract method of the interface in Spring Security 6.5
    private static AuthorizationDecision check(Supplier<Authentication> authentication,
                                               RequestAuthorizationContext context) {
        AuthorizationDecision loggedIn = LOGGED_IN.check(authentication, context);
        if (loggedIn == null || !loggedIn.isGranted()) {
            return loggedIn;
        }
        if (authentication.get() instanceof TokenAuthentication token && token.isReadOnly()
            && !READS.contains(context.getRequest().getMethod())) {
            return new Refusal("admin.token.readOnlyRefused");
        }
        return loggedIn;
    }

    /** A refusal that says why, in a message key. */
    static final class Refusal extends AuthorizationDecision {

        private static final long serialVersionUID = 1L;

        private final String messageKey;

        Refusal(String messageKey) {
            super(false);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }
}
