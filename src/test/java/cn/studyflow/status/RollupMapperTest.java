package cn.studyflow.status;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Org;
import cn.studyflow.support.MapperTest;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every statement of RollupMapper.xml over journal rows written with known values: an organisation's year
 * recomputed from the journal (counts, the histogram of step durations, the hiding of a random audit), the
 * dashboard's sums over a scope, what changed since a time, and the run row's lease. The tree: a county over two
 * towns, and another county beside it.
 */
@MapperTest
class RollupMapperTest extends JournalTree {

    static final int YEAR = 2031;
    static final OffsetDateTime FROM = StatusFixture.at("2031-01-01T00:00");
    static final OffsetDateTime TO = StatusFixture.at("2032-01-01T00:00");

    @Autowired RollupMapper rollups;

    void rollUp(List<Long> orgIds) {
        rollups.deleteInstances(YEAR, orgIds);
        rollups.insertInstances(YEAR, FROM, TO, orgIds);
        rollups.deleteStages(YEAR, orgIds);
        rollups.insertStages(YEAR, FROM, TO, orgIds, DurationBuckets.ALL);
    }

    @Test
    void instancesAreCountedByTheYearTheyStartedAndTheYearTheyWereCompletedIn() {
        fx.instance(town, "plan-approval", "RUNNING", "2031-06-02T09:00", null, 1, 0);
        fx.instance(town, "plan-approval", "COMPLETED", "2030-12-20T09:00", "2031-01-03T09:00", 2, 0);
        fx.instance(sibling, "plan-approval", "COMPLETED", "2031-05-20T09:00", "2032-01-03T09:00", 0, 0);
        fx.instance(town, "material-review", "CANCELLED", "2031-06-05T09:00", "2031-06-06T09:00", 0, 1);
        fx.instance(otherCounty, "plan-approval", "RUNNING", "2031-06-02T09:00", null, 0, 0);

        rollUp(null);

        List<ProcessFigures> figures = rollups.selectProcessFigures(subtree(county), YEAR);
        assertThat(figures).extracting(f -> f.getProcessKey() + ":" + f.getStarted() + "/" + f.getReturned() + "/"
                + f.getCompleted())
            .as("started in 2031 and returned; completed in 2031; a cancelled one is not completed")
            .containsExactlyInAnyOrder("plan-approval:2/1/1", "material-review:1/0/0");
        assertThat(rollups.selectProcessFigures(only(sibling), YEAR)).extracting(ProcessFigures::getStarted)
            .containsExactly(1L);
        assertThat(rollups.selectProcessFigures(subtree(county), YEAR + 1)).as("not rolled up").isEmpty();
    }

    @Test
    void decidedStepsAreCountedPerStepWithAHistogramOfTheirDurations() {
        String i = fx.instance(town, "plan-approval", "COMPLETED", "2031-06-01T09:00", "2031-06-20T09:00", 0, 0);
        String j = fx.instance(sibling, "plan-approval", "RUNNING", "2031-06-01T09:00", null, 0, 0);
        for (double hours : new double[] {1, 2, 3, 4}) {
            fx.decided(i, "reviewByPublicity", "2031-06-02T09:00", hours);
        }
        fx.decided(j, "reviewByPublicity", "2031-06-02T09:00", 10);
        fx.decided(j, "reviewByPublicity", "2030-06-02T09:00", 500);
        fx.decided(i, "approveByLeader", "2031-06-03T09:00", 0.01);
        fx.open(j, "approveByLeader", "2031-06-03T09:00", null);

        rollUp(null);

        List<StageRollup> steps = rollups.selectStageFigures(subtree(county), "plan-approval", YEAR);
        assertThat(steps).extracting(StageRollup::getStep).containsExactlyInAnyOrder("reviewByPublicity", "approveByLeader");
        StageRollup review = steps.stream().filter(s -> s.getStep().equals("reviewByPublicity")).findFirst().orElseThrow();
        assertThat(review.getDecided()).as("one ended in 2030").isEqualTo(5);
        assertThat(review.getStepName()).isEqualTo("reviewByPublicity名");
        assertThat(review.getMaxMs()).isEqualTo(10 * 3_600_000L);
        assertThat(review.histogram()).as("1 h; 2 h and 3 h; 4 h; 10 h")
            .isEqualTo(DurationBucketsTest.histogram(3_600_000, 7_200_000, 10_800_000, 14_400_000, 36_000_000));
        assertThat(review.figures().getMedianMs()).isCloseTo(3.5 * 3_600_000, org.assertj.core.api.Assertions.within(1.0));
        StageRollup leader = steps.stream().filter(s -> s.getStep().equals("approveByLeader")).findFirst().orElseThrow();
        assertThat(leader.getDecided()).as("the open one is not decided").isEqualTo(1);
        assertThat(leader.getH0()).as("36 seconds").isEqualTo(1);
        assertThat(rollups.selectStageFigures(only(town), null, YEAR)).extracting(StageRollup::getDecided)
            .containsExactlyInAnyOrder(4L, 1L);
        assertThat(rollups.selectStageFigures(subtree(county), "material-review", YEAR)).isEmpty();
    }

