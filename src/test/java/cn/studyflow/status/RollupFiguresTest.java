package cn.studyflow.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's figures from the rollups against the same figures computed on the fly from the journal, as the
 * dashboard did before ({@link JournalFigures}), over three hundred random instances of a county and its towns
 * with a random audit hidden from its town: every count the same, every median and 90th percentile within the
 * widths of the histogram buckets of the two decisions the exact one lies between.
 */
class RollupFiguresTest extends IntegrationTest {

    static final int YEAR = 2034;
    static final String[] PROCESSES = {"plan-approval", "material-review", "audit-sit-in"};
    static final String[] STEPS = {"draftPlan", "reviewByPublicity", "approveByLeader", "registerByDept"};

    @Autowired StatusService status;
    @Autowired Rollups rollups;
    @Autowired JdbcTemplate jdbc;

    Org county;
    List<Org> towns = new ArrayList<>();
    JournalFigures journal;

    @BeforeEach
    void randomYear() {
        county = newOrg("对照县委", OrgKind.COUNTY, user("qz_manager").getOrg());
        for (int t = 0; t < 4; t++) {
            towns.add(newOrg("对照镇" + t, OrgKind.TOWN, county));
        }
        StatusFixture fx = new StatusFixture(jdbc, null);
        journal = new JournalFigures(jdbc);
        Random random = new Random(19);
        LocalDateTime first = LocalDateTime.of(YEAR - 1, 11, 1, 0, 0);
        for (int n = 0; n < 300; n++) {
            Org org = n % 5 == 0 ? county : towns.get(random.nextInt(towns.size()));
            String process = PROCESSES[random.nextInt(PROCESSES.length)];
            LocalDateTime started = first.plusMinutes(random.nextInt(14 * 30 * 24 * 60));
            int state = random.nextInt(10);
            String ended = state < 2 ? null : started.plusDays(1 + random.nextInt(60)).toString();
            String id = fx.instance(org, process, state < 2 ? "RUNNING" : state < 9 ? "COMPLETED" : "CANCELLED",
                started.toString(), ended, random.nextInt(10) < 3 ? 1 + random.nextInt(2) : 0, 0);
            LocalDateTime at = started;
            int steps = 1 + random.nextInt(STEPS.length);
            for (int s = 0; s < steps; s++) {
                // from seconds to forty days, evenly on a logarithmic scale
                double hours = Math.exp(Math.log(0.003) + random.nextDouble() * Math.log(1000 / 0.003));
                fx.decided(id, STEPS[s], at.toString(), hours);
                at = at.plusMinutes((long) (hours * 60));
            }
            if (state < 2) {
                fx.open(id, "approveByLeader", at.toString(), random.nextBoolean() ? "2001-01-01T00:00" : "2999-01-01T00:00");
            }
            if (process.equals("audit-sit-in") && org != county && random.nextBoolean()) {
                fx.hide(id, county, "2999-01-01T00:00");
            }
        }
        assertThat(rollups.rollUp()).isTrue();
    }

    @Test
    void theCountysManagerSeesTheJournalsFiguresHiddenAuditsIncluded() {
        CurrentUser manager = newPerson("mgr", county, Role.MANAGER);
        assertSameFigures(manager, JournalFigures.subtree(county));
    }

    @Test
    void aTownsLeaderSeesTheJournalsFiguresOfTheirTownWithoutItsHiddenAudits() {
        Org town = towns.get(0);
        CurrentUser leader = newPerson("ldr", town, Role.LEADER);
        assertSameFigures(leader, new StatusScope(town.getId(), null, null, OffsetDateTime.now()));
    }

    @Test
    void aManagerOfATownSeesItsSubtreeWithoutTheAuditsTheCountyOversees() {
        Org town = towns.get(1);
        CurrentUser manager = newPerson("mgr", town, Role.MANAGER);
        assertSameFigures(manager, JournalFigures.subtree(town));
    }

    private void assertSameFigures(CurrentUser viewer, StatusScope scope) {
        StatusService.Dashboard d = status.dashboard(viewer, null, YEAR);
        Map<String, ProcessFigures> exact = journal.processes(scope, YEAR);
        assertThat(exact).as("the data set has something to compare").isNotEmpty();
        for (ProcessFigures f : d.processes()) {
            ProcessFigures e = exact.getOrDefault(f.getProcessKey(), new ProcessFigures());
            assertThat(f).as(f.getProcessKey()).extracting(ProcessFigures::getRunning, ProcessFigures::getStarted,
                    ProcessFigures::getReturned, ProcessFigures::getCompleted, ProcessFigures::getOverdue)
                .containsExactly(e.getRunning(), e.getStarted(), e.getReturned(), e.getCompleted(), e.getOverdue());
        }
        assertThat(d.processes()).extracting(ProcessFigures::getProcessKey).containsAll(exact.keySet());

        Map<String, StageFigures> exactSteps = journal.stages(scope, YEAR);
        List<StageFigures> decided = d.stages().stream().filter(s -> s.getDecided() > 0).toList();
        assertThat(decided).extracting(s -> s.getProcessKey() + "/" + s.getStep())
            .containsExactlyInAnyOrderElementsOf(exactSteps.keySet());
        for (StageFigures f : decided) {
            StageFigures e = exactSteps.get(f.getProcessKey() + "/" + f.getStep());
            List<Long> durations = journal.durations(scope, YEAR, f.getProcessKey(), f.getStep());
            assertThat(f.getDecided()).isEqualTo(e.getDecided());
            assertThat(f.getMedianMs()).as("median of %s", durations)
                .isCloseTo(e.getMedianMs(), within(bucketWidth(durations, 0.5)));
            assertThat(f.getP90Ms()).as("90th percentile of %s", durations)
                .isCloseTo(e.getP90Ms(), within(bucketWidth(durations, 0.9)));
        }
    }

    /** The wider of the buckets of the two decisions that the exact percentile {@code p} lies between. */
    private static double bucketWidth(List<Long> sorted, double p) {
        double position = p * (sorted.size() - 1);
        int k = (int) position;
        long max = sorted.get(sorted.size() - 1);
        return Math.max(width(sorted.get(k), max), width(sorted.get(Math.min(k + 1, sorted.size() - 1)), max));
    }

    private static double width(long duration, long max) {
        int bucket = DurationBuckets.of(duration);
        return DurationBuckets.upper(bucket, max) - DurationBuckets.lower(bucket);
    }
}
