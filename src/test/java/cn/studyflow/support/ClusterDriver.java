package cn.studyflow.support;

import cn.studyflow.material.MaterialReviewProcess;
import cn.studyflow.org.Role;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.WebSession.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives plan approvals and material reviews over HTTP against one or more nodes, as people in browsers
 * would: one logged-in session per person, each request to a random live node.
 */
public final class ClusterDriver {

    /** Whose sessions a cluster opens in every demo organisation: whoever a plan or a material needs. */
    static final List<Role> ROLES = List.of(Role.SECRETARY, Role.PUBLICITY, Role.LEADER, Role.DEPT, Role.OFFICE, Role.MEMBER);

    private ClusterDriver() {
    }

    /** Annual plans for {@code annualYears} years from {@code firstYear}, and supplementary plans, per organisation. */
    public static List<PlanJourney> plans(Cluster cluster, int firstYear, int annualYears, int supplementaryPerOrg) {
        List<PlanJourney> journeys = new ArrayList<>();
        for (DemoOrg org : DemoOrg.values()) {
            for (int y = 0; y < annualYears; y++) {
                journeys.add(new PlanJourney(cluster, org, true, firstYear + y, null));
            }
            for (int i = 0; i < supplementaryPerOrg; i++) {
                journeys.add(new PlanJourney(cluster, org, false, firstYear, i % 12 + 1));
            }
        }
        return journeys;
    }

    /**
     * {@code perOrg} materials per organisation, each uploaded by its member for one of the organisation's
     * open sessions: so an approved plan of each organisation must have scheduled some before they start.
     */
    public static List<MaterialJourney> materials(Cluster cluster, int perOrg) {
        List<MaterialJourney> journeys = new ArrayList<>();
        for (DemoOrg org : DemoOrg.values()) {
            for (int i = 0; i < perOrg; i++) {
                journeys.add(new MaterialJourney(cluster, org, i));
            }
        }
        return journeys;
    }

    /** The nodes and one logged-in session per person; each call goes to a random live node. */
    public static final class Cluster {

        final List<Node> nodes;
        public final Map<String, WebSession> people = new HashMap<>();
        private final AtomicInteger unavailable = new AtomicInteger();

        public Cluster(List<Node> nodes) throws Exception {
            this.nodes = nodes;
            int i = 0;
            for (DemoOrg org : DemoOrg.values()) {
                for (Role role : ROLES) {
                    WebSession session = new WebSession(org.username(role));
                    session.login(nodes.get(i++ % nodes.size()).baseUrl());
                    people.put(session.username(), session);
                }
            }
        }

        public WebSession person(String username) {
            return people.get(username);
        }

        /**
         * Calls a live node; a node that does not answer is skipped, as a reverse proxy would. A 503 (the database
         * away) is tried again after a pause, as a user told "try again" would, once it carries Retry-After; any
         * other 5xx fails the test at once.
         */
        public Response call(Request request) throws Exception {
            IOException last = null;
            for (int attempt = 0; attempt < 60; attempt++) {
                List<Node> alive = nodes.stream().filter(Node::isAlive).toList();
                Node node = alive.get(ThreadLocalRandom.current().nextInt(alive.size()));
                Response r;
                try {
                    r = request.send(node.baseUrl());
                } catch (IOException e) {
                    last = e;
                    Thread.sleep(200);
                    continue;
                }
                if (r.status() == 503) {
                    if (r.retryAfter() == null) {
                        throw new AssertionError("503 without Retry-After from " + node.name() + ": " + r.body());
                    }
                    unavailable.incrementAndGet();
                    // sooner than Retry-After asks, to keep the test short; the outcome is the same
                    Thread.sleep(1000);
                    continue;
                }
                if (r.status() >= 500) {
                    throw new AssertionError(r.status() + " from " + node.name() + ": " + r.body() + "; the node logged: "
                        + node.lastUnexpectedFailure());
                }
                return r;
            }
            if (last != null) {
                throw last;
            }
            throw new AssertionError("Still 503 after 60 tries");
        }

        /** How many 503 answers the calls met (and tried again). */
        public int unavailableAnswers() {
            return unavailable.get();
        }
    }

    @FunctionalInterface
    public interface Request {
        Response send(String baseUrl) throws IOException, InterruptedException;
    }

    /**
     * One process instance from start to end: its author starts it, then whoever holds the step that the
     * subject's page shows as current decides it, until there is none left.
     */
    public abstract static class Journey {

        final Cluster cluster;
        final DemoOrg org;
        public final WebSession author;

        Journey(Cluster cluster, DemoOrg org, WebSession author) {
            this.cluster = cluster;
            this.org = org;
            this.author = author;
        }

        /** Creates the subject and sends it into its process. */
        public abstract Void draftAndSubmit() throws Exception;

        /** The API path of the subject, which shows its current steps. */
        abstract String path();

        /** Whether the subject, as its page shows it with no step left, has reached the end of its process. */
        abstract boolean finished(JsonNode view);

        /** Approves the task at {@code step} as the person who holds it. */
        abstract Response approve(String step, String taskId) throws Exception;

        public Void review() throws Exception {
            for (int round = 0; round < 200; round++) {
                JsonNode view = expectOk(cluster.call(n -> author.get(n, path()))).json();
                JsonNode steps = view.get("currentSteps");
                if (steps.isEmpty()) {
                    if (finished(view)) {
                        return null;
                    }
                    Thread.sleep(100);
                    continue;
                }
                JsonNode task = steps.get(0);
                Response r = approve(task.get("step").asText(), task.get("id").asText());
                // 409: a retried request whose first attempt had already gone through; look again
                if (!r.ok() && r.status() != 409 && r.status() != 404) {
                    throw new AssertionError("Deciding " + task + " failed: " + r.status() + " " + r.body());
                }
            }
            throw new AssertionError(path() + " did not finish");
        }

