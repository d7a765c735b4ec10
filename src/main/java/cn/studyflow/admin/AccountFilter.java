package cn.studyflow.admin;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Runs after Spring Security on every request of a logged-in person and reads the person again (with roles and
 * organisation, one query), so that what an administrator changed counts from the next request on, on every node:
 * roles (and with them the candidate groups of the tasklist), the organisation and its path, deactivation (the
 * person is logged out) and a temporary password (every page leads to the change form until it is changed; the API
 * answers 403).
 */
@Component
class AccountFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/account/password";
    private static final List<String> OPEN = List.of(CHANGE_PASSWORD, "/logout", "/login", "/css/", "/js/",
        "/vendor/", "/favicon.ico", "/favicon.svg", "/error", "/actuator/");

    private final OrgService orgs;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    // The container creates its filters while it starts, on a thread whose class loader is the embedded web
    // application's; the mappers behind OrgService must not be made then (MyBatis keeps the loader it first saw
    // for finding the mapper XML, which fails once that web application is stopped), so they are made at the
    // first request.
    AccountFilter(@Lazy OrgService orgs, MessageSource messages, LocaleResolver locales, ObjectMapper json) {
        this.orgs = orgs;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
            chain.doFilter(request, response);
            return;
        }
        // a token's caller was read for this request already, and keeps its token (read-only or not)
        boolean token = auth instanceof TokenAuthentication;
        CurrentUser fresh = token ? user : orgs.account(user.getPersonId());
        boolean api = path(request).startsWith("/api/");
        if (fresh == null || !fresh.isEnabled()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            refuse(request, response, api, HttpStatus.UNAUTHORIZED, "error.unauthorized", "/login");
            return;
        }
        if (!token) {
            refresh(auth, fresh);
        }
        if (fresh.isMustChangePassword() && OPEN.stream().noneMatch(path(request)::startsWith)) {
            refuse(request, response, api, HttpStatus.FORBIDDEN, "admin.password.mustChange", CHANGE_PASSWORD);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refresh(Authentication auth, CurrentUser fresh) {
        UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken.authenticated(fresh,
            auth.getCredentials(), fresh.getAuthorities());
        refreshed.setDetails(auth.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(refreshed);
        SecurityContextHolder.setContext(context);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, HttpStatus status,
                        String key, String page) throws IOException {
        if (!api) {
            response.sendRedirect(request.getContextPath() + page);
            return;
        }
        String message = messages.getMessage(key, null, key, locales.resolveLocale(request));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Map.of("status", status.value(), "code", key, "message", message));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
