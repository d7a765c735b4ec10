package cn.studyflow.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import cn.studyflow.status.InstanceFilter;
import cn.studyflow.status.InstanceStatus;
import cn.studyflow.status.JournalFigures;
import cn.studyflow.status.Rollups;
import cn.studyflow.status.StatusScope;
import cn.studyflow.status.StatusService;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Server time of the managers' dashboard and of a page of the instance list with 100,000 instances in history
 * over 500 organisations: the last twelve months of a large city, four stages each, one in ten still running.
 * The dashboard is computed on every call (no cache): its year figures from the rollups, beside the same figures
 * computed on the fly from the journal as before the rollups ({@link JournalFigures}), the anchor. Requests run
 * in-process (MockMvc), so the time is the server's own. {@code -Dbench.status.instances=N} seeds fewer for a
 * smoke run.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class StatusLatencyBench extends DatabaseBench {

    static final int ORGS = 500;
    static final int INSTANCES = Integer.getInteger("bench.status.instances", 100_000);
    static final int SAMPLES = 200;
    static final String[] PROCESSES = {"plan-approval", "material-review", "audit-sit-in", "supplementary-plan-approval"};
    static final String[] STEPS = {"draftPlan", "reviewByPublicity", "approveByLeader", "registerByDept"};

    @Autowired OrgService orgService;
    @Autowired StatusService status;
    @Autowired Rollups rollups;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    /** Decided stages of ten instances, marked changed before each incremental roll-up. */
    final List<String> touched = new ArrayList<>();

    @Test
    void statusLatency() throws Exception {
        Org city = orgService.create("sbench", "基准测试市委", OrgKind.CITY, null);
        orgService.createPerson("sbench_manager", "领导", city, "{noop}x", List.of(Role.MANAGER));
        List<Org> orgs = new ArrayList<>();
        for (int i = 0; i < ORGS; i++) {
            Org town = orgService.create("sbench" + i, "基准测试镇" + i, OrgKind.TOWN, city);
            orgs.add(town);
        }
        orgService.createPerson("sbench0_leader", "组长", orgs.get(0), "{noop}x", List.of(Role.LEADER));
        long started = System.nanoTime();
        seed(orgs);
        if ("PostgreSQL".equals(database())) {
            // as autovacuum would after a bulk load: the planner needs the tables' statistics
            jdbc.execute("ANALYZE");
        }
        long seeded = System.nanoTime() - started;
        CurrentUser manager = (CurrentUser) users.loadUserByUsername("sbench_manager");
        CurrentUser leader = (CurrentUser) users.loadUserByUsername("sbench0_leader");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

        BenchReport report = new BenchReport("status-" + database(),
            "Status server time (ms), " + database() + ", " + INSTANCES + " instances over " + ORGS + " organisations");
        report.row("call", "seed " + INSTANCES + " instances, " + 4 * INSTANCES + " stages (once)", "samples", 1,
            "p50", BenchReport.round(seeded / 1e6), "p95", "");
        time(report, "Rollups.rollUp, first run: the whole journal (once)", 0, 1, rollups::rollUp);
        time(report, "Rollups.rollUp, a run after ten decisions in ten organisations", 2, 20, () -> {
            touched.forEach(id -> jdbc.update("UPDATE sf_stage SET changed_at = CURRENT_TIMESTAMP WHERE task_id = ?", id));
            rollups.rollUp();
        });
        // a second or more each on H2: fewer samples
        JournalFigures journal = new JournalFigures(jdbc);
        StatusScope cityScope = JournalFigures.subtree(city);
        time(report, "anchor: year figures on the fly from the journal, exact percentiles (city, 500 organisations)",
            5, 30, () -> {
                journal.processes(cityScope, year);
                journal.stages(cityScope, year);
            });
        time(report, "StatusService.dashboard, not cached, year figures from rollups (city manager, 500 organisations)",
            () -> status.dashboard(manager, null, year));
        time(report, "StatusService.dashboard, not cached (town leader, own organisation)",
            () -> status.dashboard(leader, null, year));
        time(report, "GET /status (city manager, page)",
            () -> mvc.perform(as(get("/status"), manager)).andExpect(status().isOk()));
        time(report, "GET /status (town leader, page)",
            () -> mvc.perform(as(get("/status"), leader)).andExpect(status().isOk()));
        time(report, "StatusService.instances page 1", () -> status.instances(manager, InstanceFilter.none(), 0, 20));
        time(report, "GET /status/instances (page)", () -> mvc.perform(as(get("/status/instances"), manager))
            .andExpect(status().isOk()));
        time(report, "GET /status/instances?process&status=RUNNING", () -> mvc.perform(as(get("/status/instances")
            .param("process", "material-review").param("status", InstanceStatus.RUNNING.name()), manager))
            .andExpect(status().isOk()));
        time(report, "GET /status/instances?page=200", () -> mvc.perform(as(get("/status/instances")
            .param("page", "200"), manager)).andExpect(status().isOk()));
        time(report, "GET /api/status/instances", () -> mvc.perform(as(get("/api/status/instances"), manager))
            .andExpect(status().isOk()));
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, CurrentUser person) {
        return request.with(user(person));
    }

    interface Call {
        void run() throws Exception;
    }

    private static void time(BenchReport report, String name, Call call) throws Exception {
        time(report, name, 20, SAMPLES, call);
    }

    private static void time(BenchReport report, String name, int warmUp, int count, Call call) throws Exception {
        for (int warm = 0; warm < warmUp; warm++) {
            call.run();
        }
        long[] samples = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            call.run();
            samples[i] = System.nanoTime() - t0;
        }
        report.row("call", name, "samples", count, "p50", BenchReport.round(BenchReport.percentile(samples, 50)),
            "p95", BenchReport.round(BenchReport.percentile(samples, 95)));
    }

    /**
     * Writes the journal rows straight into the tables, as the engine's listeners would have written them over a
     * year: instances started at random over the last 365 days, nine in ten ended, four stages each; each row last
     * changed when its instance or stage last did.
     */
    private void seed(List<Org> orgs) {
        Random random = new Random(42);
        long now = Instant.now().toEpochMilli();
        long year = 365L * 86_400_000;
        // rows of the seeded year changed before the roll-up's overlap of ten minutes: a later run re-reads only
        // what the bench touches
        long settled = now - 3_600_000L;
        List<Object[]> instances = new ArrayList<>();
        List<Object[]> stages = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            String id = UUID.randomUUID().toString();
            Org org = orgs.get(random.nextInt(orgs.size()));
            String process = PROCESSES[random.nextInt(PROCESSES.length)];
            long start = now - (long) (random.nextDouble() * year);
            boolean running = random.nextInt(10) == 0;
            long at = start;
            for (int s = 0; s < STEPS.length; s++) {
                long took = (long) (random.nextDouble() * 5 * 86_400_000L);
                boolean open = running && s == STEPS.length - 1;
                stages.add(new Object[] {UUID.randomUUID().toString(), id, process, STEPS[s], STEPS[s], org.getId(),
                    org.getPath(), ts(at), ts(at + 7 * 86_400_000L), open ? null : ts(at + took), open ? null : took,
                    open ? null : "COMPLETED", ts(Math.min(settled, open ? at : at + took))});
                if (touched.size() < 10 && !open && s == 0) {
                    touched.add((String) stages.get(stages.size() - 1)[0]);
                }
                at += took;
            }
            instances.add(new Object[] {id, process, process + ":1:bench", "BENCH:" + i, org.getId(), org.getPath(),
                "基准实例" + i,
                running ? "RUNNING" : "COMPLETED", random.nextInt(5) == 0 ? 1 : 0, ts(start), running ? null : ts(at),
                ts(Math.min(settled, at))});
            if (instances.size() == 5_000) {
                flush(instances, stages);
            }
        }
        flush(instances, stages);
    }

    private void flush(List<Object[]> instances, List<Object[]> stages) {
        jdbc.batchUpdate("INSERT INTO sf_instance (id, process_key, definition_id, business_key, org_id, org_path, title,"
            + " state, returns, started_at, ended_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", instances);
        jdbc.batchUpdate("INSERT INTO sf_stage (task_id, instance_id, process_key, step, step_name, org_id, org_path,"
            + " created_at, due_at, ended_at, duration_ms, outcome, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            stages);
        instances.clear();
        stages.clear();
    }

    private static Timestamp ts(long millis) {
        return new Timestamp(millis);
    }
}
