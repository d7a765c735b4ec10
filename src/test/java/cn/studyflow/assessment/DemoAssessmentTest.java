package cn.studyflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.support.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's work waiting: 青州市委's publicity department finds a draft bulletin of this year to publish and its
 * subtree ranked for this year; the draft is written once.
 */
class DemoAssessmentTest extends IntegrationTest {

    @Autowired DemoAssessment demo;
    @Autowired BulletinService bulletins;

    @Test
    void qzDeptHasADraftBulletinWaitingAndSeesItsSubtreeRanked() throws Exception {
        CurrentUser dept = user(DemoAssessment.DEPT);
        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();

        assertThat(bulletins.page(dept, 0, 100).items())
            .anySatisfy(b -> {
                assertThat(b.getStatus()).isEqualTo(Bulletin.Status.DRAFT);
                assertThat(b.getOrgName()).isEqualTo("青州市委");
                assertThat(b.getBulletinYear()).isEqualTo(year);
                assertThat(b.getBody()).contains("卞桥镇党委");
            });
        assertThat(demo.draft()).as("written once").isEmpty();

        mvc.perform(get("/assessments").with(as(DemoAssessment.DEPT)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("学习考核 · 青州市委")))
            .andExpect(content().string(containsString(">卞桥镇党委</a>")))
            .andExpect(content().string(containsString(">王坟镇党委</a>")));
        mvc.perform(get("/bulletins").with(as(DemoAssessment.DEPT)))
            .andExpect(content().string(containsString("青州市委" + year + "年度学习通报")));
    }
}
