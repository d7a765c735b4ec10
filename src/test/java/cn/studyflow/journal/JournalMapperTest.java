package cn.studyflow.journal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanMapper;
import cn.studyflow.session.StudySession;
import cn.studyflow.session.StudySessionMapper;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@MapperTest
class JournalMapperTest {

    @Autowired JournalMapper journal;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;
    @Autowired PlanMapper plans;
    @Autowired StudySessionMapper sessions;
    @Autowired ActionMapper actions;
    @Autowired JdbcTemplate jdbc;

    Org county;
    Org town;
    Person secretary;
    final OffsetDateTime at = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void tree() {
        county = Rows.org(orgs, "青州市委", null);
        town = Rows.org(orgs, "卞桥镇党委", county);
        secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
    }

    @Test
    void anInstanceIsJournalledWithItsOrganisationsPathAndOverseerAndEndsOnce() {
        String id = unique("pi");
        journal.insertInstance(id, "audit-sit-in", "audit-sit-in:1:x", "AUDIT:1", town.getId(), "巡听", at, county.getId(),
            at.plusDays(3));

        Map<String, Object> row = instance(id);
        assertThat(row.get("org_path")).isEqualTo(town.getPath());
        assertThat(row.get("overseer_path")).as("the overseer's path, read from sf_org").isEqualTo(county.getPath());
        assertThat(row.get("state")).isEqualTo("RUNNING");
        assertThat(instant(row.get("hidden_until"))).isEqualTo(at.plusDays(3).toInstant());

        journal.endInstance(id, "COMPLETED", at.plusDays(5));
        journal.endInstance(id, "CANCELLED", at.plusDays(9));

        Map<String, Object> ended = instance(id);
        assertThat(ended.get("state")).as("the first end stands").isEqualTo("COMPLETED");
        assertThat(instant(ended.get("ended_at"))).isEqualTo(at.plusDays(5).toInstant());
    }

    @Test
    void anInstanceWithoutOverseerHasNone() {
        String id = unique("pi");
        journal.insertInstance(id, "plan-approval", "plan-approval:1:x", "PLAN:1", town.getId(), "计划", at, null, null);

        assertThat(instance(id).get("overseer_path")).isNull();
        assertThat(instance(id).get("hidden_until")).isNull();
    }

    @Test
    void aStageCopiesItsInstancesOrganisationAndVisibilityAndEndsOnce() {
        String id = unique("pi");
        journal.insertInstance(id, "audit-sit-in", "audit-sit-in:1:x", "AUDIT:2", town.getId(), "巡听", at, county.getId(),
            at.plusDays(1));
        String task = unique("task");

        journal.insertStage(task, id, "fileRecord", "填写巡听记录", at, at.plusDays(2));
        journal.insertStage(unique("task"), "no-such-instance", "fileRecord", "填写巡听记录", at, null);

        List<Map<String, Object>> stages = jdbc.queryForList("SELECT * FROM sf_stage WHERE instance_id IN (?, ?)", id,
            "no-such-instance");
        assertThat(stages).as("nothing for an instance that is not journalled").singleElement().satisfies(s -> {
            assertThat(s.get("org_id")).isEqualTo(town.getId());
            assertThat(s.get("org_path")).isEqualTo(town.getPath());
            assertThat(s.get("process_key")).isEqualTo("audit-sit-in");
            assertThat(s.get("overseer_path")).isEqualTo(county.getPath());
            assertThat(s.get("outcome")).isNull();
        });

        journal.endStage(task, "COMPLETED", at.plusHours(5), 5 * 3_600_000L);
        journal.endStage(task, "CANCELLED", at.plusHours(9), 9 * 3_600_000L);
        Map<String, Object> ended = jdbc.queryForMap("SELECT * FROM sf_stage WHERE task_id = ?", task);
        assertThat(ended.get("outcome")).isEqualTo("COMPLETED");
        assertThat(((Number) ended.get("duration_ms")).longValue()).isEqualTo(5 * 3_600_000L);
    }

    @Test
    void knownIdsAreThoseAlreadyInTheJournal() {
        long before = journal.countInstances();
        String known = unique("pi");
        journal.insertInstance(known, "plan-approval", "plan-approval:1:x", "PLAN:3", town.getId(), "计划", at, null, null);

        assertThat(journal.selectKnownIds(List.of(known, "unknown-1", "unknown-2"))).containsExactly(known);
        assertThat(journal.countInstances()).isEqualTo(before + 1);
    }

    @Test
    void returnsAndWithdrawalsAreAddedOnAStepAndSetByTheBackfillForTheirInstanceOnly() {
        String counted = unique("pi");
        String untouched = unique("pi");
        for (String id : List.of(counted, untouched)) {
            journal.insertInstance(id, "plan-approval", "plan-approval:1:x", "PLAN:4", town.getId(), "计划", at, null, null);
        }

        journal.countOnInstance(counted, 1, 0);
        journal.countOnInstance(counted, 1, 1);

        assertThat(instance(counted).get("returns")).isEqualTo(2);
        assertThat(instance(counted).get("withdrawals")).isEqualTo(1);
        JournalCounts counts = new JournalCounts();
        counts.setProcessInstanceId(counted);
        counts.setReturns(5);
        counts.setWithdrawals(0);
        journal.updateCounts(counts);
        assertThat(instance(counted).get("returns")).isEqualTo(5);
        assertThat(instance(counted).get("withdrawals")).isEqualTo(0);
        assertThat(instance(untouched).get("returns")).isEqualTo(0);
        assertThat(instance(untouched).get("withdrawals")).isEqualTo(0);
    }

    private Map<String, Object> instance(String id) {
        return jdbc.queryForMap("SELECT * FROM sf_instance WHERE id = ?", id);
    }


    /** H2 reads TIMESTAMP WITH TIME ZONE as an OffsetDateTime, PostgreSQL as a Timestamp. */
    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) value).toInstant();
    }

    private static Timestamp ts(OffsetDateTime time) {
        return Timestamp.from(time.toInstant());
    }

    private static int sequence;

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + (++sequence);
    }
}
