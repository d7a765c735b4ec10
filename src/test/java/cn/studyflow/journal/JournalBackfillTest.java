package cn.studyflow.journal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A database from before the status journal gets its journal written at start-up, the same as if it had run. */
class JournalBackfillTest extends IntegrationTest {

    @Autowired JournalBackfill backfill;
    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired Workflow workflow;
    @Autowired JdbcTemplate jdbc;

    @Test
    void instancesThatRanBeforeTheJournalAreWrittenAsTheListenersWouldHave() {
        CurrentUser secretary = user("bq_secretary");
        Plan returned = Plans.submittedAnnual(plans, secretary);
        tasks.decide(workflow.activeTasks(returned.getProcessInstanceId()).get(0).id(), user("bq_publicity"),
            Decision.RETURN, "请修改");
        Plan approved = Plans.submittedAnnual(plans, secretary);
        for (String who : List.of("bq_publicity", "bq_leader", "qz_dept")) {
            tasks.decide(workflow.activeTasks(approved.getProcessInstanceId()).get(0).id(), user(who), Decision.APPROVE, null);
        }
        List<String> ids = List.of(returned.getProcessInstanceId(), approved.getProcessInstanceId());
        List<Map<String, Object>> instancesBefore = rows("SELECT id, process_key, org_id, title, state, returns,"
            + " withdrawals, started_at, ended_at FROM sf_instance WHERE id IN (?, ?) ORDER BY id", ids);
        List<Map<String, Object>> stagesBefore = rows("SELECT task_id, step, org_id, created_at, ended_at, outcome"
            + " FROM sf_stage WHERE instance_id IN (?, ?) ORDER BY task_id", ids);
        jdbc.update("DELETE FROM sf_stage WHERE instance_id IN (?, ?)", ids.toArray());
        jdbc.update("DELETE FROM sf_instance WHERE id IN (?, ?)", ids.toArray());

        backfill.run(null);
        backfill.run(null);

        List<Map<String, Object>> instancesAfter = rows("SELECT id, process_key, org_id, title, state, returns,"
            + " withdrawals, started_at, ended_at FROM sf_instance WHERE id IN (?, ?) ORDER BY id", ids);
        assertThat(instancesAfter).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Map<String, Object> before = instancesBefore.get(i);
            Map<String, Object> after = instancesAfter.get(i);
            // the listeners take the time when they run, the history when the engine began the step: a few ms apart
            for (String time : List.of("started_at", "ended_at")) {
                // column names are case-insensitive keys (H2 answers in upper case, PostgreSQL in lower)
                assertThat(millis(after.remove(time))).isCloseTo(millis(before.remove(time)),
                    org.assertj.core.data.Offset.offset(1000L));
            }
            assertThat(after).isEqualTo(before);
        }
        assertThat(rows("SELECT task_id, step, org_id, created_at, ended_at, outcome FROM sf_stage"
            + " WHERE instance_id IN (?, ?) ORDER BY task_id", ids))
            .extracting(r -> r.get("task_id"), r -> r.get("step"), r -> r.get("outcome"), r -> r.get("org_id"))
            .isEqualTo(stagesBefore.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.get("task_id"), r.get("step"),
                r.get("outcome"), r.get("org_id"))).toList());
    }

    private static long millis(Object time) {
        if (time instanceof java.sql.Timestamp t) {
            return t.getTime();
        }
        return time == null ? 0 : ((java.time.OffsetDateTime) time).toInstant().toEpochMilli();
    }

    private List<Map<String, Object>> rows(String sql, List<String> ids) {
        return jdbc.queryForList(sql, ids.toArray());
    }
}
