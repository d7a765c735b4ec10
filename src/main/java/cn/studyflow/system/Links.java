package cn.studyflow.system;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Links to the page being shown with one query parameter changed and the others kept, so that the next
 * page of a filtered list is still filtered: {@code th:href="${@links.with('page', 2)}"}.
 */
@Component("links")
public class Links {

    public String with(String name, Object value) {
        HttpServletRequest request = request();
        return UriComponentsBuilder.fromPath(request.getRequestURI())
            .query(request.getQueryString())
            .replaceQueryParam(name, UriUtils.encodeQueryParam(String.valueOf(value), StandardCharsets.UTF_8))
            .build(true)
            .toUriString();
    }

    /** The same filters on another path, without the page number: the export of a filtered list. */
    public String at(String path) {
        return UriComponentsBuilder.fromPath(request().getContextPath() + path)
            .query(request().getQueryString())
            .replaceQueryParam("page")
            .build(true)
            .toUriString();
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
