package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionService;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's material: a real PDF submitted by 卞桥镇's member, waiting for the office, and only once. */
class DemoMaterialsTest extends IntegrationTest {

    @Autowired DemoMaterials demo;
    @Autowired MaterialService materials;
    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;
    @Autowired Workflow workflow;

    @Test
    void theMembersSpeechIsAPdfWaitingForTheOfficesFirstReview() throws Exception {
        MaterialFixtures.sessionsOf(DemoOrg.BQ, this::user, plans, tasks, workflow, sessions);

        Optional<Material> uploaded = demo.upload();

        assertThat(uploaded).isPresent();
        Material m = materials.get(uploaded.get().getId(), user("bq_office"));
        assertThat(m.getTitle()).isEqualTo(DemoMaterials.TITLE);
        assertThat(m.getStatus()).isEqualTo(MaterialStatus.SUBMITTED);
        MaterialVersion v = materials.version(m, 1);
        assertThat(v.getFileType()).isEqualTo(FileType.PDF);
        assertThat(v.getOriginalName()).isEqualTo(DemoMaterials.FILE_NAME);
        assertThat(new String(materials.file(v).getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
        assertThat(materials.currentSteps(m)).extracting(TaskInfo::step)
            .containsExactly(MaterialReviewProcess.TASK_FIRST_REVIEW);
        assertThat(tasks.list(user("bq_office"), TaskFilter.View.ALL, MaterialReviewProcess.KEY, null, null,
                TaskFilter.Sort.CREATED, false, 0, 100).items()).extracting(TaskInfo::businessKey)
            .contains(Materials.ref(m).businessKey());
        assertThat(demo.upload()).as("a restart uploads nothing more").isEmpty();
    }
}
