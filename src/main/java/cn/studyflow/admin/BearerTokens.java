package cn.studyflow.admin;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.stereotype.Component;

/**
 * Reads {@code Authorization: Bearer <token>} and lets the caller in as the token's person, for the API's filter
 * chain only (a token never opens a page): the converter and the manager of Spring Security's
 * {@code AuthenticationFilter}.
 */
@Component
public class BearerTokens implements AuthenticationConverter, AuthenticationManager {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final OrgService orgs;

    // made at the first request, not while the container creates its filters (see AccountFilter)
    BearerTokens(@Lazy ApiTokens tokens, @Lazy OrgService orgs) {
        this.tokens = tokens;
        this.orgs = orgs;
    }

    /** True when the request carries a bearer token, valid or not: such a call needs no CSRF token. */
    public static boolean presented(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!presented(request)) {
            return null;
        }
        String secret = request.getHeader("Authorization").substring(BEARER.length()).strip();
        return new PreAuthenticatedAuthenticationToken(null, secret);
    }

    @Override
    public Authentication authenticate(Authentication candidate) {
        ApiToken token = tokens.find((String) candidate.getCredentials());
        if (token == null) {
            throw new TokenRefused("admin.token.unknown");
        }
        String state = token.state(tokens.now());
        if (!"ACTIVE".equals(state)) {
            throw new TokenRefused("REVOKED".equals(state) ? "admin.token.revoked.call" : "admin.token.expired");
        }
        CurrentUser person = orgs.account(token.getPersonId());
        if (person == null || !person.isEnabled()) {
            throw new TokenRefused("admin.token.personDisabled");
        }
        return new TokenAuthentication(person, token.getId(), token.isReadOnly());
    }
}
