package cn.studyflow.system;

import cn.studyflow.common.BusinessException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * The 503 of a database that is away when a filter, not a controller, needed it: the session (Spring Session JDBC)
 * and the logged-in person are read before any controller runs. Outside every filter that reads the database, it
 * answers with the same JSON or page as {@link ErrorHandling}, in the user's language from the locale cookie,
 * without asking the database again: the container's {@code /error} would run those filters again and end in its
 * own bare 500. It also gives the answer of a known failure whose handler could not send it (see
 * {@link #answerOf}).
 */
@Component
@RequiredArgsConstructor
class UnavailableFilter extends OncePerRequestFilter implements Ordered {

    private final MessageSource messages;
    private final LocaleResolver locales;
    @Qualifier("thymeleafViewResolver")
    private final ViewResolver views;
    private final ObjectMapper json;

    /** Inside the character encoding filter, outside Spring Session's and Spring Security's. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            BusinessException b = answerOf(e);
            if (b == null) {
                throw e;
            }
            // the answer went out before the session could be saved again: nothing more to tell the client
            if (!response.isCommitted()) {
                answer(b, request, response);
            }
        }
    }

    /**
     * What to answer for a failure that came out of every handler: the database's 503; or the answer of a failure
     * StudyFlow knows (a 409 for a step already decided, say) whose handler could not send it, since sending it
     * commits the response and with it the session, which the database, cut away at that moment, did not save;
     * Spring Session saved it again at the end of the request, the database back, and the failure came through on
     * its own. Null for anything else: the container's error page answers it.
     */
    static BusinessException answerOf(Exception e) {
        if (Unavailable.database(e)) {
            return ErrorHandling.unavailable(e);
        }
        Throwable t = e;
        // Spring MVC wraps what a handler threw as "Request processing failed"
        while (t instanceof ServletException && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof Exception cause ? ErrorHandling.known(cause) : null;
    }

    private void answer(BusinessException b, HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
        response.reset();
        response.setStatus(b.getStatus().value());
        ErrorHandling.retryAfter(b, response);
        Locale locale = locales.resolveLocale(request);
        String message = messages.getMessage(b.getMessageKey(), b.getArgs(), b.getMessageKey(), locale);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            json.writeValue(response.getOutputStream(), ErrorHandling.body(b, message));
            return;
        }
        // the page reads the language as every page does, from the resolver (the cookie), not Accept-Language
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
        // the layout's CSRF meta tags would read the token from the session, that is from the database
        request.removeAttribute("_csrf");
        request.removeAttribute(CsrfToken.class.getName());
        // the layout's links read the current request, as on any page
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
        try {
            View page = views.resolveViewName("error", locale);
            page.render(Map.of("status", b.getStatus().value(), "errorMessage", message, "fromHandler", true),
                request, response);
        } catch (Exception renderFailed) {
            if (renderFailed instanceof IOException io) {
                throw io;
            }
            throw new ServletException("The error page could not be rendered", renderFailed);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
