package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.system.Routes.Body;
import cn.studyflow.system.Routes.Param;
import cn.studyflow.system.Routes.Route;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * No request answers with a 5xx (issue 13): every operation of {@code /v3/api-docs} and every page route of
 * Spring's handler mappings (so that a new route is walked without touching this test), each parameter at its
 * boundaries, each body malformed, as each kind of person. A request whose handling throws out of the server
 * (a session attribute that the JDBC session store cannot write, say) fails as a 500 would. Requests go through
 * MockMvc with every filter of the application, the Spring Session filter and its JDBC store included; what
 * only a real server parses (a truncated multipart body) goes over HTTP. A context of its own, with the demo
 * plans, since requests with working values really act.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "studyflow.demo.sample-plans=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoServerErrorTest extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(NoServerErrorTest.class);
    private static final String LONG = "x".repeat(10_000);
    private static final List<String> BOUNDARY = List.of("0", "-1", "2147483647", "99999999999999999999", "", LONG,
        "a\u0000b", "abc");
    /** Everyone walks every route with working values; other values go as the first of these whom the route serves. */
    private static final List<String> PEOPLE = List.of("bq_secretary", "bq_member", "qz_dept", "admin");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers;
    @Autowired TasklistService tasks;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    private List<Route> api;
    private List<Route> pages;
    private String taskId;
    private String instanceId;
    private final Set<String> failures = new LinkedHashSet<>();
    private final Map<String, String> entitled = new java.util.HashMap<>();
    private int sent;

    @BeforeAll
    void readTheRoutesOfTheRunningApplication() throws Exception {
        TaskInfo task = tasks.list(user("qz_leader"), TaskFilter.View.GROUP, null, null, null, TaskFilter.Sort.CREATED,
            false, 0, 1).items().get(0);
        taskId = task.id();
        instanceId = task.processInstanceId();
        JsonNode doc = json.readTree(mvc.perform(get("/v3/api-docs").with(as("admin"))).andReturn().getResponse()
            .getContentAsString());
        api = Routes.fromOpenApi(doc, this::normal);
        pages = Routes.fromHandlerMethods(handlers.getHandlerMethods(), this::normal, p -> p.startsWith("/api/"));
    }

    @BeforeEach
    void nothingFailedYet() {
        failures.clear();
        sent = 0;
    }

    @Test
    void theOpenApiDocumentListsEveryOperationOfTheApi() {
        Set<String> documented = new LinkedHashSet<>();
        api.forEach(r -> documented.add(r.method() + " " + plain(r.pattern())));
        List<String> missing = new ArrayList<>();
        Routes.fromHandlerMethods(handlers.getHandlerMethods(), this::normal, p -> !p.startsWith("/api/"))
            .forEach(r -> {
                if (!documented.contains(r.method() + " " + plain(r.pattern()))) {
                    missing.add(r.toString());
                }
            });
        assertThat(api).hasSizeGreaterThan(50);
        assertThat(pages).hasSizeGreaterThan(60);
        assertThat(missing).as("API operations the walk would not see").isEmpty();
    }

    @Test
    void everyRouteWithWorkingValuesAsEachRole() {
        for (Route r : routes()) {
            entitled.put(r.toString(), firstServed(r));
            send(null, r, values(r), Variant.normal(r));
        }
        assertNoFailures();
    }

    @Test
    void everyParameterAtItsBoundaries() {
        for (Route r : routes()) {
            for (Param p : r.params()) {
                for (String value : BOUNDARY) {
                    Map<String, String> values = values(r);
                    values.put(p.name(), value);
                    send(entitled(r), r, values, Variant.normal(r));
                }
            }
        }
        assertNoFailures();
    }

    @Test
    void everyRowIndexOfAFormAtItsBoundaries() {
        int probed = 0;
        for (Route r : routes()) {
            for (Param p : r.params()) {
                if (!p.name().contains("[0]")) {
                    continue;
                }
                for (String index : List.of("255", "256", "300", "2147483647", "-1", "99999999999999999999", "", "x")) {
                    List<Param> params = new ArrayList<>(r.params());
                    params.set(params.indexOf(p), new Param(p.name().replace("[0]", "[" + index + "]"), false, p.normal()));
                    Route indexed = new Route(r.method(), r.pattern(), params, r.body(), r.jsonFields(), r.files());
                    send(entitled(r), indexed, values(indexed), Variant.normal(r));
                    probed++;
                }
            }
        }
        assertThat(probed).as("requests to forms with rows, such as a plan's topics").isPositive();
        assertNoFailures();
    }

    @Test
    void everyBodyMalformedAndEveryWrongMethodOrType() {
        for (Route r : routes()) {
            Map<String, String> values = values(r);
            for (Variant v : Variant.malformed(r, json)) {
                send(entitled(r), r, values, v);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Route r : routes()) {
            if (seen.add(r.pattern())) {
                send(entitled(r), new Route(HttpMethod.PATCH, r.pattern(), r.params(), Body.NONE, List.of(), List.of()),
                    values(r), Variant.NONE);
                if (r.method() == HttpMethod.GET) {
                    send(entitled(r), r, values(r), Variant.accept("application/xml"));
                }
            }
        }
        assertNoFailures();
    }

    /** Bodies that MockMvc cannot send, since it hands the parts over already parsed: a real server reads them. */
    @Test
    void multipartBodiesThatOnlyARealServerParses() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String boundary = "----sf" + System.nanoTime();
        String whole = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n发言\r\n--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
            + new String(PDF, StandardCharsets.ISO_8859_1) + "\r\n--" + boundary + "--\r\n";
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("multipart/form-data; boundary=" + boundary, whole.substring(0, whole.length() / 2));
        bodies.put("multipart/form-data", whole);
        bodies.put("multipart/form-data; boundary=", whole);
        bodies.put("multipart/form-data; boundary=" + boundary + "x", whole);
        bodies.put("multipart/form-data; boundary=" + boundary + " ", "--" + boundary + "\r\nContent-Disposition: "
            + "form-data; name=\"file\"; filename=\"a\u0000b.pdf\"\r\n\r\n" + new String(PDF, StandardCharsets.ISO_8859_1)
            + "\r\n--" + boundary + "--\r\n");
        String basic = "Basic " + Base64.getEncoder().encodeToString(("bq_member:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("/api/materials", "/api/materials/1/versions")) {
            for (Map.Entry<String, String> body : bodies.entrySet()) {
                sent++;
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header(HttpHeaders.AUTHORIZATION, basic).header(HttpHeaders.CONTENT_TYPE, body.getKey())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.getValue().getBytes(StandardCharsets.ISO_8859_1)))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 500) {
                    failures.add("bq_member POST " + path + " [" + body.getKey() + "] body=" + show(body.getValue())
                        + " -> " + response.statusCode() + " " + show(response.body()));
                }
            }
        }
        assertNoFailures();
    }

    private List<Route> routes() {
        List<Route> all = new ArrayList<>(api);
        all.addAll(pages);
        // logging out only ends the session of the request that asks
        all.removeIf(r -> r.pattern().equals("/logout"));
        return all;
    }

    /**
     * The first of {@link #PEOPLE} whom the route serves with working values (else the last), found by sending each
     * of them once: boundary values then reach the code behind the checks of who may ask.
     */
    private String entitled(Route r) {
        return entitled.computeIfAbsent(r.toString(), k -> firstServed(r));
    }

    private String firstServed(Route r) {
        String found = null;
        for (String person : PEOPLE) {
            if (send(person, r, values(r), Variant.normal(r)) < 400 && found == null) {
                found = person;
            }
        }
        return found == null ? PEOPLE.get(PEOPLE.size() - 1) : found;
    }

    private Map<String, String> values(Route r) {
        Map<String, String> values = new LinkedHashMap<>();
        r.params().forEach(p -> values.put(p.name(), p.normal()));
        return values;
    }

    /** A value that works for a parameter of this name and type. */
    private String normal(String name, Class<?> type) {
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
    private int send(String role, Route r, Map<String, String> values, Variant variant) {
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
            request.with(as(role));
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

    private static String plain(String pattern) {
        return VARIABLE.matcher(pattern).replaceAll("{$1}");
    }

    private void assertNoFailures() {
        log.info("{} requests sent, {} answered 5xx or threw", sent, failures.size());
        assertThat(failures).as("requests that got a 5xx (%d of %d)", failures.size(), sent).isEmpty();
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
