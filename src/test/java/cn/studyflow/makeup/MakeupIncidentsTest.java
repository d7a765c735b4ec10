package cn.studyflow.makeup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.studyflow.status.StatusService;
import cn.studyflow.support.JobIncidents;
import cn.studyflow.support.StepFailures;
import cn.studyflow.task.Action;
import cn.studyflow.workflow.TaskInfo;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Each timer of the make-up study whose delegate fails becomes an incident the administrator retries once the
 * cause is fixed; the make-up then goes on where it stopped, and what the delegate does happens once. The
 * acceptance and the waiver run in the secretary's and the leader's steps: a failure rolls the step back instead.
 */
class MakeupIncidentsTest extends MakeupGroupTest {

    @MockitoSpyBean MakeupCallbacks callbacks;

    @Autowired MakeupService service;
    @Autowired MakeupSubmissions submissions;
    @Autowired ManagementService management;
    @Autowired StatusService status;

    static Stream<JobIncidents.Timer<MakeupCallbacks>> jobs() {
        return Stream.of(
            new JobIncidents.Timer<>("makeupReminderDelegate", MakeupStudyProcess.TIMER_REMINDER, c -> c.remind(anyLong()),
                "REMIND"),
            new JobIncidents.Timer<>("makeupOverdueDelegate", MakeupStudyProcess.TIMER_DUE, c -> c.overdue(anyLong()),
                "MAKEUP_OVERDUE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    void failingDelegateIsAnIncidentAndTheMakeupGoesOnAfterTheRetry(JobIncidents.Timer<MakeupCallbacks> s) throws Exception {
        Makeup m = makeupOf(group.member());
        JobIncidents incidents = new JobIncidents(management, status, mvc, this::user, this::as);
        incidents.failUntilIncident(m.getProcessInstanceId(), s, callbacks);

        Makeup after = service.get(m.getId(), group.member());
        assertThat(service.timeline(after)).extracting(Action::getAction).containsOnlyOnce(s.action());
        assertThat(after.getStatus()).as("still the member's to do").isEqualTo(MakeupStatus.ASSIGNED);
    }

    /**
     * A delegate run in a person's step: how the make-up gets to the step, the call that fails, the person's
     * action through the page, where the page goes once it worked, the action it records and the status after.
     */
    record StepScenario(String delegate, Consumer<MakeupIncidentsTest> before, Consumer<MakeupCallbacks> call,
                        BiFunction<MakeupIncidentsTest, Makeup, RequestBuilder> action, String done, String recorded,
                        MakeupStatus after) {
        @Override
        public String toString() {
            return delegate;
        }
    }

    static Stream<StepScenario> steps() {
        return Stream.of(
            new StepScenario("acceptMakeupDelegate",
                t -> t.submissions.submit(t.makeupOf(t.group.member()).getId(), t.group.member(), new MakeupForm(NOTES), null),
                c -> c.accept(anyLong()), (t, m) -> post("/tasks/" + t.step(m, MakeupStudyProcess.TASK_CHECK) + "/decide")
                    .param("decision", "APPROVE").with(csrf()).with(t.as(t.group.secretary().getUsername())),
                "/tasks", "MAKEUP_MADE_UP", MakeupStatus.ACCEPTED),
            new StepScenario("waiveMakeupDelegate", t -> t.execute(t.makeupOf(t.group.member()), MakeupStudyProcess.TIMER_DUE),
                c -> c.waived(anyLong()), (t, m) -> post("/makeups/" + m.getId() + "/waive").param("reason", "长期病休")
                    .with(csrf()).with(t.as(t.group.leader().getUsername())),
                null, "MAKEUP_WAIVE", MakeupStatus.WAIVED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void failingDelegateRollsThePersonsStepBackAndTheSameStepSucceedsOnceFixed(StepScenario s) throws Exception {
        s.before().accept(this);
        Makeup m = makeupOf(group.member());
        MakeupStatus before = m.getStatus();
        List<String> stepsBefore = steps(m);
        s.call().accept(doThrow(new IllegalStateException(JobIncidents.CAUSE)).when(callbacks));

        StepFailures.failThenSucceed(mvc, () -> s.action().apply(this, m), () -> {
            Makeup unchanged = service.get(m.getId(), group.member());
            assertThat(unchanged.getStatus()).isEqualTo(before);
            assertThat(steps(m)).isEqualTo(stepsBefore);
            assertThat(service.timeline(unchanged)).extracting(Action::getAction).doesNotContain(s.recorded());
            assertThat(madeUp(group.member())).isFalse();
            assertThat(status.incidents(user("admin"))).noneMatch(r -> r.instance().getId().equals(m.getProcessInstanceId()));
        }, () -> reset(callbacks), s.done() == null ? redirectedUrl("/makeups/" + m.getId()) : redirectedUrl(s.done()));

        Makeup after = service.get(m.getId(), group.member());
        assertThat(after.getStatus()).isEqualTo(s.after());
        assertThat(service.timeline(after)).extracting(Action::getAction).containsOnlyOnce(s.recorded());
        assertThat(workflow.isRunning(m.getProcessInstanceId())).isFalse();
        assertThat(madeUp(group.member())).isEqualTo(s.after() == MakeupStatus.ACCEPTED);
    }

    private String step(Makeup m, String stepId) {
        return workflow.activeTasks(m.getProcessInstanceId()).stream().filter(t -> stepId.equals(t.step()))
            .map(TaskInfo::id).findFirst().orElseThrow();
    }

    private List<String> steps(Makeup m) {
        return workflow.activeTasks(m.getProcessInstanceId()).stream().map(TaskInfo::step).sorted().toList();
    }
}
