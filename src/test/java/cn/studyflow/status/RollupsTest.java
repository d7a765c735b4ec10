package cn.studyflow.status;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.journal.InstanceCounters;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roll-up job over journal rows written with known values: what it counts and how it fills the histogram,
 * that a run re-reads only what changed since the last one and changes nothing when run again, and that two
 * nodes rolling up at once count every row once.
 */
class RollupsTest extends IntegrationTest {

    static final int YEAR = 2033;
    static final long HOUR = 3_600_000L;

    @Autowired Rollups rollups;
    @Autowired RollupMapper mapper;
    @Autowired StatusService status;
    @Autowired InstanceCounters counters;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    Org county;
    Org town;
    CurrentUser manager;
    StatusFixture fx;

    @BeforeEach
    void county() {
        county = newOrg("汇总测试县委", OrgKind.COUNTY, user("qz_manager").getOrg());
        town = newOrg("汇总测试镇党委", OrgKind.TOWN, county);
        manager = newPerson("mgr", county, Role.MANAGER);
        fx = new StatusFixture(jdbc, manager);
    }

    @Test
    void aRunCountsTheYearsInstancesAndFillsTheHistogramOfEachStep() {
        String done = fx.instance(town, "plan-approval", "COMPLETED", "2033-03-01T09:00", "2033-03-05T09:00", 1, 0);
        String running = fx.instance(town, "plan-approval", "RUNNING", "2033-04-01T09:00", null, 0, 0);
        fx.instance(county, "plan-approval", "COMPLETED", "2032-12-30T09:00", "2033-01-02T09:00", 0, 0);
        fx.decided(done, "reviewByPublicity", "2033-03-01T10:00", 1);
        fx.decided(done, "reviewByPublicity", "2033-03-02T10:00", 2);
        fx.decided(done, "reviewByPublicity", "2033-03-03T10:00", 30);
        fx.decided(running, "reviewByPublicity", "2033-04-01T10:00", 0.5);
        fx.open(running, "approveByLeader", "2033-04-02T09:00", null);
        OffsetDateTime before = mapper.selectDatabaseNow();

        assertThat(rollups.rollUp()).isTrue();

        StatusService.Dashboard d = status.dashboard(manager, null, YEAR);
        ProcessFigures plan = d.processes().stream().filter(p -> p.getProcessKey().equals("plan-approval")).findFirst()
            .orElseThrow();
        assertThat(plan).extracting(ProcessFigures::getStarted, ProcessFigures::getReturned, ProcessFigures::getCompleted,
            ProcessFigures::getRunning).as("started in 2033 (one in 2032), returned, completed in 2033, running now")
            .containsExactly(2L, 1L, 2L, 1L);
        Map<String, Object> row = jdbc.queryForMap("SELECT decided, max_ms, h4, h5, h6, h10 FROM sf_rollup_stage"
            + " WHERE org_id = ? AND rollup_year = ? AND step = 'reviewByPublicity'", town.getId(), YEAR);
        assertThat(row.values()).extracting(v -> ((Number) v).longValue()).as("decided, longest, then the buckets"
            + " [30 min, 1 h), [1 h, 2 h), [2 h, 4 h) and [1 d, 2 d)").containsExactly(4L, 30 * HOUR, 1L, 1L, 1L, 1L);
        assertThat(jdbc.queryForObject("SELECT h0 + h1 + h2 + h3 + h7 + h8 + h9 + h11 + h12 + h13 + h14 + h15"
            + " FROM sf_rollup_stage WHERE org_id = ? AND step = 'reviewByPublicity'", Long.class, town.getId())).isZero();
        assertThat(d.stages()).filteredOn(s -> s.getStep().equals("approveByLeader")).singleElement()
            .satisfies(s -> assertThat(s.getWaiting()).as("live").isEqualTo(1));
        assertThat(d.rolledUpAt()).isAfterOrEqualTo(before);
        assertThat(d.rollupInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aRunRereadsWhatChangedSinceTheLastAndRunningAgainChangesNothing() {
        String i = fx.instance(town, "plan-approval", "RUNNING", "2033-05-01T09:00", null, 0, 0);
        fx.decided(i, "reviewByPublicity", "2033-05-01T10:00", 3);
        rollups.rollUp();
        List<Map<String, Object>> once = rows();

        rollups.rollUp();

        assertThat(rows()).as("the same rows after a second run").isEqualTo(once);

        fx.decided(i, "approveByLeader", "2033-05-02T10:00", 4);
        assertThat(decided("approveByLeader")).as("until the next run").isZero();
        rollups.rollUp();
        assertThat(decided("approveByLeader")).isEqualTo(1);

        OffsetDateTime upto = mapper.selectChangedUpto();
        jdbc.update("UPDATE sf_stage SET changed_at = ? WHERE org_id = ?", upto.minusHours(1), town.getId());
        jdbc.update("UPDATE sf_instance SET returns = 1, changed_at = ? WHERE id = ?", upto.minusHours(1), i);
        rollups.rollUp();
        assertThat(returned()).as("a change stamped before the last run's overlap is not re-read").isZero();
        counters.count(i, 1, 0);
        rollups.rollUp();
        assertThat(returned()).as("the journal stamps a return when it counts it").isEqualTo(1);
    }

    @Test
    void twoNodesRollingUpAtOnceCountEachRowOnce() throws Exception {
        for (int n = 0; n < 20; n++) {
            String i = fx.instance(n % 2 == 0 ? town : county, "material-review", "COMPLETED", "2033-06-01T09:00",
                "2033-06-09T09:00", n % 4 == 0 ? 1 : 0, 0);
            fx.decided(i, "firstReviewByOffice", "2033-06-01T10:00", n + 1);
        }
        Rollups other = new Rollups(mapper, transactions, ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(1));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> first = () -> {
                start.await();
                return rollups.rollUp();
            };
            Callable<Boolean> second = () -> {
                start.await();
                return other.rollUp();
            };
            Future<Boolean> a = nodes.submit(first);
            Future<Boolean> b = nodes.submit(second);
            start.countDown();
            assertThat(List.of(a.get(), b.get())).as("one rolled up, the other too or stood aside").contains(true);
        } finally {
            nodes.shutdown();
        }
        rollups.rollUp();
        other.rollUp();

        ProcessFigures material = status.dashboard(manager, null, YEAR).processes().stream()
            .filter(p -> p.getProcessKey().equals("material-review")).findFirst().orElseThrow();
        assertThat(material).extracting(ProcessFigures::getStarted, ProcessFigures::getReturned, ProcessFigures::getCompleted)
            .containsExactly(20L, 5L, 20L);
        assertThat(decided("firstReviewByOffice")).isEqualTo(20);
    }

    @Test
    void aNodeStandsAsideWhileAnotherHoldsTheRun() {
        OffsetDateTime now = mapper.selectDatabaseNow();
        assertThat(mapper.claim("another node", now, now.plusMinutes(10))).isEqualTo(1);
        try {
            assertThat(rollups.rollUp()).isFalse();
        } finally {
            mapper.release("another node");
        }
        assertThat(rollups.rollUp()).isTrue();
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("SELECT * FROM sf_rollup_stage WHERE org_id = ? ORDER BY step", town.getId());
    }

    private long decided(String step) {
        return status.dashboard(manager, null, YEAR).stages().stream().filter(s -> s.getStep().equals(step))
            .mapToLong(StageFigures::getDecided).sum();
    }

    private long returned() {
        return status.dashboard(manager, null, YEAR).processes().stream()
            .filter(p -> p.getProcessKey().equals("plan-approval")).mapToLong(ProcessFigures::getReturned).sum();
    }
}
