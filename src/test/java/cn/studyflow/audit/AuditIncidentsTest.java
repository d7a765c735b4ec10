package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.StudySession;
import cn.studyflow.status.StatusService;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.JobIncidents;
import cn.studyflow.support.StepFailures;
import cn.studyflow.task.Action;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * Each job of the audit sit-in (its two timers and the asynchronous continuations after the acceptance and after
 * the records) whose delegate fails becomes an incident the administrator retries once the cause is fixed; the
 * audit then goes on where it stopped, and what the delegate does happens once. The delegates run in a person's
 * request (asking the auditors when the dept plans the audit, the redraw when an auditor declines) roll that
 * request back instead.
 */
class AuditIncidentsTest extends IntegrationTest {

    @MockitoSpyBean AuditCallbacks callbacks;

    @Autowired ApplicationContext context;
    @Autowired AuditService audits;
    @Autowired AuditPlanning planning;
    @Autowired AuditAssignmentSteps assignmentSteps;
    @Autowired AuditRecordSteps recordSteps;
    @Autowired AuditMapper mapper;
    @Autowired Workflow workflow;
    @Autowired StatusService status;
    @Autowired NotificationMapper notifications;

    AuditFixtures fx;
    CurrentUser dept;
    CurrentUser auditor;
    CurrentUser spare;
    CurrentUser secretary;
    CurrentUser leader;

    @BeforeEach
    void setUp() {
        fx = new AuditFixtures(context);
        dept = user("qz_dept");
        auditor = user("qz_auditor");
        spare = user("wfz_auditor");
        secretary = user("bq_secretary");
        leader = user("bq_leader");
        fx.poolOf(dept, auditor);
    }

    /**
     * A job-run delegate: how the audit gets to its job, the timer (none: the asynchronous continuation), the
     * step the incident stops at, the call that fails, and what the audit shows once the delegate ran.
     */
    record JobScenario(String delegate, Function<AuditIncidentsTest, Audit> before, String timer, String step,
                       Consumer<AuditCallbacks> call, BiConsumer<AuditIncidentsTest, Audit> continued) {
        @Override
        public String toString() {
            return delegate;
        }
    }

