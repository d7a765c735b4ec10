package cn.studyflow.upload;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockPart;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The body of a large upload (a lecture's video) is read only when Spring MVC's multipart resolver takes it, after
 * every filter let it through: Spring Security's CSRF check, which runs before it refuses a stranger, sees only the
 * query string, so that nobody can have the container write hundreds of megabytes to disk without logging in.
 */
class MultipartLimitsTest {

    private final MultipartLimits limits = limits();

    @Test
    void aLargeUploadsFieldsAreHiddenFromTheFiltersUntilTheResolverTakesIt() throws Exception {
        MockHttpServletRequest request = upload("/api/lectures/entries");
        AtomicBoolean reached = new AtomicBoolean();

        new MultipartLimits.OverLimitFilter(limits).doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            HttpServletRequest filtered = (HttpServletRequest) req;
            // what the CSRF check reads: the token of the query string, nothing of the body
            assertThat(filtered.getParameter("_csrf")).isEqualTo("token");
            assertThat(filtered.getParameter("title")).isNull();
            assertThat(filtered.getParameterMap()).containsOnlyKeys("_csrf");
            MultipartHttpServletRequest multipart = limits.multipartResolver().resolveMultipart(filtered);
            assertThat(multipart.getParameter("title")).isEqualTo("实讲");
            assertThat(multipart.getFile("video")).isNotNull();
            reached.set(true);
        });

        assertThat(reached).isTrue();
    }

    @Test
    void anOrdinaryUploadIsReadAsBefore() throws Exception {
        MockHttpServletRequest request = upload("/api/materials");

        new MultipartLimits.OverLimitFilter(limits).doFilter(request, new MockHttpServletResponse(), (req, res) ->
            assertThat(req.getParameter("title")).isEqualTo("实讲"));
    }

    private static MockHttpServletRequest upload(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType("multipart/form-data; boundary=x");
        request.setQueryString("_csrf=token");
        // the container's parameters: the query string's and the body's fields
        request.addParameter("_csrf", "token");
        request.addParameter("title", "实讲");
        request.addPart(new MockPart("title", "实讲".getBytes(StandardCharsets.UTF_8)));
        request.addPart(new MockPart("video", "实讲.mp4", new byte[64]));
        return request;
    }

    private static MultipartLimits limits() {
        MultipartProperties properties = new MultipartProperties();
        properties.setMaxFileSize(DataSize.ofMegabytes(25));
        properties.setMaxRequestSize(DataSize.ofMegabytes(30));
        UploadAllowance lectures = new UploadAllowance(Set.of("/api/lectures/entries"), DataSize.ofMegabytes(521));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("lectureUploads", lectures));
        return new MultipartLimits(properties, beans.getBeanProvider(UploadAllowance.class));
    }
}
