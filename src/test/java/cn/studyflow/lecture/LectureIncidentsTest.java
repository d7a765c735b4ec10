package cn.studyflow.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.status.StatusService;
import cn.studyflow.support.JobIncidents;
import cn.studyflow.support.StepFailures;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Each timer of the Party lecture selection whose delegate fails becomes an incident the administrator retries
 * once the cause is fixed; the round then goes on where it stopped. Closing the entries early runs the opening
 * of the scoring in the dept's request, which a failure rolls back instead.
 */
class LectureIncidentsTest extends LectureFixture {

    @MockitoSpyBean RoundCallbacks callbacks;

    @Autowired StatusService status;
    @Autowired Workflow workflow;
    @Autowired NotificationService notifications;

    /**
     * A job-run delegate: what brings the round to the timer, the timer, the call that fails, and what the
     * round shows once the delegate ran.
     */
    record JobScenario(String delegate, boolean collectionClosed, String timer, Consumer<RoundCallbacks> call,
                       Consumer<LectureIncidentsTest> continued) {
        @Override
        public String toString() {
            return delegate;
        }
    }

    static Stream<JobScenario> jobs() {
        return Stream.of(
            new JobScenario("openLectureScoringDelegate", false, LectureSelectionProcess.TIMER_ENTRIES_CLOSE,
                c -> c.open(anyLong()), t -> {
                    assertThat(t.round(t.townRound.getId()).getStatus()).isEqualTo(RoundStatus.SCORING);
                    assertThat(t.workflow.activeTasks(t.round(t.townRound.getId()).getProcessInstanceId())).extracting(TaskInfo::assignee)
                        .containsExactlyInAnyOrder(t.countyJudge.getUsername(), t.town2Judge.getUsername());
                }),
            new JobScenario("lectureJudgesReminderDelegate", true, LectureSelectionProcess.TIMER_REMINDER,
                c -> c.remind(anyLong()), t -> {
                    assertThat(t.reminders(t.countyJudge)).isEqualTo(1);
                    assertThat(t.round(t.townRound.getId()).getStatus()).isEqualTo(RoundStatus.SCORING);
                }),
            new JobScenario("closeLectureScoringDelegate", true, LectureSelectionProcess.TIMER_DEADLINE,
                c -> c.close(anyLong()), t -> {
                    assertThat(t.round(t.townRound.getId()).getStatus()).isEqualTo(RoundStatus.RANKING);
                    assertThat(t.rounds.entries(t.townRound.getId())).hasSize(1);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    void failingDelegateIsAnIncidentAndTheRoundGoesOnAfterTheRetry(JobScenario s) throws Exception {
        enter(member, "故障之后接着评的党课");
        if (s.collectionClosed()) {
            rounds.closeCollection(townRound.getId(), townDept);
        }
        JobIncidents incidents = new JobIncidents(management, status, mvc, this::user, this::as);
        s.call().accept(doThrow(new IllegalStateException(JobIncidents.CAUSE)).when(callbacks));

        incidents.failUntilIncident(round(townRound.getId()).getProcessInstanceId(), s.timer(), () -> reset(callbacks));

        s.continued().accept(this);
    }

    /**
     * openLectureScoringDelegate also runs when the dept closes the entries early: there its failure rolls the
     * closing back, and no incident.
     */
    @Test
    void failingOpeningRollsAnEarlyCloseBackAndTheSameCloseSucceedsOnceFixed() throws Exception {
        enter(member, "提前截止的党课");
        long roundId = townRound.getId();
        String instance = round(roundId).getProcessInstanceId();
        doThrow(new IllegalStateException(JobIncidents.CAUSE)).when(callbacks).open(anyLong());

        StepFailures.failThenSucceed(mvc, () -> post("/lectures/rounds/" + roundId + "/close").with(csrf())
                .with(as(townDept.getUsername())), () -> {
                assertThat(round(roundId).getStatus()).isEqualTo(RoundStatus.COLLECTING);
                assertThat(workflow.activeTasks(instance)).extracting(TaskInfo::step)
                    .containsExactly(LectureSelectionProcess.TASK_COLLECT);
                assertThat(status.incidents(user("admin"))).noneMatch(r -> r.instance().getId().equals(instance));
            }, () -> reset(callbacks), redirectedUrl(Lectures.roundLink(roundId)));

        assertThat(round(roundId).getStatus()).isEqualTo(RoundStatus.SCORING);
        assertThat(workflow.activeTasks(instance)).extracting(TaskInfo::assignee)
            .containsExactlyInAnyOrder(countyJudge.getUsername(), town2Judge.getUsername());
    }

    private long reminders(CurrentUser who) {
        return notifications.page(who.getPersonId(), 0, 50).items().stream().map(Notification::getMessageKey)
            .filter("lecture.notify.remind"::equals).count();
    }
}