    static Stream<JobScenario> jobs() {
        return Stream.of(
            new JobScenario("acceptanceOverdueDelegate", AuditIncidentsTest::asked,
                AuditSitInProcess.TIMER_ACCEPTANCE_OVERDUE, AuditSitInProcess.TIMER_ACCEPTANCE_OVERDUE,
                c -> c.reportPendingAcceptance(anyLong()), (t, a) -> {
                    assertThat(t.actions(a)).containsOnlyOnce("AUDIT_ACCEPTANCE_OVERDUE");
                    assertThat(t.steps(a)).containsExactly(AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT);
                }),
            new JobScenario("confirmAuditorsDelegate", t -> t.accepted(t.asked()), null,
                AuditSitInProcess.SERVICE_CONFIRM_AUDITORS, c -> c.confirmAuditors(anyLong()), (t, a) -> {
                    assertThat(t.statusOf(a)).isEqualTo(AuditStatus.SCHEDULED);
                    assertThat(t.steps(a)).containsExactly(AuditSitInProcess.TASK_FILE_RECORD);
                }),
            new JobScenario("concludeAuditDelegate", t -> t.filed(Verdict.PASS), null,
                AuditSitInProcess.SERVICE_CONCLUDE, c -> c.conclude(anyLong()), (t, a) -> {
                    assertThat(t.statusOf(a)).isEqualTo(AuditStatus.PASSED);
                    assertThat(t.workflow.isRunning(a.getProcessInstanceId())).isFalse();
                }),
            new JobScenario("noticeRectificationDelegate", t -> t.filed(Verdict.RECTIFY), null,
                AuditSitInProcess.SERVICE_NOTICE_RECTIFICATION, c -> c.noticeRectification(anyLong()), (t, a) -> {
                    assertThat(t.statusOf(a)).isEqualTo(AuditStatus.RECTIFYING);
                    assertThat(t.steps(a)).containsExactly(AuditSitInProcess.TASK_SUBMIT_RECTIFICATION);
                    assertThat(t.told(t.secretary, a, "audit.notify.rectify")).isEqualTo(1);
                }),
            new JobScenario("rectificationOverdueDelegate", AuditIncidentsTest::rectifying,
                AuditSitInProcess.TIMER_RECTIFICATION_OVERDUE, AuditSitInProcess.TIMER_RECTIFICATION_OVERDUE,
                c -> c.reportOverdue(anyLong()), (t, a) -> {
                    assertThat(t.actions(a)).containsOnlyOnce("AUDIT_RECTIFY_OVERDUE");
                    assertThat(t.steps(a)).containsExactly(AuditSitInProcess.TASK_SUBMIT_RECTIFICATION);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    void failingDelegateIsAnIncidentAndTheAuditGoesOnAfterTheRetry(JobScenario s) throws Exception {
        Audit audit = s.before().apply(this);
        JobIncidents incidents = new JobIncidents(fx.management, status, mvc, this::user, this::as);
        s.call().accept(doThrow(new IllegalStateException(JobIncidents.CAUSE)).when(callbacks));

        if (s.timer() == null) {
            incidents.failAsyncUntilIncident(audit.getProcessInstanceId(), s.step(), () -> reset(callbacks));
        } else {
            incidents.failUntilIncident(audit.getProcessInstanceId(), s.timer(), () -> reset(callbacks));
        }
        fx.runAsyncJobs(audit.getProcessInstanceId());

        s.continued().accept(this, audit);
    }

    /**
     * A delegate run in a person's request: the call that fails, the request (given the audit's session and the
     * audit when there is one yet), what must not have changed, the answer once fixed and what it did then.
     */
    record StepScenario(String delegate, boolean auditFirst, Consumer<AuditCallbacks> call,
                        BiFunction<AuditIncidentsTest, Long, RequestBuilder> action,
                        BiConsumer<AuditIncidentsTest, Long> unchanged, ResultMatcher done,
                        BiConsumer<AuditIncidentsTest, Long> continued) {
        @Override
        public String toString() {
            return delegate;
        }
    }

    static Stream<StepScenario> steps() {
        return Stream.of(
            // the dept plans a fixed audit: the process starts and asks the auditors in the same request
            new StepScenario("prepareAcceptanceDelegate", false, c -> c.pendingAuditors(anyLong()),
                (t, sessionId) -> post("/api/audits").with(t.as(t.dept.getUsername())).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"sessionId\":" + sessionId + ",\"sessionDate\":\""
                        + AuditFixtures.today() + "\",\"auditorIds\":[" + t.auditor.getPersonId() + "]}"),
                (t, sessionId) -> assertThat(t.auditsOf(sessionId)).as("no audit planned").isZero(),
                status().isCreated(), (t, sessionId) -> {
                    assertThat(t.auditsOf(sessionId)).isEqualTo(1);
                    Audit audit = t.mapper.selectAudit(t.auditIdOf(sessionId));
                    assertThat(t.steps(audit)).containsExactly(AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT);
                }),
            // the auditor declines: a replacement is drawn in the same request
            new StepScenario("redrawAuditorDelegate", true, c -> c.redraw(anyLong(), anyString()),
                (t, sessionId) -> post("/api/audits/" + t.auditIdOf(sessionId) + "/response")
                    .with(t.as(t.auditor.getUsername())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"accept\":false,\"reason\":\"当天另有会议\"}"),
                (t, sessionId) -> {
                    Audit audit = t.mapper.selectAudit(t.auditIdOf(sessionId));
                    assertThat(t.workflow.activeTasks(audit.getProcessInstanceId())).extracting(TaskInfo::assignee)
                        .containsExactly(t.auditor.getUsername());
                    assertThat(t.audits.assignments(audit)).extracting(AuditAssignment::getStatus)
                        .containsExactly(AssignmentStatus.PENDING);
                }, status().isOk(), (t, sessionId) -> {
                    Audit audit = t.mapper.selectAudit(t.auditIdOf(sessionId));
                    assertThat(t.workflow.activeTasks(audit.getProcessInstanceId())).extracting(TaskInfo::assignee)
                        .containsExactly(t.spare.getUsername());
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void failingDelegateRollsThePersonsRequestBackAndTheSameRequestSucceedsOnceFixed(StepScenario s) throws Exception {
        fx.poolOf(dept, auditor, spare);
        long sessionId = fx.sessionsThisMonth(secretary, leader, 1).get(0).getId();
        if (s.auditFirst()) {
            planning.createFixed(dept, new AuditRequests.Fixed(sessionId, AuditFixtures.today(),
                List.of(auditor.getPersonId()), null));
        }
        s.call().accept(doThrow(new IllegalStateException(JobIncidents.CAUSE)).when(callbacks));

        StepFailures.failThenSucceed(mvc, () -> s.action().apply(this, sessionId), () -> {
            s.unchanged().accept(this, sessionId);
            assertThat(status.incidents(user("admin"))).as("no incident: the request failed, not a job")
                .noneMatch(r -> AuditSitInProcess.KEY.equals(r.incident().processKey())
                    && String.valueOf(r.incident().message()).contains(JobIncidents.CAUSE));
        }, () -> reset(callbacks), s.done());

        s.continued().accept(this, sessionId);
    }

    private int auditsOf(long sessionId) {
        return fx.jdbc.queryForObject("SELECT COUNT(*) FROM sf_audit WHERE session_id = ?", Integer.class, sessionId);
    }

    private long auditIdOf(long sessionId) {
        return fx.jdbc.queryForObject("SELECT id FROM sf_audit WHERE session_id = ?", Long.class, sessionId);
    }

    // ---- the audit at each point

    /** A fixed audit with its auditor asked. */
    private Audit asked() {
        StudySession session = fx.sessionsThisMonth(secretary, leader, 1).get(0);
        return planning.createFixed(dept, new AuditRequests.Fixed(session.getId(), AuditFixtures.today(),
            List.of(auditor.getPersonId()), null));
    }

    /** The auditor accepted; the continuation after the acceptance waits. */
    private Audit accepted(Audit audit) {
        TaskInfo task = workflow.activeTasks(audit.getProcessInstanceId()).stream()
            .filter(t -> AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT.equals(t.step())).findFirst().orElseThrow();
        assignmentSteps.respond(task.id(), auditor, new AuditRequests.Response(true, null));
        return audit;
    }

    /** The record is filed with this verdict; the continuation after the records waits. */
    private Audit filed(Verdict verdict) {
        Audit audit = accepted(asked());
        fx.runAsyncJobs(audit.getProcessInstanceId());
        recordSteps.fileRecord(audit.getId(), auditor, AuditSitInFixture.record(verdict));
        return audit;
    }

    /** The rectification notice is out; the overdue timer waits. */
    private Audit rectifying() {
        Audit audit = filed(Verdict.RECTIFY);
        fx.runAsyncJobs(audit.getProcessInstanceId());
        return audit;
    }

    private AuditStatus statusOf(Audit audit) {
        return mapper.selectAudit(audit.getId()).getStatus();
    }

    private List<String> steps(Audit audit) {
        return workflow.activeTasks(audit.getProcessInstanceId()).stream().map(TaskInfo::step).toList();
    }

    private List<String> actions(Audit audit) {
        return audits.timeline(mapper.selectAudit(audit.getId())).stream().map(Action::getAction).toList();
    }

    /** How many times this person was told this of this audit. */
    private long told(CurrentUser who, Audit audit, String key) {
        return notifications.selectByPerson(who.getPersonId(), 0, 50).stream()
            .filter(n -> key.equals(n.getMessageKey()) && Audits.link(audit).equals(n.getLink())).count();
    }
}
