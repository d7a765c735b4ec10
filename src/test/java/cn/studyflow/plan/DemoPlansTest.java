package cn.studyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.session.SessionService;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.task.TasklistService;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import java.time.Year;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** What a new user of the demo finds: next year's plans of the two towns in force, and work waiting for two leaders. */
@TestPropertySource(properties = "studyflow.demo.sample-plans=true")
class DemoPlansTest extends IntegrationTest {

    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;

    @Test
    void theTownsPlansAreInForceAndTwoPlansWaitForTheirLeaders() {
        int next = Year.now().getValue() + 1;
        assertThat(sessions.visible(user("bq_secretary"), next)).hasSize(12);
        assertThat(sessions.visible(user("wfz_secretary"), next)).hasSize(12);

        TaskInfo county = only(tasks.list(user("qz_leader"), TaskFilter.View.GROUP, null, null, null,
            TaskFilter.Sort.CREATED, false, 0, 20));
        assertThat(county.processKey()).isEqualTo(PlanApprovalProcess.KEY);
        assertThat(county.step()).isEqualTo(PlanApprovalProcess.TASK_APPROVE_BY_LEADER);
        assertThat(county.title()).isEqualTo("青州市委" + next + "年度理论学习中心组学习计划");

        TaskInfo supplementary = only(tasks.list(user("bq_leader"), TaskFilter.View.GROUP, null, null, null,
            TaskFilter.Sort.CREATED, false, 0, 20));
        assertThat(supplementary.processKey()).isEqualTo(PlanApprovalProcess.SUPPLEMENTARY_KEY);
        assertThat(supplementary.title()).contains(next + "年3月");

        // the README's walk-through starts from nothing at 教育局
        assertThat(tasks.list(user("jy_secretary"), TaskFilter.View.ALL, null, null, null, TaskFilter.Sort.CREATED,
            false, 0, 20).total()).isZero();
    }

    private static TaskInfo only(PageOf<TaskInfo> page) {
        assertThat(page.items()).hasSize(1);
        return page.items().get(0);
    }
}
