package cn.studyflow.status;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.ApprovalScenario;
import cn.studyflow.support.ApprovalScenario.Item;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.PlanScenario;
import cn.studyflow.task.ApprovalOperations;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The journal that the managers' figures read follows the engine step by step, returns and withdrawals included. */
class InstanceJournalTest extends IntegrationTest {

    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired ApprovalOperations ops;
    @Autowired Workflow workflow;
    @Autowired JdbcTemplate jdbc;

    ApprovalScenario plan;

    @BeforeEach
    void scenario() {
        plan = new PlanScenario(plans, this::user);
    }

    @Test
    void returnedAndApprovedPlanIsOneCompletedInstanceWithEveryStageTimed() {
        Item item = plan.submit();
        String firstReview = plan.reviewSteps().get(0);
        decide(item, firstReview, Decision.RETURN, "请补充专题");
        plan.resubmit(item);
        plan.reviewSteps().forEach(step -> decide(item, step, Decision.APPROVE, "同意"));

        Map<String, Object> instance = instance(item);
        assertThat(instance.get("state")).isEqualTo("COMPLETED");
        assertThat(instance.get("ended_at")).isNotNull();
        assertThat(((Number) instance.get("returns")).intValue()).isEqualTo(1);
        assertThat(((Number) instance.get("org_id")).longValue()).isEqualTo(user("bq_secretary").getOrgId());
        assertThat(instance.get("business_key")).isEqualTo(item.subject().businessKey());

        List<Map<String, Object>> stages = stages(item);
        assertThat(stages).extracting(s -> s.get("step")).containsExactly(plan.firstStep(), firstReview,
            plan.firstStep(), firstReview, plan.reviewSteps().get(1), plan.reviewSteps().get(2));
        assertThat(stages).allSatisfy(s -> {
            assertThat(s.get("outcome")).isEqualTo("COMPLETED");
            assertThat(((Number) s.get("duration_ms")).longValue()).isNotNegative();
            assertThat(s.get("org_id")).isEqualTo(instance.get("org_id"));
        });
    }

    @Test
    void withdrawalCountsOnTheInstanceAndCancelsTheStageItTookBack() {
        Item item = plan.submit();
        ops.withdraw(item.processInstanceId(), item.submitter(), "发现错别字");

        Map<String, Object> instance = instance(item);
        assertThat(instance.get("state")).isEqualTo("RUNNING");
        assertThat(((Number) instance.get("withdrawals")).intValue()).isEqualTo(1);
        assertThat(((Number) instance.get("returns")).intValue()).isZero();
        List<Map<String, Object>> stages = stages(item);
        assertThat(stages).extracting(s -> s.get("step"), s -> s.get("outcome")).containsExactly(
            org.assertj.core.groups.Tuple.tuple(plan.firstStep(), "COMPLETED"),
            org.assertj.core.groups.Tuple.tuple(plan.reviewSteps().get(0), "CANCELLED"),
            org.assertj.core.groups.Tuple.tuple(plan.firstStep(), null));
    }

    private void decide(Item item, String step, Decision decision, String comment) {
        TaskInfo task = workflow.activeTasks(item.processInstanceId()).get(0);
        assertThat(task.step()).isEqualTo(step);
        CurrentUser reviewer = plan.reviewer(step);
        tasks.decide(task.id(), reviewer, decision, comment);
    }

    private Map<String, Object> instance(Item item) {
        return jdbc.queryForMap("SELECT * FROM sf_instance WHERE id = ?", item.processInstanceId());
    }

    private List<Map<String, Object>> stages(Item item) {
        return jdbc.queryForList("SELECT * FROM sf_stage WHERE instance_id = ? ORDER BY created_at, task_id",
            item.processInstanceId());
    }
}
