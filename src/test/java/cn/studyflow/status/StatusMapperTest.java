package cn.studyflow.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.common.Like;
import cn.studyflow.support.MapperTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.cursor.Cursor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every statement of StatusMapper.xml over journal rows written with known values: what a scope counts (its
 * subtree or one organisation, and what is hidden from whom until when), the instance list's filters, order
 * and pages, and the live figures per process, step and organisation (the year's come from RollupMapper). The tree: a county over two towns, and
 * another county beside it.
 */
@MapperTest
class StatusMapperTest extends JournalTree {

    static final OffsetDateTime FROM = StatusFixture.at("2031-06-01T00:00");

    @Autowired StatusMapper status;
    @Autowired PersonMapper people;

    static InstanceQuery all() {
        return new InstanceQuery(null, null, null, null, null, null, false);
    }

    @Test
    void aSubtreeScopeCountsItsOrganisationsAndAnOrganisationScopeOnlyItself() {
        String ofTown = fx.instance(town, "plan-approval", "RUNNING", "2031-06-02T09:00", null, 0, 0);
        String ofSibling = fx.instance(sibling, "plan-approval", "RUNNING", "2031-06-03T09:00", null, 0, 0);
        String ofCounty = fx.instance(county, "plan-approval", "RUNNING", "2031-06-04T09:00", null, 0, 0);
        fx.instance(otherCounty, "plan-approval", "RUNNING", "2031-06-05T09:00", null, 0, 0);

        assertThat(status.selectInstances(subtree(county), all(), 0, 10)).extracting(InstanceRow::getId)
            .as("newest first").containsExactly(ofCounty, ofSibling, ofTown);
        assertThat(status.countInstances(subtree(county), all(), 1000)).isEqualTo(3);
        assertThat(status.selectInstances(only(county), all(), 0, 10)).extracting(InstanceRow::getId).containsExactly(ofCounty);
        assertThat(status.selectInstances(subtree(town), all(), 0, 10)).extracting(InstanceRow::getId).containsExactly(ofTown);
        assertThat(status.selectInstance(subtree(county), ofTown).getOrgName()).isEqualTo("卞桥镇党委");
        assertThat(status.selectInstance(subtree(sibling), ofTown)).as("outside the scope").isNull();
        assertThat(status.selectInstancesByIds(subtree(town), List.of(ofTown, ofSibling))).extracting(InstanceRow::getId)
            .containsExactly(ofTown);
    }

    @Test
    void aHiddenInstanceIsSeenByItsOverseerAndByItsOrganisationOnlyFromItsDay() {
        String random = fx.instance(town, "audit-sit-in", "RUNNING", "2031-06-02T09:00", null, 0, 0);
        fx.open(random, "fileRecord", "2031-06-02T09:00", null);
        fx.hide(random, county, "2031-06-20T00:00");

        assertThat(status.selectInstances(subtree(town), all(), 0, 10)).as("the audited town, before the day").isEmpty();
        assertThat(status.selectWaiting(subtree(town), null)).isEmpty();
        StatusScope overseer = new StatusScope(county.getId(), town.getPath() + "%", county.getPath() + "%", NOW);
        assertThat(status.selectInstances(overseer, all(), 0, 10)).extracting(InstanceRow::getId).containsExactly(random);
        assertThat(status.selectWaiting(overseer, null)).extracting(StageFigures::getWaiting).containsExactly(1L);
        StatusScope onTheDay = new StatusScope(town.getId(), town.getPath() + "%", town.getPath() + "%",
            StatusFixture.at("2031-06-20T00:00"));
        assertThat(status.selectInstances(onTheDay, all(), 0, 10)).extracting(InstanceRow::getId).containsExactly(random);
    }

    @Test
    void theInstanceListFiltersByProcessStateKeyStepAndTimeAndPages() {
        String running = fx.instance(town, "plan-approval", "RUNNING", "2031-06-02T09:00", null, 0, 0);
        String returned = fx.instance(town, "plan-approval", "RUNNING", "2031-06-03T09:00", null, 2, 0);
        String completed = fx.instance(town, "material-review", "COMPLETED", "2031-05-20T09:00", "2031-06-04T09:00", 0, 0);
        String withdrawn = fx.instance(sibling, "material-review", "RUNNING", "2031-06-05T09:00", null, 0, 1);
        String cancelled = fx.instance(sibling, "plan-approval", "CANCELLED", "2031-06-06T09:00", "2031-06-07T09:00", 0, 0);
        fx.open(running, "reviewByPublicity", "2031-06-02T09:00", "2031-06-10T00:00");
        fx.open(returned, "draftPlan", "2031-06-03T09:00", "2031-06-30T00:00");
        jdbc.update("UPDATE sf_instance SET title = ? WHERE id = ?", "卞桥镇_100%计划", returned);
        StatusScope scope = subtree(county);

        assertThat(ids(scope, new InstanceQuery("material-review", null, null, null, null, null, false)))
            .containsExactly(withdrawn, completed);
        assertThat(ids(scope, new InstanceQuery(null, "RUNNING", null, null, null, null, false)))
            .containsExactly(withdrawn, returned, running);
        assertThat(ids(scope, new InstanceQuery(null, "COMPLETED", null, null, null, null, false))).containsExactly(completed);
        assertThat(ids(scope, new InstanceQuery(null, "RETURNED", null, null, null, null, false))).containsExactly(returned);
        assertThat(ids(scope, new InstanceQuery(null, "WITHDRAWN", null, null, null, null, false)))
            .containsExactly(cancelled, withdrawn);
        assertThat(ids(scope, new InstanceQuery(null, null, FROM, StatusFixture.at("2031-06-05T09:00"), null, null, false)))
            .as("started within [from, to)").containsExactly(returned, running);
        assertThat(ids(scope, new InstanceQuery(null, null, null, null, Like.containing("_100%"), null, false)))
            .as("wildcards in the text are taken literally").containsExactly(returned);
        assertThat(ids(scope, new InstanceQuery(null, null, null, null, Like.containing(returned.substring(0, 8)), null,
            false))).as("by business key").containsExactly(returned);
        assertThat(ids(scope, new InstanceQuery(null, null, null, null, null, "draftPlan", false))).containsExactly(returned);
        assertThat(ids(scope, new InstanceQuery(null, null, null, null, null, null, true))).as("a step past its due date")
            .containsExactly(running);

        assertThat(status.selectInstances(scope, all(), 1, 2)).extracting(InstanceRow::getId)
            .containsExactly(withdrawn, returned);
        assertThat(status.countInstances(scope, all(), 3)).as("counted up to the cap").isEqualTo(3);
        InstanceRow row = status.selectInstances(scope, new InstanceQuery(null, "RETURNED", null, null, null, null, false), 0, 1)
            .get(0);
        assertThat(row.getReturns()).isEqualTo(2);
        assertThat(row.getTitle()).isEqualTo("卞桥镇_100%计划");
        assertThat(row.getStartedAt().toInstant()).isEqualTo(StatusFixture.at("2031-06-03T09:00").toInstant());
    }

    @Test
    void theExportReadsTheSameRowsAsTheListUpToItsLimit() throws Exception {
        String first = fx.instance(town, "plan-approval", "RUNNING", "2031-06-02T09:00", null, 0, 0);
        String second = fx.instance(town, "plan-approval", "RUNNING", "2031-06-03T09:00", null, 0, 0);
        fx.instance(town, "plan-approval", "RUNNING", "2031-06-04T09:00", null, 0, 0);
        fx.instance(otherCounty, "plan-approval", "RUNNING", "2031-06-05T09:00", null, 0, 0);

        List<String> exported = new ArrayList<>();
        try (Cursor<InstanceRow> rows = status.selectInstancesForExport(subtree(county), all(), 10)) {
            rows.forEach(r -> exported.add(r.getId()));
        }
        assertThat(exported).hasSize(3).endsWith(second, first);
        List<String> limited = new ArrayList<>();
        try (Cursor<InstanceRow> rows = status.selectInstancesForExport(subtree(county), all(), 2)) {
            rows.forEach(r -> limited.add(r.getId()));
        }
        assertThat(limited).hasSize(2).doesNotContain(first);
    }

    @Test
    void liveFiguresCountInstancesRunningAndOpenStepsPastTheirDueDateNow() {
        String a = fx.instance(town, "plan-approval", "RUNNING", "2031-06-02T09:00", null, 1, 0);
        String b = fx.instance(town, "plan-approval", "RUNNING", "2030-05-02T09:00", null, 0, 0);
        fx.instance(sibling, "plan-approval", "COMPLETED", "2031-05-20T09:00", "2031-06-03T09:00", 0, 0);
        fx.instance(town, "material-review", "CANCELLED", "2031-06-05T09:00", "2031-06-06T09:00", 0, 1);
        fx.instance(otherCounty, "plan-approval", "RUNNING", "2031-06-02T09:00", null, 0, 0);
        fx.open(a, "approveByLeader", "2031-06-02T09:00", "2031-06-10T00:00");
        fx.open(b, "approveByLeader", "2031-06-02T09:00", "2031-06-30T00:00");

        List<ProcessFigures> figures = status.selectRunning(subtree(county));
        List<OpenStages> open = status.selectOpenStageCounts(subtree(county));

        assertThat(figures).extracting(ProcessFigures::getProcessKey).containsExactly("plan-approval");
        ProcessFigures plan = figures.get(0);
        assertThat(plan.getRunning()).as("whenever they started").isEqualTo(2);
        assertThat(plan.getStarted()).as("the year's counts come from the rollups").isZero();
        assertThat(open).singleElement().satisfies(o -> {
            assertThat(o.getProcessKey()).isEqualTo("plan-approval");
            assertThat(o.getStep()).isEqualTo("approveByLeader");
            assertThat(o.getOrgId()).isEqualTo(town.getId());
            assertThat(o.getWaiting()).isEqualTo(2);
            assertThat(o.getOverdue()).as("due before now").isEqualTo(1);
        });
        assertThat(OpenStages.overdueByProcess(open)).containsExactly(Map.entry("plan-approval", 1L));
    }

    @Test
    void openStepsAreCountedPerProcessStepAndOrganisationWithTheOldest() {
        String i = fx.instance(town, "material-review", "RUNNING", "2031-06-01T09:00", null, 0, 0);
        String j = fx.instance(sibling, "material-review", "RUNNING", "2031-06-01T09:00", null, 0, 0);
        String k = fx.instance(sibling, "material-review", "RUNNING", "2031-06-01T09:00", null, 0, 0);
        String elsewhere = fx.instance(otherCounty, "material-review", "RUNNING", "2031-06-01T09:00", null, 0, 0);
        fx.decided(i, "firstReviewByOffice", "2031-06-02T09:00", 2);
        fx.open(i, "secondReviewByPublicity", "2031-06-03T09:00", null);
        fx.open(j, "secondReviewByPublicity", "2031-06-05T09:00", null);
        fx.open(k, "secondReviewByPublicity", "2031-06-04T09:00", null);
        fx.open(elsewhere, "secondReviewByPublicity", "2031-06-04T09:00", null);

        List<OpenStages> open = status.selectOpenStageCounts(subtree(county));

        assertThat(open).extracting(OpenStages::getOrgId, OpenStages::getWaiting, o -> o.getSince().toLocalDate())
            .containsExactlyInAnyOrder(tuple(town.getId(), 1L, LocalDate.of(2031, 6, 3)),
                tuple(sibling.getId(), 2L, LocalDate.of(2031, 6, 4)));
        assertThat(OpenStages.waitingBySteps(open)).singleElement().satisfies(w -> {
            assertThat(w.getStep()).isEqualTo("secondReviewByPublicity");
            assertThat(w.getWaiting()).as("the organisations summed, the decided step left out").isEqualTo(3);
        });
    }

    @Test
    void openStepsAreCountedPerStep() {
        String j = fx.instance(sibling, "material-review", "RUNNING", "2031-06-01T09:00", null, 0, 0);
        fx.decided(j, "firstReviewByOffice", "2031-06-02T09:00", 2);
        fx.open(j, "secondReviewByPublicity", "2031-06-03T09:00", null);
        fx.open(j, "secondReviewByPublicity", "2031-06-04T09:00", null);

        List<StageFigures> waiting = status.selectWaiting(subtree(county), "material-review");
        assertThat(waiting).singleElement().satisfies(w -> {
            assertThat(w.getStep()).isEqualTo("secondReviewByPublicity");
            assertThat(w.getWaiting()).isEqualTo(2);
        });
        assertThat(status.selectWaiting(subtree(county), "plan-approval")).isEmpty();
    }

    @Test
    void stagesAreListedInTheOrderTheyWereCreatedAndOpenOnesAcrossInstances() {
        String i = fx.instance(town, "plan-approval", "RUNNING", "2031-06-01T09:00", null, 0, 0);
        String j = fx.instance(town, "plan-approval", "RUNNING", "2031-06-01T09:00", null, 0, 0);
        fx.decided(i, "draftPlan", "2031-06-01T09:00", 1);
        fx.open(i, "reviewByPublicity", "2031-06-01T10:00", null);
        fx.open(j, "draftPlan", "2031-06-01T08:00", null);

        assertThat(status.selectStages(i)).extracting(Stage::getStep).containsExactly("draftPlan", "reviewByPublicity");
        assertThat(status.selectStages(i).get(0).getOutcome()).isEqualTo("COMPLETED");
        assertThat(status.selectStages(i).get(0).getDurationMs()).isEqualTo(3_600_000L);
        assertThat(status.selectOpenStages(List.of(i, j))).extracting(s -> s.getInstanceId() + ":" + s.getStep())
            .containsExactly(j + ":draftPlan", i + ":reviewByPublicity");
    }

    @Test
    void materialsWaitingAreCountedPerOrganisationAndStepSinceTheOldest() {
        String a = fx.instance(town, "material-review", "RUNNING", "2031-06-01T09:00", null, 0, 0);
        String b = fx.instance(town, "material-review", "RUNNING", "2031-06-01T09:00", null, 0, 0);
        String c = fx.instance(sibling, "material-review", "RUNNING", "2031-06-01T09:00", null, 0, 0);
        fx.open(a, "firstReviewByOffice", "2031-06-03T09:00", null);
        fx.open(b, "firstReviewByOffice", "2031-06-02T09:00", null);
        fx.open(c, "signOffByLeader", "2031-06-04T09:00", null);

        List<OpenStages> rows = status.selectOpenStageCounts(subtree(county));

        assertThat(rows).extracting(r -> r.getOrgId() + ":" + r.getStep() + ":" + r.getWaiting()).containsExactlyInAnyOrder(
            town.getId() + ":firstReviewByOffice:2", sibling.getId() + ":signOffByLeader:1");
        OpenStages ofTown = rows.stream().filter(r -> r.getOrgId() == town.getId()).findFirst().orElseThrow();
        assertThat(ofTown.getSince().toInstant()).isEqualTo(StatusFixture.at("2031-06-02T09:00").toInstant());
        assertThat(ofTown.getStepName()).isEqualTo("firstReviewByOffice名");
        assertThat(ofTown.getProcessKey()).isEqualTo("material-review");
        assertThat(status.selectOpenStageCounts(only(sibling))).hasSize(1);
    }

    private List<String> ids(StatusScope scope, InstanceQuery query) {
        return status.selectInstances(scope, query, 0, 100).stream().map(InstanceRow::getId).toList();
    }
}
