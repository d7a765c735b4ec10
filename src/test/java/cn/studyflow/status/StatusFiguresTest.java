package cn.studyflow.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.common.PageOf;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The managers' figures against {@link StatusDataset}, whose answers were worked out by hand. */
class StatusFiguresTest extends StatusDataset {

    @Test
    void managerSeesTheFiguresOfTheWholeCountyAndNothingBeside() {
        StatusService.Dashboard d = status.dashboard(manager, null, YEAR);

        Map<String, ProcessFigures> p = byKey(d);
        assertFigures(p.get("plan-approval"), 1, 2, 1, 2, 1);
        assertThat(p.get("plan-approval").getReturnedShare()).isEqualTo(0.5);
        assertFigures(p.get("material-review"), 1, 2, 1, 0, 0);
        assertFigures(p.get("audit-sit-in"), 1, 1, 0, 0, 1);

        StageFigures review = stage(d, "plan-approval", "reviewByPublicity");
        assertThat(review.getDecided()).isEqualTo(5);
        // 1, 2, 3, 4 and 10 hours, read from the rollups' histogram (DurationBucketsTest works it out): the exact
        // median of 3 h and 90th percentile of 7.6 h lie within the buckets' widths of these
        assertThat(review.getMedianMs()).isCloseTo(3.5 * HOUR, within(1.0));
        assertThat(review.getP90Ms()).isCloseTo(8.4 * HOUR, within(1.0));
        assertThat(stage(d, "plan-approval", "approveByLeader").getWaiting()).isEqualTo(1);
        assertThat(stage(d, "plan-approval", "approveByLeader").getMedianMs()).isNull();
        assertThat(stage(d, "material-review", "firstReviewByOffice").getWaiting()).isEqualTo(1);
        assertThat(d.stages()).noneMatch(s -> s.getStep().equals("draftPlan"));

        assertThat(d.orgs()).extracting(o -> o.getOrg().getName()).containsExactly("测试县委", "测试甲镇党委", "测试乙镇党委");
        OrgFigures a = d.orgs().get(1);
        assertThat(a.getPlanStatus()).isEqualTo("APPROVED");
        assertThat(a.getNextPlanStatus()).isEqualTo("SUBMITTED");
        assertThat(a.getSessionsPlanned()).isEqualTo(3);
        assertThat(a.getSessionsHeld()).as("March and June marked held; December never was").isEqualTo(2);
        assertThat(a.getWaiting()).singleElement().satisfies(w -> {
            assertThat(w.step()).isEqualTo("firstReviewByOffice");
            assertThat(w.count()).isEqualTo(1);
            assertThat(w.since()).isEqualTo(StatusFixture.at("2024-05-02T09:00"));
        });
        assertThat(a.getAuditsDone()).isEqualTo(2);
        assertThat(a.getAverageScore()).isCloseTo(4.0, within(1e-9));
        assertThat(a.getOpenRectifications()).isEqualTo(1);
        OrgFigures b = d.orgs().get(2);
        assertThat(b.getPlanStatus()).isNull();
        assertThat(b.getSessionsPlanned()).isZero();
        assertThat(b.getAuditsDone()).isZero();
        assertThat(b.getAverageScore()).isNull();
    }

    @Test
    void leaderSeesTheirOwnOrganisationOnlyAndNotARandomAuditBeforeItsDay() {
        StatusService.Dashboard d = status.dashboard(leaderA, null, YEAR);

        Map<String, ProcessFigures> p = byKey(d);
        assertFigures(p.get("plan-approval"), 1, 2, 1, 1, 1);
        assertFigures(p.get("material-review"), 1, 1, 1, 0, 0);
        assertFigures(p.get("audit-sit-in"), 0, 0, 0, 0, 0);
        assertThat(d.orgs()).extracting(o -> o.getOrg().getName()).containsExactly("测试甲镇党委");
        assertThat(stage(d, "plan-approval", "reviewByPublicity").getDecided()).isEqualTo(3);
        assertThat(d.stages()).noneMatch(s -> s.getStep().equals("acceptAssignment"));
    }

    @Test
    void sessionsOfAYearStillToComeAreNotHeld() {
        StatusFixture f = new StatusFixture(jdbc, manager);
        long plan = f.annualPlan(townB, 2999, "APPROVED");
        f.session(townB, plan, 1, 2999, 6, LocalDate.of(2999, 6, 1));
        f.session(townB, plan, 2, 2999, 7, null);

        OrgFigures b = status.dashboard(manager, townB.getId(), 2999).orgs().get(0);

        assertThat(b.getOrg().getId()).isEqualTo(townB.getId());
        assertThat(b.getSessionsPlanned()).isEqualTo(2);
        assertThat(b.getSessionsHeld()).isZero();
        assertThat(b.getAttendanceRate()).isNull();
    }

