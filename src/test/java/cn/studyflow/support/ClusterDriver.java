package cn.studyflow.support;

import cn.studyflow.support.WebSession.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Drives plan approvals over HTTP against one or more nodes, as people in browsers would: one logged-in
 * session per person, each request to a random live node.
 */
public final class ClusterDriver {

    public static final String[] ORGS = {"wf", "qz", "bq", "wfz", "jy"};
    static final Map<String, String> SUPERIOR = Map.of("wf", "wf", "qz", "wf", "bq", "qz", "wfz", "qz", "jy", "qz");

    private ClusterDriver() {
    }

    /** Annual plans for {@code annualYears} years from {@code firstYear}, and supplementary plans, per organisation. */
    public static List<Journey> journeys(Cluster cluster, int firstYear, int annualYears, int supplementaryPerOrg) {
        List<Journey> journeys = new ArrayList<>();
        for (String org : ORGS) {
            for (int y = 0; y < annualYears; y++) {
                journeys.add(new Journey(cluster, org, true, firstYear + y, null));
            }
            for (int i = 0; i < supplementaryPerOrg; i++) {
                journeys.add(new Journey(cluster, org, false, firstYear, i % 12 + 1));
            }
        }
        return journeys;
    }

    /** The nodes and one logged-in session per person; each call goes to a random live node. */
    public static final class Cluster {

        final List<Node> nodes;
        public final Map<String, WebSession> people = new HashMap<>();

        public Cluster(List<Node> nodes) throws Exception {
            this.nodes = nodes;
            int i = 0;
            for (String org : ORGS) {
                for (String role : List.of("secretary", "publicity", "leader", "dept")) {
                    WebSession session = new WebSession(org + "_" + role);
                    session.login(nodes.get(i++ % nodes.size()).baseUrl());
                    people.put(session.username(), session);
                }
            }
        }

        public WebSession person(String username) {
            return people.get(username);
        }

        /** Calls a live node; a node that does not answer is skipped, as a reverse proxy would. */
        public Response call(Request request) throws Exception {
            IOException last = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                List<Node> alive = nodes.stream().filter(Node::isAlive).toList();
                Node node = alive.get(ThreadLocalRandom.current().nextInt(alive.size()));
                try {
                    return request.send(node.baseUrl());
                } catch (IOException e) {
                    last = e;
                    Thread.sleep(200);
                }
            }
            throw last;
        }
    }

    @FunctionalInterface
    public interface Request {
        Response send(String baseUrl) throws IOException, InterruptedException;
    }

    /** One plan from creation to approval, driven by what the plan's page says is next. */
    public static final class Journey {

        final Cluster cluster;
        final String org;
        public final boolean annual;
        final int year;
        final Integer month;
        public final int topics;
        public final WebSession secretary;
        public long planId;

        Journey(Cluster cluster, String org, boolean annual, int year, Integer month) {
            this.cluster = cluster;
            this.org = org;
            this.annual = annual;
            this.year = year;
            this.month = month;
            this.topics = annual ? 12 : 2;
            this.secretary = cluster.person(org + "_secretary");
        }

        public Void draftAndSubmit() throws Exception {
            Map<String, Object> create = new HashMap<>();
            create.put("kind", annual ? "ANNUAL" : "SUPPLEMENTARY");
            create.put("year", year);
            create.put("month", month);
            Response created = expectOk(cluster.call(n -> secretary.post(n, "/api/plans", create)));
            planId = created.json().get("plan").get("id").asLong();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < topics; i++) {
                rows.add(Map.of("month", annual ? i + 1 : month, "title", "专题" + (i + 1), "format", "COLLECTIVE_STUDY",
                    "speaker", "领学人" + i, "enlarged", false));
            }
            Map<String, Object> form = Map.of("title", created.json().get("plan").get("title").asText(),
                "version", created.json().get("plan").get("version").asInt(), "topics", rows);
            Response saved = expectOk(cluster.call(n -> secretary.put(n, "/api/plans/" + planId, form)));
            int version = saved.json().get("plan").get("version").asInt();
            expectOk(cluster.call(n -> secretary.post(n, "/api/plans/" + planId + "/submit", Map.of("version", version))));
            return null;
        }

        public Void review() throws Exception {
            for (int round = 0; round < 200; round++) {
                JsonNode view = expectOk(cluster.call(n -> secretary.get(n, "/api/plans/" + planId))).json();
                JsonNode steps = view.get("currentSteps");
                if (steps.isEmpty()) {
                    if ("APPROVED".equals(view.get("plan").get("status").asText())) {
                        return null;
                    }
                    Thread.sleep(100);
                    continue;
                }
                JsonNode task = steps.get(0);
                WebSession actor = cluster.person(actorFor(task.get("step").asText()));
                Response r = cluster.call(n -> actor.post(n, "/api/tasks/" + task.get("id").asText() + "/complete",
                    Map.of("decision", "APPROVE", "comment", "同意")));
                // 409: a retried request whose first attempt had already gone through; look again
                if (!r.ok() && r.status() != 409 && r.status() != 404) {
                    throw new AssertionError("Deciding " + task + " failed: " + r.status() + " " + r.body());
                }
            }
            throw new AssertionError("Plan " + planId + " did not finish");
        }

        private String actorFor(String step) {
            return switch (step) {
                case "reviewByPublicity" -> org + "_publicity";
                case "approveByLeader" -> org + "_leader";
                case "registerByDept" -> SUPERIOR.get(org) + "_dept";
                default -> throw new AssertionError("Unexpected step " + step + " of plan " + planId);
            };
        }

        private static Response expectOk(Response r) {
            if (!r.ok()) {
                throw new AssertionError(r.status() + " " + r.body());
            }
            return r;
        }
    }
}
