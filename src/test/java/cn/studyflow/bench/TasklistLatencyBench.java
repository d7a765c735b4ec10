package cn.studyflow.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskFilter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Server time of the tasklist page and of the API list call at 1,000, 10,000 and 100,000 open tasks spread
 * over 500 organisations. Requests run in-process (MockMvc), so the time is the server's own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class TasklistLatencyBench extends DatabaseBench {

    static final int ORGS = 500;
    static final int[] LEVELS = {1_000, 10_000, 100_000};
    static final int SAMPLES = 200;
    static final int PROBE_TASKS = 20;

    @Autowired OrgService orgService;
    @Autowired RuntimeService runtime;
    @Autowired TasklistService tasklist;
    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void tasklistLatency() throws Exception {
        Org county = orgService.create("bench", "基准测试市委", OrgKind.COUNTY, null);
        List<Org> orgs = new ArrayList<>();
        List<CurrentUser> secretaries = new ArrayList<>();
        for (int i = 0; i < ORGS; i++) {
            Org org = orgService.create("bench" + i, "基准测试镇" + i, OrgKind.TOWN, county);
            orgService.createPerson("bench" + i + "_secretary", "秘书" + i, org, "{noop}x", List.of(Role.SECRETARY));
            orgs.add(org);
            secretaries.add((CurrentUser) users.loadUserByUsername("bench" + i + "_secretary"));
        }
        // one more organisation whose own list stays at PROBE_TASKS whatever the total: its secretary shows how the
        // time grows with all open tasks, the others how it grows with a person's own list (2, 20, 200 tasks)
        Org probeOrg = orgService.create("benchprobe", "基准测试对照镇", OrgKind.TOWN, county);
        orgService.createPerson("benchprobe_secretary", "对照秘书", probeOrg, "{noop}x", List.of(Role.SECRETARY));
        CurrentUser probe = (CurrentUser) users.loadUserByUsername("benchprobe_secretary");
        seed(List.of(probeOrg), 2_000_000, 2_000_000 + PROBE_TASKS);
        BenchReport report = new BenchReport("tasklist-" + database(), "Tasklist server time (ms), " + database());
        int open = PROBE_TASKS;
        for (int level : LEVELS) {
            seed(orgs, open, level);
            open = level;
            // what autovacuum does on PostgreSQL a minute after a bulk load (H2 analyses a table as its rows change)
            jdbc.execute("ANALYZE");
            Random random = new Random(level);
            long[][] samples = new long[6][SAMPLES];
            // the first level also warms the JVM up: a cold first level would make the growth look smaller than it is
            for (int warm = 0; warm < (level == LEVELS[0] ? 500 : 30); warm++) {
                measure(probe, secretaries, random);
            }
            for (int i = 0; i < SAMPLES; i++) {
                long[] t = measure(probe, secretaries, random);
                for (int k = 0; k < t.length; k++) {
                    samples[k][i] = t[k];
                }
            }
            String own = (level / ORGS) + " (every town)";
            String[] calls = {"TasklistService.list (GROUP)", "GET /tasks?view=GROUP (page)", "GET /api/tasks (ALL)"};
            for (int k = 0; k < 6; k++) {
                report.row("open tasks", level, "call", calls[k / 2], "the person's own tasks", k % 2 == 0 ? own : PROBE_TASKS,
                    "p50", BenchReport.round(BenchReport.percentile(samples[k], 50)),
                    "p95", BenchReport.round(BenchReport.percentile(samples[k], 95)));
            }
        }
    }

    /**
     * One sample of each call for a random town's secretary and for the probe's. H2 answers a query it has just
     * answered with the same values from its result cache, so no call follows one with the same values.
     */
    private long[] measure(CurrentUser probe, List<CurrentUser> secretaries, Random random) throws Exception {
        long[] t = new long[6];
        for (int k = 0; k < 6; k++) {
            CurrentUser who = k % 2 == 0 ? secretaries.get(random.nextInt(ORGS)) : probe;
            long start = System.nanoTime();
            switch (k / 2) {
                case 0 -> tasklist.list(who, TaskFilter.View.GROUP, null, null, null, TaskFilter.Sort.CREATED, false, 0, 20);
                case 1 -> mvc.perform(get("/tasks").param("view", "GROUP").with(user(who))).andExpect(status().isOk());
                default -> mvc.perform(get("/api/tasks").with(user(who))).andExpect(status().isOk());
            }
            t[k] = System.nanoTime() - start;
        }
        return t;
    }

    /** Starts plan approvals (waiting at the secretary's draft step) round-robin over the organisations. */
    private void seed(List<Org> orgs, int from, int to) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        int chunk = 1000;
        for (int start = from; start < to; start += chunk) {
            int first = start;
            int last = Math.min(to, start + chunk);
            futures.add(pool.submit(() -> {
                for (int i = first; i < last; i++) {
                    Org org = orgs.get(i % orgs.size());
                    Map<String, Object> vars = new HashMap<>();
                    vars.put(PlanApprovalProcess.VAR_PLAN_ID, (long) i);
                    vars.put("orgId", org.getId());
                    vars.put(PlanApprovalProcess.VAR_SUPERIOR_ORG_ID, org.getParentId());
                    vars.put("title", org.getName() + "学习计划" + i);
                    vars.put(PlanApprovalProcess.VAR_DEADLINE, new Date(System.currentTimeMillis() + 86_400_000L * 300));
                    vars.put(PlanApprovalProcess.VAR_REMINDER_AT, new Date(System.currentTimeMillis() + 86_400_000L * 290));
                    runtime.startProcessInstanceByKey(PlanApprovalProcess.KEY, "PLAN:" + (1_000_000 + i), vars);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }
}