    @Test
    void aPastSessionCountsAsHeldOnlyOnceMarkedSoAndItsAttendanceIsMarkedBelowTheThreshold() {
        StatusFixture f = new StatusFixture(jdbc, manager);
        long plan = f.annualPlan(townB, 2998, "APPROVED");
        long marked = f.session(townB, plan, 1, 2998, 3, LocalDate.of(2998, 3, 1));
        f.session(townB, plan, 2, 2998, 4, LocalDate.of(2998, 4, 1));
        f.held(marked);
        long[] people = {newPerson("m", townB, Role.MEMBER).getPersonId(), newPerson("m", townB, Role.MEMBER).getPersonId(),
            newPerson("m", townB, Role.MEMBER).getPersonId(), newPerson("m", townB, Role.MEMBER).getPersonId()};
        f.attendance(marked, people[0], "CHAIR", "PRESENT");
        f.attendance(marked, people[1], "MEMBER", "LATE");
        f.attendance(marked, people[2], "MEMBER", "ABSENT");
        f.attendance(marked, people[3], "MEMBER", "LEAVE");
        f.attendance(marked, newPerson("g", county, Role.MEMBER).getPersonId(), "GUEST", "ABSENT");

        OrgFigures b = status.dashboard(manager, townB.getId(), 2998).orgs().get(0);

        assertThat(b.getSessionsPlanned()).isEqualTo(2);
        assertThat(b.getSessionsHeld()).as("the April session passed but was never marked held").isEqualTo(1);
        assertThat(b.getAttendanceExpected()).as("leave excused, the guest not the town's").isEqualTo(3);
        assertThat(b.getAttendanceAttended()).isEqualTo(2);
        assertThat(b.getAttendanceRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(b.isAttendanceBelow()).as("below the default threshold of 0.8").isTrue();
    }

    @Test
    void instanceListFiltersByEveryField() {
        assertThat(ids(filter(null, null, null, null, null, null, null))).containsExactlyInAnyOrder(a1, a2, a3, b1, b2, hidden);
        assertThat(ids(filter("plan-approval", null, null, null, null, null, null))).containsExactlyInAnyOrder(a1, a2, b1);
        assertThat(ids(filter(null, InstanceStatus.RUNNING, null, null, null, null, null))).containsExactlyInAnyOrder(a2, a3, hidden);
        assertThat(ids(filter(null, InstanceStatus.COMPLETED, null, null, null, null, null))).containsExactlyInAnyOrder(a1, b1);
        assertThat(ids(filter(null, InstanceStatus.RETURNED, null, null, null, null, null))).containsExactlyInAnyOrder(a1, a3);
        assertThat(ids(filter(null, InstanceStatus.WITHDRAWN, null, null, null, null, null))).containsExactlyInAnyOrder(a3, b2);
        assertThat(ids(filter(null, null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 5, 1), null, null, null)))
            .containsExactlyInAnyOrder(a1, a2, a3);
        String keyOfA1 = jdbc.queryForObject("SELECT business_key FROM sf_instance WHERE id = ?", String.class, a1);
        assertThat(ids(filter(null, null, null, null, keyOfA1, null, null))).containsExactly(a1);
        assertThat(ids(filter(null, null, null, null, "%", null, null))).isEmpty();
        assertThat(ids(filter(null, null, null, null, null, "approveByLeader", null))).containsExactly(a2);
        assertThat(ids(filter(null, null, null, null, null, null, true))).containsExactlyInAnyOrder(a2, hidden);
        assertThat(ids(status.instances(manager, new InstanceFilter(null, townB.getId(), null, null, null, null, null, null), 0, 20)))
            .containsExactlyInAnyOrder(b1, b2);

        PageOf<InstanceRow> first = status.instances(manager, InstanceFilter.none(), 0, 4);
        PageOf<InstanceRow> second = status.instances(manager, InstanceFilter.none(), 1, 4);
        assertThat(first.total()).isEqualTo(6);
        assertThat(first.items()).hasSize(4);
        assertThat(second.items()).hasSize(2);
        assertThat(first.items()).extracting(InstanceRow::getId).doesNotContainAnyElementsOf(ids(second));
        assertThat(first.items().get(0).getId()).as("newest first").isEqualTo(hidden);
        assertThat(first.items()).filteredOn(r -> r.getId().equals(a2)).singleElement()
            .satisfies(r -> assertThat(r.getCurrentSteps()).isEqualTo("approveByLeader名"));
    }

    private PageOf<InstanceRow> filter(String process, InstanceStatus state, LocalDate from, LocalDate to, String key,
                                       String step, Boolean overdue) {
        return status.instances(manager, new InstanceFilter(process, null, state, from, to, key, step, overdue), 0, 50);
    }

    private static java.util.List<String> ids(PageOf<InstanceRow> page) {
        return page.items().stream().map(InstanceRow::getId).toList();
    }

    private static Map<String, ProcessFigures> byKey(StatusService.Dashboard d) {
        return d.processes().stream().collect(Collectors.toMap(ProcessFigures::getProcessKey, Function.identity()));
    }

    private static StageFigures stage(StatusService.Dashboard d, String process, String step) {
        return d.stages().stream().filter(s -> s.getProcessKey().equals(process) && s.getStep().equals(step))
            .findFirst().orElseThrow(() -> new AssertionError("no figures for " + process + "/" + step));
    }

    private static void assertFigures(ProcessFigures f, long running, long started, long returned, long completed,
                                      long overdue) {
        assertThat(f).as(f.getProcessKey()).extracting(ProcessFigures::getRunning, ProcessFigures::getStarted,
                ProcessFigures::getReturned, ProcessFigures::getCompleted, ProcessFigures::getOverdue)
            .containsExactly(running, started, returned, completed, overdue);
    }
}