    @Test
    void aRandomAuditIsSummedForItsOverseerAndForItsOrganisationOnlyFromItsDay() {
        String random = fx.instance(town, "audit-sit-in", "RUNNING", "2031-06-02T09:00", null, 0, 0);
        fx.decided(random, "acceptAssignment", "2031-06-02T09:00", 1);
        fx.hide(random, county, "2031-06-20T00:00");

        rollUp(null);

        assertThat(rollups.selectProcessFigures(subtree(town), YEAR)).as("the audited town, before the day").isEmpty();
        assertThat(rollups.selectStageFigures(subtree(town), null, YEAR)).isEmpty();
        StatusScope overseer = new StatusScope(county.getId(), town.getPath() + "%", county.getPath() + "%", NOW);
        assertThat(rollups.selectProcessFigures(overseer, YEAR)).extracting(ProcessFigures::getStarted).containsExactly(1L);
        assertThat(rollups.selectStageFigures(overseer, null, YEAR)).extracting(StageRollup::getDecided)
            .containsExactly(1L);
        StatusScope onTheDay = new StatusScope(town.getId(), town.getPath() + "%", town.getPath() + "%",
            StatusFixture.at("2031-06-20T00:00"));
        assertThat(rollups.selectProcessFigures(onTheDay, YEAR)).extracting(ProcessFigures::getStarted).containsExactly(1L);
    }

    @Test
    void recomputingSomeOrganisationsReplacesTheirRowsAndLeavesTheOthers() {
        String i = fx.instance(town, "plan-approval", "RUNNING", "2031-06-02T09:00", null, 0, 0);
        fx.instance(sibling, "plan-approval", "RUNNING", "2031-06-02T09:00", null, 0, 0);
        rollUp(null);
        jdbc.update("UPDATE sf_instance SET returns = 1 WHERE id = ?", i);
        jdbc.update("DELETE FROM sf_instance WHERE org_id = ?", sibling.getId());

        rollUp(List.of(town.getId()));
        rollUp(List.of(town.getId()));

        assertThat(rollups.selectProcessFigures(only(town), YEAR)).extracting(f -> f.getStarted() + "/" + f.getReturned())
            .as("recomputed once, however often").containsExactly("1/1");
        assertThat(rollups.selectProcessFigures(only(sibling), YEAR)).as("not recomputed")
            .extracting(ProcessFigures::getStarted).containsExactly(1L);
    }

    @Test
    void changedRowsAreFoundWithTheSpanOfTimeTheyCountAt() {
        OffsetDateTime before = rollups.selectDatabaseNow();
        String old = fx.instance(sibling, "plan-approval", "COMPLETED", "2029-03-01T09:00", "2029-04-01T09:00", 0, 0);
        jdbc.update("UPDATE sf_instance SET changed_at = ? WHERE id = ?", before.minusDays(1), old);
        String i = fx.instance(town, "plan-approval", "COMPLETED", "2030-12-20T09:00", "2031-01-03T09:00", 0, 0);
        fx.decided(i, "reviewByPublicity", "2031-02-02T09:00", 1);

        List<ChangedSpan> changed = rollups.selectChanged(before);

        assertThat(changed).extracting(ChangedSpan::getOrgId).containsExactly(town.getId());
        assertThat(changed.get(0).getFirstAt().toInstant()).isEqualTo(StatusFixture.at("2030-12-20T09:00").toInstant());
        assertThat(changed.get(0).getLastAt().toInstant()).isEqualTo(StatusFixture.at("2031-02-02T10:00").toInstant());
        assertThat(rollups.selectChanged(null)).extracting(ChangedSpan::getOrgId).contains(town.getId(), sibling.getId());
    }

    @Test
    void oneHolderAtATimeUntilItsLeaseRunsOut() {
        OffsetDateTime now = rollups.selectDatabaseNow();

        assertThat(rollups.claim("a", now, now.plusMinutes(10))).isEqualTo(1);
        assertThat(rollups.claim("b", now.plusMinutes(5), now.plusMinutes(15))).as("a holds it").isZero();
        assertThat(rollups.finish("b", now)).as("b never held it").isZero();
        assertThat(rollups.claim("b", now.plusMinutes(11), now.plusMinutes(21))).as("a's lease ran out").isEqualTo(1);
        assertThat(rollups.finish("a", now)).as("a lost it").isZero();
        assertThat(rollups.finish("b", now)).isEqualTo(1);
        assertThat(rollups.selectChangedUpto().toInstant()).isEqualTo(now.toInstant());
        assertThat(rollups.claim("c", now, now.plusMinutes(10))).as("finished and let go").isEqualTo(1);
        assertThat(rollups.release("c")).isEqualTo(1);
        assertThat(rollups.claim("d", now, now.plusMinutes(10))).isEqualTo(1);
    }
}
