package cn.studyflow.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;

import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.system.Routes.Body;
import cn.studyflow.system.Routes.Param;
import cn.studyflow.system.Routes.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriUtils;

/**
 * How {@link NoServerErrorTest} builds and sends its requests: a working value for each parameter of a
 * {@link Route}, the path with its variables filled in, the body a request carries ({@link Variant}: the working
 * one and the malformed ones), and the sending itself, through MockMvc or, for what only a real server parses,
 * over HTTP. It counts what it sent and notes every request that got a 5xx or threw, with enough of the request
 * to send it again; the test says what is swept and asserts that nothing was noted.
 */
final class RequestSweep {

    static final String LONG = "x".repeat(10_000);
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    private final MockMvc mvc;
    private final Function<String, RequestPostProcessor> as;
    private final int port;
    private final String taskId;
    private final String instanceId;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Set<String> failures = new LinkedHashSet<>();
    private int sent;

    /**
     * Sends through {@code mvc} as the person {@code as} names, and over HTTP to {@code localhost:port}; a
     * parameter that names a task or a process instance gets {@code taskId} or {@code instanceId}.
     */
    RequestSweep(MockMvc mvc, Function<String, RequestPostProcessor> as, int port, String taskId, String instanceId) {
        this.mvc = mvc;
        this.as = as;
        this.port = port;
        this.taskId = taskId;
        this.instanceId = instanceId;
    }

    /** Forgets what was sent and noted so far. */
    void reset() {
        failures.clear();
        sent = 0;
    }

    int sent() {
        return sent;
    }

    /** The requests that got a 5xx or threw, each with its answer. */
    Set<String> failures() {
        return failures;
    }

    /** The working value of each parameter of the route. */
    static Map<String, String> values(Route r) {
        Map<String, String> values = new LinkedHashMap<>();
        r.params().forEach(p -> values.put(p.name(), p.normal()));
        return values;
    }

