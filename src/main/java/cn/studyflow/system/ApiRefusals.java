package cn.studyflow.system;

import cn.studyflow.admin.TokenRefused;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refusals of the API's security filters, as JSON of the same shape as every other API error: 401 when
 * nobody is logged in (also for a POST without CSRF token, which is checked before credentials), 403 for a
 * logged-in caller. Never the login page.
 */
@RequiredArgsConstructor
final class ApiRefusals implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
        throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, "error.unauthorized");
    }

    /** A bearer token that did not let its caller in: 401 with the reason (unknown, expired, revoked). */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED,
            e instanceof TokenRefused refused ? refused.getMessageKey() : "error.unauthorized");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
        throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean nobody = authentication == null || trust.isAnonymous(authentication);
        String key = nobody ? "error.unauthorized" : "error.forbidden";
        if (!nobody && e instanceof AuthorizationDeniedException denied
            && denied.getAuthorizationResult() instanceof ReadOnlyTokens.Refusal refusal) {
            key = refusal.messageKey();
        }
        write(request, response, nobody ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN, key);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
        throws IOException {
        String message = messages.getMessage(key, null, key, locales.resolveLocale(request));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Map.of("status", status.value(), "code", key, "message", message));
    }
}
