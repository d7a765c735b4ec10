package cn.studyflow.upload;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.util.WebUtils;

/**
 * The multipart limits of every path in one place. The container parses every upload under one configuration (the
 * {@code DispatcherServlet}'s), so that one is raised to the largest {@link UploadAllowance}; every path no allowance
 * covers keeps {@code spring.servlet.multipart}'s {@code max-file-size} and {@code max-request-size} and is refused
 * as before ({@link MaxUploadSizeExceededException}: 413, {@code error.tooLarge}). A body over the limit by its
 * Content-Length is refused before it is read: its parameters are then only those of its query string (where an
 * upload form carries its CSRF token), so that no filter has the container parse it, and Tomcat reads it away after
 * the answer ({@code server.tomcat.max-swallow-size}) so that the browser gets it. A body without a length, or with
 * one part over {@code max-file-size}, is refused once parsed and its parts deleted. Parts lie on disk
 * ({@code file-size-threshold}), never in memory.
 */
@Configuration(proxyBeanMethods = false)
class MultipartLimits {

    /** The largest part and body a request may send; negative is no limit. */
    record Limit(long maxFileSize, long maxRequestSize) {

        boolean refusesLength(long contentLength) {
            return maxRequestSize >= 0 && contentLength > maxRequestSize;
        }
    }

    private final MultipartProperties properties;
    private final List<UploadAllowance> allowances;
    private final Limit everywhere;

    MultipartLimits(MultipartProperties properties, ObjectProvider<UploadAllowance> allowances) {
        this.properties = properties;
        this.allowances = allowances.orderedStream().toList();
        this.everywhere = new Limit(properties.getMaxFileSize().toBytes(), properties.getMaxRequestSize().toBytes());
    }

    /** The container's ceiling: the application-wide limits, raised to the largest allowance. */
    @Bean
    MultipartConfigElement multipartConfigElement() {
        MultipartConfigElement base = properties.createMultipartConfig();
        long ceiling = allowances.stream().mapToLong(a -> a.maxRequestSize().toBytes()).max().orElse(0);
        return new MultipartConfigElement(base.getLocation(), raise(base.getMaxFileSize(), ceiling),
            raise(base.getMaxRequestSize(), ceiling), base.getFileSizeThreshold());
    }

    @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    MultipartResolver multipartResolver() {
        LimitedResolver resolver = new LimitedResolver(this);
        resolver.setStrictServletCompliance(properties.isStrictServletCompliance());
        return resolver;
    }

    @Bean
    FilterRegistrationBean<OverLimitFilter> overLimitFilter() {
        FilterRegistrationBean<OverLimitFilter> registration = new FilterRegistrationBean<>(new OverLimitFilter(this));
        // before Spring Security, whose CSRF check reads the parameters
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The limit of this request: its path's allowance (POST only), or the application-wide one. */
    Limit of(HttpServletRequest request) {
        if ("POST".equals(request.getMethod())) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            int pathParameters = path.indexOf(';');
            String plain = pathParameters < 0 ? path : path.substring(0, pathParameters);
            for (UploadAllowance a : allowances) {
                if (a.covers(plain)) {
                    return new Limit(a.maxRequestSize().toBytes(), a.maxRequestSize().toBytes());
                }
            }
        }
        return everywhere;
    }

    boolean refusedByLength(HttpServletRequest request) {
        return multipart(request) && of(request).refusesLength(request.getContentLengthLong());
    }

    /**
     * An upload to a path with an allowance whose body the container has yet to read: it is read only once every
     * filter let it through. (One parsed already, as MockMvc hands it over, has nothing left to write to disk.)
     */
    boolean large(HttpServletRequest request) {
        return multipart(request) && of(request) != everywhere
            && WebUtils.getNativeRequest(request, MultipartRequest.class) == null;
    }

    private static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static long raise(long limit, long ceiling) {
        return limit < 0 ? limit : Math.max(limit, ceiling);
    }

    /** Spring's resolver, held to the limit of the request's path before and after the container parses it. */
    static final class LimitedResolver extends StandardServletMultipartResolver {

        private final MultipartLimits limits;

        LimitedResolver(MultipartLimits limits) {
            this.limits = limits;
        }

        @Override
        public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) {
            Limit limit = limits.of(request);
            if (limit.refusesLength(request.getContentLengthLong())) {
                throw new MaxUploadSizeExceededException(limit.maxRequestSize());
            }
            // every filter let it through (the person is logged in, the CSRF token matched): now the body is read
            QueryOnly hidden = WebUtils.getNativeRequest(request, QueryOnly.class);
            if (hidden != null) {
                hidden.release();
            }
            MultipartHttpServletRequest multipart = super.resolveMultipart(request);
            long exceeded;
            try {
                exceeded = exceeded(request.getParts(), limit);
            } catch (IOException | ServletException e) {
                cleanupMultipart(multipart);
                throw new MultipartException("Could not read the parts", e);
            }
            if (exceeded >= 0) {
                cleanupMultipart(multipart);
                throw new MaxUploadSizeExceededException(exceeded);
            }
            return multipart;
        }

        /** The limit a part or all of them together went over, or -1. */
        private static long exceeded(Iterable<Part> parts, Limit limit) {
            long total = 0;
            for (Part part : parts) {
                if (limit.maxFileSize() >= 0 && part.getSize() > limit.maxFileSize()) {
                    return limit.maxFileSize();
                }
                total += part.getSize();
            }
            return limit.maxRequestSize() >= 0 && total > limit.maxRequestSize() ? limit.maxRequestSize() : -1;
        }
    }

    /**
     * Hides the body of an upload from everything that reads parameters before Spring MVC: of one refused by its
     * length for good; of one to a path with an allowance until the multipart resolver takes it, so that nobody
     * can have the container write hundreds of megabytes to disk without logging in (Spring Security's CSRF check
     * reads the parameters before it refuses a stranger; the token of an upload comes in the query string or a
     * header).
     */
    static final class OverLimitFilter extends OncePerRequestFilter {

        private final MultipartLimits limits;

        OverLimitFilter(MultipartLimits limits) {
            this.limits = limits;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
            boolean hide = limits.refusedByLength(request) || limits.large(request);
            chain.doFilter(hide ? new QueryOnly(request) : request, response);
        }
    }

    /** A request whose parameters are those of its query string, its body not read, until it is released. */
    static final class QueryOnly extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;
        private boolean released;

        QueryOnly(HttpServletRequest request) {
            super(request);
            this.parameters = parse(request.getQueryString());
        }

        void release() {
            released = true;
        }

        @Override
        public String getParameter(String name) {
            if (released) {
                return super.getParameter(name);
            }
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return released ? super.getParameterMap() : parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return released ? super.getParameterNames() : Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            if (released) {
                return super.getParameterValues(name);
            }
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        static Map<String, String[]> parse(String query) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                int eq = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    if (!name.isEmpty()) {
                        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                    }
                } catch (IllegalArgumentException malformed) {
                    // skipped, as the container skips a pair it cannot decode
                }
            }
            Map<String, String[]> parameters = new LinkedHashMap<>();
            values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
            return Collections.unmodifiableMap(parameters);
        }
    }
}