    /** A value that works for a parameter of this name and type. */
    String normal(String name, Class<?> type) {
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return LocalDate.of(2026, 3, 1).toString();
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return switch (name) {
                case "year" -> "2026";
                case "month" -> "3";
                case "page" -> "0";
                case "size" -> "20";
                default -> "1";
            };
        }
        return switch (name) {
            case "id", "taskId", "taskIds" -> taskId;
            case "processInstanceId" -> instanceId;
            case "key", "process", "processKey" -> PlanApprovalProcess.KEY;
            case "lang" -> "en";
            case "dir" -> "asc";
            default -> "测试";
        };
    }

    /** Sends one request and notes it if it got a 5xx or threw; answers the status (600 for an exception). */
    int send(String role, Route r, Map<String, String> values, Variant variant) {
        String uri = expand(r, values);
        MockHttpServletRequestBuilder request;
        List<MockMultipartFile> files = r.body() == Body.MULTIPART ? variant.files(r) : List.of();
        if (!files.isEmpty()) {
            MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(r.method(), URI.create(uri));
            files.forEach(multipart::file);
            request = multipart;
        } else {
            request = MockMvcRequestBuilders.request(r.method(), URI.create(uri));
        }
        StringBuilder params = new StringBuilder();
        for (Param p : r.params()) {
            if (!p.inPath()) {
                request.param(p.name(), values.get(p.name()));
                params.append(p.name()).append('=').append(show(values.get(p.name()))).append(' ');
            }
        }
        if (variant.contentType() != null) {
            request.contentType(variant.contentType());
        }
        if (variant.content() != null) {
            request.content(variant.content());
        }
        if (variant.accept() != null) {
            request.header(HttpHeaders.ACCEPT, variant.accept());
        }
        if (r.method() != HttpMethod.GET && r.method() != HttpMethod.HEAD) {
            request.with(csrf());
        }
        if (role != null) {
            request.with(as.apply(role));
        }
        String what = (role == null ? "anonymous" : role) + " " + r.method() + " " + show(uri) + " " + params
            + variant.describe(files);
        sent++;
        try {
            MvcResult result = mvc.perform(request).andReturn();
            if (result.getRequest().isAsyncStarted()) {
                result = mvc.perform(asyncDispatch(result)).andReturn();
            }
            int status = result.getResponse().getStatus();
            if (status >= 500) {
                failures.add(what + " -> " + status + " " + show(result.getResponse().getContentAsString()));
            }
            return status;
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            failures.add(what + " -> threw " + root);
            return 600;
        }
    }

    /**
     * POSTs {@code body} (its chars as ISO-8859-1 bytes) to the running server over HTTP, as {@code who} with this
     * {@code Authorization}, and notes it if it got a 5xx.
     */
    void postOverHttp(String who, String authorization, String path, String contentType, String body)
        throws Exception {
        sent++;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, authorization).header(HttpHeaders.CONTENT_TYPE, contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500) {
            failures.add(who + " POST " + path + " [" + contentType + "] body=" + show(body)
                + " -> " + response.statusCode() + " " + show(response.body()));
        }
    }

    private static String expand(Route r, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(r.pattern());
        StringBuilder uri = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "1");
            m.appendReplacement(uri, Matcher.quoteReplacement(UriUtils.encodePathSegment(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(uri);
        return uri.toString().replace("/**", "/x");
    }

    /** A path pattern without the regular expressions of its variables: {@code /x/{id:\d+}} is {@code /x/{id}}. */
    static String plain(String pattern) {
        return VARIABLE.matcher(pattern).replaceAll("{$1}");
    }

    /** A value as the failure report shows it: long ones shortened, NUL visible. */
    static String show(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.replace("\u0000", "\\0");
        return shown.length() > 120 ? shown.substring(0, 60) + "…(" + shown.length() + " chars)" : shown;
    }

    /** What a request carries besides its parameters. */
    record Variant(String contentType, byte[] content, String accept, String fileName, byte[] file) {

        static final Variant NONE = new Variant(null, null, null, null, null);

        static Variant normal(Route r) {
            return switch (r.body()) {
                case JSON -> new Variant(MediaType.APPLICATION_JSON_VALUE, "{}".getBytes(StandardCharsets.UTF_8), null,
                    null, null);
                case MULTIPART -> new Variant(null, null, null, "发言.pdf", PDF);
                case NONE -> NONE;
            };
        }

        static Variant accept(String type) {
            return new Variant(null, null, type, null, null);
        }

        static List<Variant> malformed(Route r, ObjectMapper json) {
            List<Variant> variants = new ArrayList<>();
            if (r.body() == Body.JSON) {
                for (String body : List.of("", "[]", "{", "\"x\"", "null")) {
                    variants.add(json(body));
                }
                variants.add(new Variant(MediaType.TEXT_PLAIN_VALUE, "x".getBytes(StandardCharsets.UTF_8), null, null, null));
                variants.add(new Variant(null, "{}".getBytes(StandardCharsets.UTF_8), null, null, null));
                for (String field : r.jsonFields()) {
                    for (Object value : new Object[] {LONG, "a\u0000b", -1, Integer.MAX_VALUE,
                        new java.math.BigInteger("99999999999999999999"), List.of(), Map.of()}) {
                        try {
                            variants.add(json(json.writeValueAsString(Map.of(field, value))));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    variants.add(json("{\"" + field + "\":null}"));
                }
            }
            if (r.body() == Body.MULTIPART) {
                variants.add(new Variant(null, null, null, "a\u0000b.pdf", PDF));
                variants.add(new Variant(null, null, null, LONG + ".pdf", PDF));
                variants.add(new Variant(null, null, null, "", PDF));
                variants.add(new Variant(null, null, null, "空.pdf", new byte[0]));
                variants.add(new Variant(null, null, null, "../../etc/passwd", "x".getBytes(StandardCharsets.UTF_8)));
                variants.add(new Variant(MediaType.MULTIPART_FORM_DATA_VALUE, "--x".getBytes(StandardCharsets.UTF_8),
                    null, null, null));
            }
            if (r.body() == Body.NONE && r.method() != HttpMethod.GET) {
                variants.add(json("{}"));
            }
            return variants;
        }

        private static Variant json(String body) {
            return new Variant(MediaType.APPLICATION_JSON_VALUE, body.getBytes(StandardCharsets.UTF_8), null, null, null);
        }

        List<MockMultipartFile> files(Route r) {
            if (fileName == null) {
                return List.of();
            }
            return r.files().stream().map(name -> new MockMultipartFile(name, fileName, "application/pdf", file)).toList();
        }

        String describe(List<MockMultipartFile> files) {
            StringBuilder d = new StringBuilder();
            if (contentType != null) {
                d.append('[').append(contentType).append("] ");
            }
            if (content != null) {
                d.append("body=").append(show(new String(content, StandardCharsets.UTF_8))).append(' ');
            }
            if (accept != null) {
                d.append("Accept: ").append(accept).append(' ');
            }
            files.forEach(f -> d.append("file ").append(f.getName()).append('=').append(show(f.getOriginalFilename()))
                .append(" (").append(f.getSize()).append(" bytes) "));
            return d.toString().trim();
        }
    }
}
