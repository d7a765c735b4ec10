package cn.studyflow.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.plan.PlanKind;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A reminder timer whose delegate keeps failing becomes an incident that administrators see with its error,
 * and retry once the cause is fixed; the reminder then goes out.
 */
class IncidentsTest extends IntegrationTest {

    @MockitoSpyBean PlanService plans;

    @Autowired ManagementService management;
    @Autowired StatusService status;
    @Autowired JdbcTemplate jdbc;

    @Test
    void failedReminderIsAnIncidentUntilAnAdministratorRetriesIt() throws Exception {
        var secretary = user("bq_secretary");
        Plan plan = plans.create(secretary, PlanKind.ANNUAL, Plans.freshYear(secretary), null);
        Job reminder = management.createJobQuery().processInstanceId(plan.getProcessInstanceId())
            .activityId(PlanApprovalProcess.TIMER_REMINDER).singleResult();
        doThrow(new IllegalStateException("邮件网关不可用")).when(plans).remindDeadline(anyLong(), any());

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(reminder.getId())).isInstanceOf(RuntimeException.class);
        }

        List<StatusService.IncidentRow> open = mine(status.incidents(user("admin")), plan);
        assertThat(open).singleElement().satisfies(r -> {
            assertThat(r.incident().message()).contains("邮件网关不可用");
            assertThat(r.incident().step()).isEqualTo(PlanApprovalProcess.TIMER_REMINDER);
            assertThat(r.instance().getOrgName()).isEqualTo("卞桥镇党委");
        });
        String page = mvc.perform(get("/status/incidents").with(as("admin"))).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("邮件网关不可用", plan.getTitle());
        mvc.perform(get("/status/incidents").with(as("qz_manager"))).andExpect(status().isForbidden());

        reset(plans);
        String incidentId = open.get(0).incident().id();
        mvc.perform(post("/status/incidents/" + incidentId + "/retry").with(csrf()).with(as("admin")))
            .andExpect(redirectedUrl("/status/incidents"))
            .andExpect(flash().attribute("message", "status.incident.retried"));
        assertThat(mine(status.incidents(user("admin")), plan)).isEmpty();

        // the job executor is off in tests: run what it would run now
        management.executeJob(reminder.getId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sf_action WHERE subject_type = 'PLAN' AND subject_id = ?"
            + " AND action = 'REMIND'", Integer.class, plan.getId())).isEqualTo(1);

        mvc.perform(post("/status/incidents/" + incidentId + "/retry").with(csrf()).with(as("admin")))
            .andExpect(status().isConflict());
    }

    private static List<StatusService.IncidentRow> mine(List<StatusService.IncidentRow> rows, Plan plan) {
        return rows.stream().filter(r -> r.instance().getId().equals(plan.getProcessInstanceId())).toList();
    }
}
