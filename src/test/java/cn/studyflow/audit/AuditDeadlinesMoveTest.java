package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.common.BusinessException;
import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.SessionMoved;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.workflow.EngineTimers;
import cn.studyflow.workflow.Workflow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An audit sits in on its session's own day, and its acceptance window closes two days before the session
 * starts; when the session moves, the audit's day, its process variables and the waiting acceptance timer move
 * with it in the transaction that publishes {@link SessionMoved}. 青州市委宣传部 audits 卞桥镇.
 */
class AuditDeadlinesMoveTest extends IntegrationTest {

    @Autowired ProcessEngine engine;
    @Autowired ApplicationContext context;
    @Autowired AuditPlanning planning;
    @Autowired AuditAssignmentSteps assignmentSteps;
    @Autowired AuditMapper mapper;
    @Autowired SessionService sessions;
    @Autowired Workflow workflow;
    @Autowired NotificationMapper notifications;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    AuditFixtures fx;
    CurrentUser dept;
    CurrentUser qzAuditor;
    CurrentUser wfzAuditor;
    StudySession session;
    LocalDate month;

    @BeforeEach
    void setUp() {
        fx = new AuditFixtures(context);
        dept = user("qz_dept");
        qzAuditor = user("qz_auditor");
        wfzAuditor = user("wfz_auditor");
        fx.poolOf(dept, qzAuditor, wfzAuditor);
        month = AuditFixtures.today().plusMonths(2).withDayOfMonth(1);
        session = fx.sessions(user("bq_secretary"), user("bq_leader"), month.getYear(), month.getMonthValue(), 1).get(0);
    }

    @Test
    void aFixedAuditOfADatedSessionSitsInOnItsDayAndTheAcceptanceTimerMovesWithTheSession() throws Exception {
        LocalDateTime start = month.withDayOfMonth(25).atTime(14, 30);
        schedule(start);
        mvc.perform(get("/audits/new").param("year", String.valueOf(month.getYear())).with(as("qz_dept")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(session.getTitle() + " · " + start.toLocalDate())));
        assertThatThrownBy(() -> planning.createFixed(dept, fixed(start.toLocalDate().minusDays(1))))
            .isInstanceOf(BusinessException.class).hasMessageContaining("audit.error.notSessionDay");
        Assertions.assertThat(mapper.countStandingAudits(session.getId())).as("the refusal changed nothing").isZero();

        Audit audit = planning.createFixed(dept, fixed(null));

        Assertions.assertThat(audit.getSessionDate()).isEqualTo(start.toLocalDate());
        Assertions.assertThat(acceptanceTimer(audit)).isEqualTo(at(start.minusDays(2)));

        LocalDateTime moved = month.withDayOfMonth(12).atTime(9, 0);
        move(moved);

        Audit after = mapper.selectAudit(audit.getId());
        Assertions.assertThat(after.getSessionDate()).isEqualTo(moved.toLocalDate());
        Assertions.assertThat(acceptanceTimer(audit)).isEqualTo(at(moved.minusDays(2)));
        Assertions.assertThat(engine.getRuntimeService().getVariable(audit.getProcessInstanceId(), AuditSitInProcess.VAR_ACCEPT_BY))
            .isEqualTo(at(moved.minusDays(2)));
        Assertions.assertThat(latest(dept).getMessageKey()).isEqualTo("audit.notify.dayMoved");
        Assertions.assertThat(latest(wfzAuditor).argList()).contains(moved.toLocalDate().toString());
        mvc.perform(get("/audits/" + audit.getId()).with(as("qz_dept")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(moved.toLocalDate().toString())));
    }

    @Test
    void whenTheWindowClosesTheDeptIsToldWhoHasNotAnswered() {
        schedule(month.withDayOfMonth(20).atTime(14, 30));
        Audit audit = planning.createFixed(dept, fixed(null));
        assignmentSteps.respond(workflow.activeTasks(audit.getProcessInstanceId()).stream()
                .filter(t -> t.assignee().equals(qzAuditor.getUsername())).findFirst().orElseThrow().id(),
            qzAuditor, new AuditRequests.Response(true, null));

        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
            .processInstanceId(audit.getProcessInstanceId()).activityId(AuditSitInProcess.TIMER_ACCEPTANCE_OVERDUE)
            .singleResult().getId());

        Notification told = latest(dept);
        Assertions.assertThat(told.getMessageKey()).isEqualTo("audit.notify.acceptancePending");
        Assertions.assertThat(told.argList()).contains(wfzAuditor.getDisplayName())
            .doesNotContain(qzAuditor.getDisplayName());
        Assertions.assertThat(mapper.selectAudit(audit.getId()).getStatus()).isEqualTo(AuditStatus.ASSIGNING);
    }

    @Test
    void aCancelledSessionLeavesTheAuditAndItsTimerAndTellsTheDept() {
        LocalDateTime start = month.withDayOfMonth(18).atTime(14, 30);
        schedule(start);
        Audit audit = planning.createFixed(dept, fixed(null));

        transactions.executeWithoutResult(tx -> events.publishEvent(new SessionMoved(session.getId(), null)));

        Assertions.assertThat(mapper.selectAudit(audit.getId()).getSessionDate()).isEqualTo(start.toLocalDate());
        Assertions.assertThat(acceptanceTimer(audit)).isEqualTo(at(start.minusDays(2)));
        Assertions.assertThat(latest(dept).getMessageKey()).isEqualTo("audit.notify.sessionCancelled");
    }

    @Test
    void anAuditOfASessionWithNoDaySaysSoOnItsPage() throws Exception {
        Audit audit = planning.createFixed(dept, fixed(month.withDayOfMonth(10)));

        Assertions.assertThat(acceptanceTimer(audit)).as("counted from the planned day at the usual hour")
            .isEqualTo(at(month.withDayOfMonth(8).atTime(SessionService.DEFAULT_START)));
        mvc.perform(get("/audits/" + audit.getId()).with(as("qz_dept")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("学习会尚未定日期")));
    }

    private AuditRequests.Fixed fixed(LocalDate day) {
        return new AuditRequests.Fixed(session.getId(), day,
            List.of(qzAuditor.getPersonId(), wfzAuditor.getPersonId()), qzAuditor.getPersonId());
    }

    private void schedule(LocalDateTime startsAt) {
        jdbc.update("UPDATE sf_study_session SET session_date = ?, start_time = ? WHERE id = ?",
            startsAt.toLocalDate(), startsAt.toLocalTime(), session.getId());
    }

    /** What scheduling does: the session's day and hour change and SessionMoved is published in that transaction. */
    private void move(LocalDateTime startsAt) {
        transactions.executeWithoutResult(tx -> {
            schedule(startsAt);
            events.publishEvent(new SessionMoved(session.getId(), sessions.startsAt(session.getId()).orElseThrow()));
        });
    }

    private Date acceptanceTimer(Audit audit) {
        return EngineTimers.due(engine, audit.getProcessInstanceId(), AuditSitInProcess.TIMER_ACCEPTANCE_OVERDUE);
    }

    private static Date at(LocalDateTime time) {
        return Date.from(time.atZone(AuditFixtures.ZONE).toInstant());
    }

    private Notification latest(CurrentUser who) {
        return notifications.selectByPerson(who.getPersonId(), 0, 1).get(0);
    }
}
