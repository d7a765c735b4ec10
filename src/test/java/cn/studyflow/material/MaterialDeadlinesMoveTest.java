package cn.studyflow.material;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.PlanService;
import cn.studyflow.session.SessionMoved;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.DemoCast.DemoOrg;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.EngineTimers;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Material deadlines follow the session's real start: none while it has no day (the pages say so), and when
 * the session gets a day or moves, the deadline, the reminder and overdue timers and the open step's due date
 * move with it, as the scheduling does it: in the transaction that publishes {@link SessionMoved}.
 */
class MaterialDeadlinesMoveTest extends IntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired ProcessEngine engine;
    @Autowired MaterialService materials;
    @Autowired MaterialUploads uploads;
    @Autowired MaterialReviews reviews;
    @Autowired PlanService plans;
    @Autowired TasklistService tasks;
    @Autowired SessionService sessions;
    @Autowired Workflow workflow;
    @Autowired NotificationMapper notifications;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    CurrentUser author;
    StudySession session;

    @BeforeEach
    void setUp() {
        author = user("bq_member");
        session = MaterialFixtures.sessionsOf(DemoOrg.BQ, this::user, plans, tasks, workflow, sessions).get(2);
    }

    @Test
    void aMaterialOfASessionWithNoDayHasNoDeadlineAndItsPagesSaySo() throws Exception {
        Material m = upload("尚未定日期的发言", false);

        Assertions.assertThat(materials.get(m.getId(), author).getDeadline()).isNull();
        Assertions.assertThat(workflow.activeTasks(m.getProcessInstanceId())).extracting(TaskInfo::due).containsOnlyNulls();
        Assertions.assertThat(timer(m, MaterialReviewProcess.TIMER_OVERDUE)).isEqualTo(MaterialDeadlines.NO_DAY_YET);
        mvc.perform(get("/materials/" + m.getId()).with(as(author.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("学习会尚未定日期")))
            .andExpect(content().string(not(containsString("9999"))));
        mvc.perform(get("/materials").param("session", session.getId().toString()).with(as(author.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("学习会尚未定日期")));
    }

    @Test
    void whenTheSessionGetsItsDayAndMovesAgainTheDeadlineAndTheWaitingTimersMoveWithIt() {
        Material m = upload("随学习会改期的发言", true);
        LocalDateTime first = day(25).atTime(14, 30);

        move(first);

        assertDue(m, first);
        Assertions.assertThat(latest(author).getMessageKey()).isEqualTo("material.notify.deadlineMoved");
        Assertions.assertThat(latest(author).argList()).contains(first.minusDays(3).toLocalDate() + " 14:30");

        LocalDateTime later = day(28).atTime(9, 0);
        move(later);

        assertDue(m, later);
        FirstReviewForm returned = new FirstReviewForm();
        returned.setDecision(Decision.RETURN);
        returned.setNotClassified(true);
        returned.setComment("请补充引文出处");
        reviews.firstReview(workflow.activeTasks(m.getProcessInstanceId()).get(0).id(), user("bq_office"), returned);
        Assertions.assertThat(workflow.activeTasks(m.getProcessInstanceId()))
            .as("the author's new step reads the moved deadline").extracting(TaskInfo::due)
            .containsExactly(at(later.minusDays(3)).toInstant().atZone(SHANGHAI).toOffsetDateTime());
    }

    @Test
    void aCancelledSessionLeavesTheDeadlineAndTheTimersAndTellsTheAuthor() {
        Material m = upload("学习会取消时的发言", true);
        LocalDateTime start = day(20).atTime(14, 30);
        move(start);

        transactions.executeWithoutResult(tx -> events.publishEvent(new SessionMoved(session.getId(), null)));

        assertDue(m, start);
        Assertions.assertThat(latest(author).getMessageKey()).isEqualTo("material.notify.sessionCancelled");
    }

    /** What scheduling does: the session's day and hour change and SessionMoved is published in that transaction. */
    private void move(LocalDateTime startsAt) {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("UPDATE sf_study_session SET session_date = ?, start_time = ? WHERE id = ?",
                startsAt.toLocalDate(), startsAt.toLocalTime(), session.getId());
            events.publishEvent(new SessionMoved(session.getId(), sessions.startsAt(session.getId()).orElseThrow()));
        });
    }

    private void assertDue(Material m, LocalDateTime startsAt) {
        LocalDateTime deadline = startsAt.minusDays(3);
        Assertions.assertThat(materials.get(m.getId(), author).getDeadline().atZoneSameInstant(SHANGHAI)
            .toLocalDateTime()).isEqualTo(deadline);
        Assertions.assertThat(timer(m, MaterialReviewProcess.TIMER_OVERDUE)).isEqualTo(at(deadline));
        Assertions.assertThat(timer(m, MaterialReviewProcess.TIMER_REMINDER)).isEqualTo(at(deadline.minusDays(2)));
        Assertions.assertThat(workflow.activeTasks(m.getProcessInstanceId())).extracting(TaskInfo::due)
            .containsExactly(at(deadline).toInstant().atZone(SHANGHAI).toOffsetDateTime());        Assertions.assertThat(jdbc.queryForObject("SELECT due_at FROM sf_stage WHERE instance_id = ? AND ended_at IS NULL",
            OffsetDateTime.class, m.getProcessInstanceId()).toInstant()).as("the managers' views count from it too")
            .isEqualTo(at(deadline).toInstant());
    }

    private LocalDate day(int dayOfMonth) {
        return LocalDate.of(session.getSessionYear(), session.getSessionMonth(), dayOfMonth);
    }

    private Date timer(Material m, String timerId) {
        return EngineTimers.due(engine, m.getProcessInstanceId(), timerId);
    }

    private static Date at(LocalDateTime time) {
        return Date.from(time.atZone(SHANGHAI).toInstant());
    }

    private Material upload(String title, boolean submit) {
        return uploads.create(author, MaterialFixtures.form(session, title), MaterialFixtures.pdf(title + ".pdf"), submit);
    }

    private Notification latest(CurrentUser who) {
        return notifications.selectByPerson(who.getPersonId(), 0, 1).get(0);
    }
}
