package cn.studyflow.system;

import static cn.studyflow.system.RequestSweep.LONG;
import static cn.studyflow.system.RequestSweep.PDF;
import static cn.studyflow.system.RequestSweep.plain;
import static cn.studyflow.system.RequestSweep.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.studyflow.support.IntegrationTest;
import cn.studyflow.system.RequestSweep.Variant;
import cn.studyflow.system.Routes.Body;
import cn.studyflow.system.Routes.Param;
import cn.studyflow.system.Routes.Route;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No request answers with a 5xx (issue 13): every operation of {@code /v3/api-docs} and every page route of
 * Spring's handler mappings (so that a new route is walked without touching this test), each parameter at its
 * boundaries, each body malformed, as each kind of person. A request whose handling throws out of the server
 * (a session attribute that the JDBC session store cannot write, say) fails as a 500 would. Requests go through
 * MockMvc with every filter of the application, the Spring Session filter and its JDBC store included; what
 * only a real server parses (a truncated multipart body) goes over HTTP. A context of its own, with the demo
 * plans, since requests with working values really act. How each request is built and sent is
 * {@link RequestSweep}'s; this says what is swept and asserts that nothing got a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "studyflow.demo.sample-plans=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoServerErrorTest extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(NoServerErrorTest.class);
    private static final List<String> BOUNDARY = List.of("0", "-1", "2147483647", "99999999999999999999", "", LONG,
        "a\u0000b", "abc");
    /** Everyone walks every route with working values; other values go as the first of these whom the route serves. */
    private static final List<String> PEOPLE = List.of("bq_secretary", "bq_member", "qz_dept", "admin");

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers;
    @Autowired TasklistService tasks;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    private List<Route> api;
    private List<Route> pages;
    private RequestSweep sweep;
    private final Map<String, String> entitled = new java.util.HashMap<>();

    @BeforeAll
    void readTheRoutesOfTheRunningApplication() throws Exception {
        TaskInfo task = tasks.list(user("qz_leader"), TaskFilter.View.GROUP, null, null, null, TaskFilter.Sort.CREATED,
            false, 0, 1).items().get(0);
        sweep = new RequestSweep(mvc, this::as, port, task.id(), task.processInstanceId());
        JsonNode doc = json.readTree(mvc.perform(get("/v3/api-docs").with(as("admin"))).andReturn().getResponse()
            .getContentAsString());
        api = Routes.fromOpenApi(doc, sweep::normal);
        pages = Routes.fromHandlerMethods(handlers.getHandlerMethods(), sweep::normal, p -> p.startsWith("/api/"));
    }

    @BeforeEach
    void nothingFailedYet() {
        sweep.reset();
    }

    @Test
    void theOpenApiDocumentListsEveryOperationOfTheApi() {
        Set<String> documented = new LinkedHashSet<>();
        api.forEach(r -> documented.add(r.method() + " " + plain(r.pattern())));
        List<String> missing = new ArrayList<>();
        Routes.fromHandlerMethods(handlers.getHandlerMethods(), sweep::normal, p -> !p.startsWith("/api/"))
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
            sweep.send(null, r, values(r), Variant.normal(r));
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
                    sweep.send(entitled(r), r, values, Variant.normal(r));
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
                    sweep.send(entitled(r), indexed, values(indexed), Variant.normal(r));
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
                sweep.send(entitled(r), r, values, v);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Route r : routes()) {
            if (seen.add(r.pattern())) {
                Route patch = new Route(HttpMethod.PATCH, r.pattern(), r.params(), Body.NONE, List.of(), List.of());
                sweep.send(entitled(r), patch, values(r), Variant.NONE);
                if (r.method() == HttpMethod.GET) {
                    sweep.send(entitled(r), r, values(r), Variant.accept("application/xml"));
                }
            }
        }
        assertNoFailures();
    }

    /** Bodies that MockMvc cannot send, since it hands the parts over already parsed: a real server reads them. */
    @Test
    void multipartBodiesThatOnlyARealServerParses() throws Exception {
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
                sweep.postOverHttp("bq_member", basic, path, body.getKey(), body.getValue());
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
            if (sweep.send(person, r, values(r), Variant.normal(r)) < 400 && found == null) {
                found = person;
            }
        }
        return found == null ? PEOPLE.get(PEOPLE.size() - 1) : found;
    }

    private void assertNoFailures() {
        log.info("{} requests sent, {} answered 5xx or threw", sweep.sent(), sweep.failures().size());
        assertThat(sweep.failures()).as("requests that got a 5xx (%d of %d)", sweep.failures().size(), sweep.sent())
            .isEmpty();
    }
}
