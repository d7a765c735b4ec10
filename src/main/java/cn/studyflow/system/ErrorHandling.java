package cn.studyflow.system;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.workflow.DelegateFailedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * The one place where failures become what a user reads: JSON for the API, a page or a redirect back
 * with a message for the pages. Messages come from the bundles in the user's language; stack traces
 * go to the log only.
 */
final class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    /** What a 503 tells the caller to wait before trying again (header Retry-After), in seconds. */
    static final int RETRY_AFTER_SECONDS = 10;

    private ErrorHandling() {
    }

    /** Retry-After on a 503: the database is away for a moment, not StudyFlow broken. */
    static void retryAfter(BusinessException b, HttpServletResponse response) {
        if (b.getStatus() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        }
    }

    /** 503: the database is away or overloaded (see {@link Unavailable}); expected while it restarts, so one line. */
    static BusinessException unavailable(Throwable e) {
        log.warn("Database unavailable: {}", rootMessage(e));
        return new BusinessException(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable", RETRY_AFTER_SECONDS);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * Maps an exception to a status and a message key; unknown exceptions are logged as 500. Whatever Spring MVC
     * refuses before a controller runs (a wrong method or body type, a parameter that does not convert, an upload
     * cut short) is the caller's mistake: a 4xx with a message, never a 500.
     */
    static BusinessException translate(Exception e) {
        BusinessException known = known(e);
        if (known != null) {
            return known;
        }
        log.error("Unexpected failure", e);
        return new BusinessException(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal");
    }

    /** The answer to a failure StudyFlow knows (a refusal, a lost race, the database away); null for any other. */
    static BusinessException known(Exception e) {
        if (e instanceof BusinessException b) {
            return b;
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return new BusinessException(HttpStatus.PAYLOAD_TOO_LARGE, "error.tooLarge");
        }
        if (e instanceof MultipartException) {
            // a truncated body, no boundary, a part the container cannot read
            return BusinessException.invalid("error.uploadBroken");
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return BusinessException.invalid("error.paramMissing", missing.getParameterName());
        }
        if (e instanceof MissingServletRequestPartException missing) {
            return BusinessException.invalid("error.paramMissing", missing.getRequestPartName());
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch
            && mismatch.getParameter().hasParameterAnnotation(RequestParam.class)) {
            return BusinessException.invalid("error.paramInvalid", mismatch.getName());
        }
        if (e instanceof TypeMismatchException || e instanceof ServletRequestBindingException
            || e instanceof HttpMessageNotReadableException || e instanceof BindException
            || e instanceof InvalidPropertyException) {
            return BusinessException.invalid("error.badRequest");
        }
        if (e instanceof ConcurrencyFailureException) {
            return BusinessException.conflict("error.concurrent");
        }
        if (Unavailable.database(e)) {
            return unavailable(e);
        }
        DelegateFailedException failed = delegateFailed(e);
        if (failed != null) {
            // the step's transaction rolled back: nothing was saved and the same action may simply be repeated
            log.error("Service task {} failed in a person's request; rolled back", failed.getStep(), e);
            return new BusinessException(HttpStatus.SERVICE_UNAVAILABLE, "task.stepFailed");
        }
        if (e instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(refused.getStatusCode().value());
            return new BusinessException(status, keyOf(status));
        }
        return null;
    }

    private static DelegateFailedException delegateFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DelegateFailedException d) {
                return d;
            }
        }
        return null;
    }

    /** The message key for a status that carries no message of its own. */
    static String keyOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "error.notFound";
            case UNAUTHORIZED -> "error.unauthorized";
            case FORBIDDEN -> "error.forbidden";
            case METHOD_NOT_ALLOWED -> "error.methodNotAllowed";
            case NOT_ACCEPTABLE -> "error.notAcceptable";
            case UNSUPPORTED_MEDIA_TYPE -> "error.unsupportedMediaType";
            case PAYLOAD_TOO_LARGE -> "error.tooLarge";
            case CONFLICT -> "error.concurrent";
            default -> status.is4xxClientError() ? "error.badRequest" : "error.internal";
        };
    }

    static String message(MessageSource messages, BusinessException e) {
        return messages.getMessage(e.getMessageKey(), e.getArgs(), e.getMessageKey(), LocaleContextHolder.getLocale());
    }

    /** The JSON of an API error: {@code {status, code, message}}. */
    static Map<String, Object> body(BusinessException b, String message) {
        return Map.of("status", b.getStatus().value(), "code", b.getMessageKey(), "message", message);
    }

    @RestControllerAdvice(annotations = RestController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Api {

        private final MessageSource messages;

        Api(MessageSource messages) {
            this.messages = messages;
        }

        /** The client went away mid-response: nobody is left to tell. */
        @ExceptionHandler(AsyncRequestNotUsableException.class)
        void clientGone() {
            // nothing to do
        }

        @ExceptionHandler(Exception.class)
        ResponseEntity<Map<String, Object>> handle(Exception e, HttpServletResponse response) {
            BusinessException b = translate(e);
            retryAfter(b, response);
            // JSON whatever the caller accepts: a refusal must not fail again on content negotiation
            return ResponseEntity.status(b.getStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(body(b, message(messages, b)));
        }
    }

    @ControllerAdvice
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class Pages {

        private final MessageSource messages;
        private final GlobalModel layout;

        Pages(MessageSource messages, GlobalModel layout) {
            this.messages = messages;
            this.layout = layout;
        }

        @ExceptionHandler(AsyncRequestNotUsableException.class)
        void clientGone() {
            // the client went away mid-response: nobody is left to tell
        }

        /**
         * A refused form goes back to the page it came from with the message on top, so nothing the user
         * typed elsewhere on the site is lost; anything else renders the error page.
         */
        @ExceptionHandler(Exception.class)
        ModelAndView handle(Exception e, HttpServletRequest request, HttpServletResponse response,
                            @AuthenticationPrincipal CurrentUser user) {
            BusinessException b = translate(e);
            retryAfter(b, response);
            String message = message(messages, b);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                // no API controller was chosen (an upload over the multipart limit, an unknown path, a wrong
                // method): still the API's JSON
                ModelAndView json = new ModelAndView(new MappingJackson2JsonView(), body(b, message));
                json.setStatus(b.getStatus());
                return json;
            }
            String back = sameOriginPath(request);
            if ("POST".equals(request.getMethod()) && back != null && b.getStatus().is4xxClientError()) {
                RequestContextUtils.getOutputFlashMap(request).put("error", message);
                return new ModelAndView("redirect:" + back);
            }
            ModelAndView page = new ModelAndView("error");
            page.setStatus(b.getStatus());
            page.addObject("status", b.getStatus().value());
            // not "message": the layout reads that as the key of a flash message
            page.addObject("errorMessage", message);
            page.addObject("fromHandler", true);
            // model attributes of the advice are not applied to exception handlers: the layout's own
            page.addObject("me", layout.me(user));
            try {
                // with the database away, asking it again would only make the user wait for the pool's timeout
                page.addObject("unreadCount", b.getStatus() == HttpStatus.SERVICE_UNAVAILABLE ? 0 : layout.unreadCount(user));
            } catch (RuntimeException countFailed) {
                // the error page must show even when the database is what failed
                page.addObject("unreadCount", 0);
            }
            return page;
        }

        private static String sameOriginPath(HttpServletRequest request) {
            String referer = request.getHeader("Referer");
            if (referer == null) {
                return null;
            }
            try {
                URI uri = URI.create(referer);
                if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                    return null;
                }
                String path = uri.getRawPath();
                if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                    return null;
                }
                return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            } catch (IllegalArgumentException ex) {
                return null;
            }
        }
    }
}
