package cn.studyflow.session;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.Workflow;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sessions page shows, year by year, the sessions that approved plans scheduled, to those who may see them. */
class SessionControllerTest extends IntegrationTest {

    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired Workflow workflow;

    @Test
    void theTopicsOfAnApprovedPlanAreSessionsOfItsYearSeenByTheTownAndAbove() throws Exception {
        Plan plan = Plans.submittedAnnual(plans, user("bq_secretary"));
        for (String who : new String[] {"bq_publicity", "bq_leader", "qz_dept"}) {
            decide(plan, user(who));
        }
        int year = plan.getPlanYear();
        String topic = Plans.form(plan, 12).getTopics().get(11).getTitle();

        mvc.perform(get("/sessions").param("year", "" + year).with(as("bq_member")))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("<h1>" + year + "年学习会</h1>")))
            .andExpect(content().string(Matchers.containsString(">" + (year + 1) + "年</a>")))
            .andExpect(content().string(Matchers.containsString(topic)))
            .andExpect(content().string(Matchers.containsString("12月")));
        mvc.perform(get("/sessions").param("year", "" + year).with(as("qz_manager")))
            .andExpect(content().string(Matchers.containsString(topic)));
        mvc.perform(get("/sessions").param("year", "" + year).with(as("wfz_member")))
            .andExpect(content().string(Matchers.not(Matchers.containsString(topic))))
            .andExpect(content().string(Matchers.containsString("本年度暂无已排期的学习会。")));
        mvc.perform(get("/sessions").param("year", "" + year).param("lang", "en").with(as("bq_member")))
            .andExpect(content().string(Matchers.containsString("Study sessions of " + year + "<")));
    }

    private void decide(Plan plan, CurrentUser who) {
        tasks.decide(workflow.activeTasks(plan.getProcessInstanceId()).get(0).id(), who, Decision.APPROVE, null);
    }
}
