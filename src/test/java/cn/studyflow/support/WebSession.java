package cn.studyflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person's browser-like session over HTTP: a real form login with its CSRF token, a session cookie,
 * and API calls (JSON, and file uploads) that send the CSRF token as a header. The cookie is sent to any node
 * given.
 */
public final class WebSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String username;
    private String csrf;
    /** A personal access token sent with every request instead of a session, or null. */
    private String bearer;

    public WebSession(String username) {
        this.username = username;
        this.client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    /** A program's client of the API: every request carries {@code Authorization: Bearer token}, no login, no CSRF. */
    public static WebSession withToken(String username, String token) {
        WebSession client = new WebSession(username);
        client.bearer = token;
        return client;
    }

    public String username() {
        return username;
    }

    /** Logs in through the login form on {@code baseUrl}, then reads the CSRF token a page carries. */
    public void login(String baseUrl) throws IOException, InterruptedException {
        String page = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).GET()).body();
        Matcher m = CSRF_FIELD.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        String form = "username=" + enc(username) + "&password=" + enc(DemoCast.PASSWORD) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login of " + username + " failed: " + r.statusCode() + " " + location);
        }
        String tasks = send(HttpRequest.newBuilder(URI.create(baseUrl + "/tasks")).GET()).body();
        Matcher meta = CSRF_META.matcher(tasks);
        if (!meta.find()) {
            throw new IllegalStateException("No CSRF token on the tasklist page of " + username);
        }
        csrf = meta.group(1);
    }

    /**
     * Logs in as soon as the node has its people: a node's health is UP before its application runners (the demo
     * data among them) have run.
     */
    public void loginWhenReady(String baseUrl) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                login(baseUrl);
                return;
            } catch (IllegalStateException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    public Response get(String baseUrl, String path) throws IOException, InterruptedException {
        return Response.of(send(to(baseUrl + path).header("Accept", "application/json").GET()));
    }

    /** A GET with its headers, accepting {@code accept} (a page: {@code text/html}). */
    public HttpResponse<String> exchange(String baseUrl, String path, String accept) throws IOException, InterruptedException {
        return send(to(baseUrl + path).header("Accept", accept).GET());
    }

    /** Fetches a file as a browser's download does, accepting whatever type it comes as. */
    public Response download(String baseUrl, String path) throws IOException, InterruptedException {
        return Response.of(send(to(baseUrl + path).GET()));
    }

    public Response post(String baseUrl, String path, Object body) throws IOException, InterruptedException {
        return Response.of(send(json(baseUrl, path).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
    }

    public Response put(String baseUrl, String path, Object body) throws IOException, InterruptedException {
        return Response.of(send(json(baseUrl, path).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
    }

    /** Posts a form with one file, as a browser sends an upload: multipart, the CSRF token as a header. */
    public Response postFile(String baseUrl, String path, Map<String, String> fields, String fileName, byte[] file)
        throws IOException, InterruptedException {
        String boundary = "----studyflow" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return Response.of(send(to(baseUrl + path)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
    }

    /** A file sent from disk under the form field {@code field}. */
    public record FilePart(String field, String fileName, Path file) {
    }

    /**
     * Posts a multipart form whose files are streamed from disk as they are sent, never held in memory, so that a
     * test may send hundreds of megabytes. With {@code formPage} as a page's upload form does (the CSRF token in the
     * query string, the form's page as Referer, a page accepted); with null as an API client (the token as a header,
     * JSON accepted). The body has its length, as a browser's has.
     */
    public Response postParts(String baseUrl, String path, Map<String, String> fields, List<FilePart> files,
                              String formPage) throws IOException, InterruptedException {
        String boundary = "----studyflow" + UUID.randomUUID().toString().replace("-", "");
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + field.getKey() + "\"\r\n\r\n" + field.getValue() + "\r\n", StandardCharsets.UTF_8));
        }
        for (FilePart file : files) {
            parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + file.field() + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n",
                StandardCharsets.UTF_8));
            parts.add(HttpRequest.BodyPublishers.ofFile(file.file()));
            parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        HttpRequest.Builder request;
        if (formPage == null) {
            request = to(baseUrl + path).header("Accept", "application/json");
        } else {
            request = HttpRequest.newBuilder(URI.create(baseUrl + path + (path.contains("?") ? "&" : "?") + "_csrf=" + enc(csrf)))
                .header("Referer", baseUrl + formPage)
                .header("Accept", "text/html");
        }
        return Response.of(send(request.timeout(Duration.ofMinutes(2))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)))));
    }

    private HttpRequest.Builder to(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (bearer != null) {
            return request.header("Authorization", "Bearer " + bearer);
        }
        return csrf == null ? request : request.header("X-CSRF-TOKEN", csrf);
    }

    private HttpRequest.Builder json(String baseUrl, String path) {
        return to(baseUrl + path)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A status, a parsed JSON body (null when the body is not JSON) and the Retry-After header (null when absent). */
    public record Response(int status, JsonNode json, String body, String retryAfter) {

        static Response of(HttpResponse<String> r) {
            JsonNode node = null;
            try {
                node = r.body().isBlank() ? null : JSON.readTree(r.body());
            } catch (IOException e) {
                // not JSON: keep the raw body for the failure message
            }
            return new Response(r.statusCode(), node, r.body(), r.headers().firstValue("Retry-After").orElse(null));
        }

        public boolean ok() {
            return status / 100 == 2;
        }
    }
}
