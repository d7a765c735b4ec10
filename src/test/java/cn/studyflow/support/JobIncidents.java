package cn.studyflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.status.StatusService;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * The administrator's side of a job whose delegate fails: the job is run until its retries are used, the
 * incident shows on /status/incidents (and only to administrators), and the retry from the page lets it run again.
 */
@RequiredArgsConstructor
public class JobIncidents {

    /** What the failing service says; the incident page must show it. */
    public static final String CAUSE = "文件存储不可用";

    private final ManagementService management;
    private final StatusService status;
    private final MockMvc mvc;
    private final Function<String, CurrentUser> user;
    private final Function<String, RequestPostProcessor> as;

    /**
     * A delegate run by a timer: its bean's name (the scenario's name), the timer, the call on the spied service
     * that fails, and the action it records once it ran.
     */
    public record Timer<S>(String delegate, String timer, Consumer<S> call, String action) {
        @Override
        public String toString() {
            return delegate;
        }
    }

    /**
     * Makes the timer's call on the spied service fail, runs the job into an incident and retries it from the
     * page once the spy is reset (the cause fixed), as {@link #failUntilIncident(String, String, Runnable)}.
     */
    public <S> void failUntilIncident(String processInstanceId, Timer<S> scenario, S spy) throws Exception {
        scenario.call().accept(doThrow(new IllegalStateException(CAUSE)).when(spy));
        failUntilIncident(processInstanceId, scenario.timer(), () -> reset(spy));
    }

    /** The one job waiting at this step of the instance; with no step, its one asynchronous continuation. */
    public Job job(String processInstanceId, String activityId) {
        var query = management.createJobQuery().processInstanceId(processInstanceId);
        Job job = (activityId == null ? query.messages() : query.activityId(activityId)).singleResult();
        assertThat(job).as("job at %s", activityId).isNotNull();
        return job;
    }

    /**
     * Runs the job waiting at this step (its delegate failing) until the retries are used, checks the incident the administrator sees
     * and that nobody else does, then calls {@code fix} and retries from the page; returns the incident's id.
     */
    public String failUntilIncident(String processInstanceId, String activityId, Runnable fix) throws Exception {
        return failUntilIncident(job(processInstanceId, activityId), activityId, fix);
    }

    /**
     * The same for the instance's one asynchronous continuation, which stops at the service task {@code step}
     * whose delegate fails.
     */
    public String failAsyncUntilIncident(String processInstanceId, String step, Runnable fix) throws Exception {
        return failUntilIncident(job(processInstanceId, null), step, fix);
    }

    private String failUntilIncident(Job job, String step, Runnable fix) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
        }
        List<StatusService.IncidentRow> open = open(job.getProcessInstanceId());
        assertThat(open).singleElement().satisfies(r -> {
            assertThat(r.incident().message()).contains(CAUSE);
            assertThat(r.incident().step()).isEqualTo(step);
        });
        String page = mvc.perform(get("/status/incidents").with(as.apply("admin"))).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        String title = open.get(0).instance().getTitle();
        assertThat(title).as("the instance's title").isNotBlank();
        assertThat(page).contains(CAUSE, HtmlUtils.htmlEscape(title, "UTF-8"));
        String incidentId = open.get(0).incident().id();
        mvc.perform(get("/status/incidents").with(as.apply("qz_manager"))).andExpect(status().isForbidden());
        mvc.perform(post("/status/incidents/" + incidentId + "/retry").with(csrf()).with(as.apply("qz_manager")))
            .andExpect(status().isForbidden());
        assertThat(open(job.getProcessInstanceId())).as("a refused retry leaves the incident").hasSize(1);

        fix.run();
        mvc.perform(post("/status/incidents/" + incidentId + "/retry").with(csrf()).with(as.apply("admin")))
            .andExpect(redirectedUrl("/status/incidents"))
            .andExpect(flash().attribute("message", "status.incident.retried"));
        assertThat(open(job.getProcessInstanceId())).isEmpty();
        // the job executor is off in tests: run what it would run now
        management.executeJob(job.getId());
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult()).as("the job is done").isNull();
        mvc.perform(post("/status/incidents/" + incidentId + "/retry").with(csrf()).with(as.apply("admin")))
            .andExpect(status().isConflict());
        return incidentId;
    }

    private List<StatusService.IncidentRow> open(String processInstanceId) {
        return status.incidents(user.apply("admin")).stream()
            .filter(r -> processInstanceId.equals(r.instance().getId())).toList();
    }
}