        Response decide(String username, String path, Map<String, Object> form) throws Exception {
            WebSession actor = cluster.person(username);
            return cluster.call(n -> actor.post(n, path, form));
        }

        /** The tasklist's own approval, for steps without a form of their own. */
        Response approveInTasklist(String username, String taskId) throws Exception {
            return decide(username, "/api/tasks/" + taskId + "/complete", Map.of("decision", "APPROVE", "comment", "同意"));
        }

        static Response expectOk(Response r) {
            if (!r.ok()) {
                throw new AssertionError(r.status() + " " + r.body());
            }
            return r;
        }
    }

    /** One plan from creation to approval. */
    public static final class PlanJourney extends Journey {

        public final boolean annual;
        final int year;
        final Integer month;
        public final int topics;
        public long planId;

        PlanJourney(Cluster cluster, DemoOrg org, boolean annual, int year, Integer month) {
            super(cluster, org, cluster.person(org.username(Role.SECRETARY)));
            this.annual = annual;
            this.year = year;
            this.month = month;
            this.topics = annual ? 12 : 2;
        }

        @Override
        public Void draftAndSubmit() throws Exception {
            Map<String, Object> create = new HashMap<>();
            create.put("kind", annual ? "ANNUAL" : "SUPPLEMENTARY");
            create.put("year", year);
            create.put("month", month);
            Response created = expectOk(cluster.call(n -> author.post(n, "/api/plans", create)));
            planId = created.json().get("plan").get("id").asLong();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < topics; i++) {
                rows.add(Map.of("month", annual ? i + 1 : month, "title", "专题" + (i + 1), "format", "COLLECTIVE_STUDY",
                    "speaker", "领学人" + i, "enlarged", false));
            }
            Map<String, Object> form = Map.of("title", created.json().get("plan").get("title").asText(),
                "version", created.json().get("plan").get("version").asInt(), "topics", rows);
            Response saved = expectOk(cluster.call(n -> author.put(n, "/api/plans/" + planId, form)));
            int version = saved.json().get("plan").get("version").asInt();
            expectOk(cluster.call(n -> author.post(n, "/api/plans/" + planId + "/submit", Map.of("version", version))));
            return null;
        }

        @Override
        String path() {
            return "/api/plans/" + planId;
        }

        @Override
        boolean finished(JsonNode view) {
            return "APPROVED".equals(view.get("plan").get("status").asText());
        }

        @Override
        Response approve(String step, String taskId) throws Exception {
            return approveInTasklist(org.planDecider(step), taskId);
        }
    }

    /**
     * One material from upload to archive (两审一把关): the organisation's member uploads a PDF and submits
     * it; the office approves it as complete and 不涉密, the publicity member passes the three checks, the
     * leader signs it off.
     */
    public static final class MaterialJourney extends Journey {

        final int index;
        /** A file of its own, so that a download shows whether each material kept its own. */
        public final byte[] file;
        public long materialId;

        MaterialJourney(Cluster cluster, DemoOrg org, int index) {
            super(cluster, org, cluster.person(org.materialDecider(MaterialReviewProcess.TASK_SUBMIT)));
            this.index = index;
            this.file = ("%PDF-1.4\n% " + org.code() + " material " + index + "\n1 0 obj << /Type /Catalog >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public Void draftAndSubmit() throws Exception {
            JsonNode sessions = expectOk(cluster.call(n -> author.get(n, "/api/materials/sessions"))).json();
            if (sessions.isEmpty()) {
                throw new AssertionError("No open session of " + org + " to upload a material for");
            }
            Map<String, String> fields = Map.of("sessionId", sessions.get(index % sessions.size()).get("id").asText(),
                "kind", "SPEECH", "title", "研讨发言" + index, "summary", "围绕专题谈学习体会和下一步工作打算。", "submit", "true");
            Response created = expectOk(cluster.call(n -> author.postFile(n, "/api/materials", fields,
                "研讨发言" + index + ".pdf", file)));
            materialId = created.json().get("material").get("id").asLong();
            return null;
        }

        @Override
        String path() {
            return "/api/materials/" + materialId;
        }

        @Override
        boolean finished(JsonNode view) {
            return "ARCHIVED".equals(view.get("material").get("status").asText());
        }

        @Override
        Response approve(String step, String taskId) throws Exception {
            String reviews = "/api/materials/tasks/" + taskId;
            return switch (step) {
                case MaterialReviewProcess.TASK_FIRST_REVIEW -> decide(org.materialDecider(step), reviews + "/first-review",
                    Map.of("decision", "APPROVE", "notClassified", true, "comment", "材料完整，格式规范，不涉密"));
                case MaterialReviewProcess.TASK_SECOND_REVIEW -> decide(org.materialDecider(step), reviews + "/second-review",
                    Map.of("passed", Map.of("POLITICAL", true, "ACADEMIC", true, "LEGAL", true), "comment", "同意"));
                case MaterialReviewProcess.TASK_SIGN_OFF -> approveInTasklist(org.materialDecider(step), taskId);
                default -> throw new AssertionError("Unexpected step " + step + " of material " + materialId);
            };
        }
    }
}
