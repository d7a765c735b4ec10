package cn.studyflow.audit;

import static cn.studyflow.audit.AuditSitInProcess.KEY;
import static cn.studyflow.audit.AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT;
import static cn.studyflow.audit.AuditSitInProcess.TASK_FILE_RECORD;
import static cn.studyflow.audit.AuditSitInProcess.VAR_ACCEPTED;
import static cn.studyflow.audit.AuditSitInProcess.VAR_AUDITOR;
import static cn.studyflow.audit.AuditSitInProcess.VAR_AUDITORS;
import static cn.studyflow.audit.AuditSitInProcess.VAR_AUDIT_ID;
import static cn.studyflow.audit.AuditSitInProcess.VAR_LEAD_AUDITOR;
import static cn.studyflow.audit.AuditSitInProcess.VAR_POOL_EXHAUSTED;
import static cn.studyflow.audit.AuditSitInProcess.VAR_RECTIFICATION_DEADLINE;
import static cn.studyflow.audit.AuditSitInProcess.VAR_VERDICT;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import cn.studyflow.support.DelegateMocks;
import cn.studyflow.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the {@code AuditSitIn*BpmnTest}s, which run processes/audit-sit-in.bpmn on its own on the shared
 * in-memory engine ({@code support/BpmnEngine}): its delegates mocked as the real ones hand variables on (who is
 * asked, who accepted, the replacement a redraw finds or none when the pool is exhausted, the verdict, the
 * rectification deadline); an audit started in a given mode; and the steps the tests take: an assignment
 * answered, a record filed, the asynchronous continuations run as the job executor would (timers stay), and the
 * check that a delegate ran once where it should. Each subclass carries the {@code @Deployment} of the file and
 * registers the engine's extension itself, which hands the engine to {@code mockDelegates} (one extension for
 * two classes would not do: it forgets the engine's services after each class).
 */
abstract class AuditSitInBpmnFixture {

    static final String PREPARE = "prepareAcceptanceDelegate";
    static final String REDRAW = "redrawAuditorDelegate";
    static final String CONFIRM = "confirmAuditorsDelegate";
    static final String CONCLUDE = "concludeAuditDelegate";
    static final String NOTICE = "noticeRectificationDelegate";
    static final String OVERDUE = "rectificationOverdueDelegate";
    static final String ACCEPTANCE_OVERDUE = "acceptanceOverdueDelegate";

    static final long AUDIT_ID = 99;
    static final long TOWN = 7;
    static final long DEPT = 3;
    static final String LEAD = "qz_auditor";
    static final String SECOND = "wfz_auditor";
    static final Date RECTIFY_BY = Date.from(Instant.parse("2099-07-31T15:59:59Z"));
    static final Date ACCEPT_BY = Date.from(Instant.parse("2099-06-23T06:30:00Z"));

    final DelegateMocks delegates = new DelegateMocks();

    /** Who the pending assignments name (what AuditService.pendingAuditors would answer). */
    final List<String> asked = new ArrayList<>(List.of(LEAD, SECOND));
    /** Who accepted, in the order the confirmation lists them. */
    final List<String> confirmed = new ArrayList<>();
    /** The next replacement a redraw finds; null: the pool is exhausted. */
    String replacement;
    Verdict verdict = Verdict.PASS;

    @BeforeEach
    void mockDelegates(ProcessEngine processEngine) {
        init(processEngine);
        delegates.register(PREPARE, execution ->
            execution.setVariable(VAR_AUDITORS, Variables.objectValue(new ArrayList<>(asked), true).create()));
        delegates.register(REDRAW, execution -> {
            execution.setVariable(VAR_POOL_EXHAUSTED, replacement == null);
            if (replacement != null) {
                execution.setVariable(VAR_AUDITOR, replacement);
            }
        });
        delegates.register(CONFIRM, execution -> {
            execution.setVariable(VAR_LEAD_AUDITOR, confirmed.get(0));
            execution.setVariable(VAR_AUDITORS, Variables.objectValue(new ArrayList<>(confirmed), true).create());
        });
        delegates.register(CONCLUDE, execution -> execution.setVariable(VAR_VERDICT, verdict.name()));
        delegates.register(NOTICE, execution -> execution.setVariable(VAR_RECTIFICATION_DEADLINE, RECTIFY_BY));
        delegates.register(OVERDUE);
        delegates.register(ACCEPTANCE_OVERDUE);
    }

    @AfterEach
    void forgetMocks() {
        DelegateMocks.reset();
        BpmnAwareTests.reset();
    }

    ProcessInstance start(AuditMode mode) {
        return runtimeService().startProcessInstanceByKey(KEY, AuditSitInProcess.SUBJECT_TYPE + ":" + AUDIT_ID,
            withVariables(VAR_AUDIT_ID, AUDIT_ID, Workflow.VAR_ORG_ID, TOWN, Workflow.VAR_TITLE, "卞桥镇党委理论学习中心组学习会巡听",
                AuditSitInProcess.VAR_DEPT_ORG_ID, DEPT, AuditSitInProcess.VAR_MODE, mode.name(),
                AuditSitInProcess.VAR_ACCEPT_BY, ACCEPT_BY));
    }

    void accept(ProcessInstance instance, String auditor) {
        respond(instance, auditor, true);
        confirmed.add(auditor);
    }

    static void respond(ProcessInstance instance, String auditor, boolean accepted) {
        complete(taskOf(instance, TASK_ACCEPT_ASSIGNMENT, auditor), withVariables(VAR_ACCEPTED, accepted));
    }

    static void fileRecord(ProcessInstance instance, String auditor) {
        complete(taskOf(instance, TASK_FILE_RECORD, auditor));
    }

    static Task taskOf(ProcessInstance instance, String step, String assignee) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(step).taskAssignee(assignee).singleResult();
    }

    /** Runs the asynchronous continuations that the job executor would, until none is left; timers stay. */
    static void runContinuations(ProcessInstance instance) {
        List<Job> due;
        while (!(due = jobQuery().processInstanceId(instance.getId()).messages().list()).isEmpty()) {
            due.forEach(job -> execute(job));
        }
    }

    /** The delegate ran once, at {@code activityId} of this audit's instance, and saw its id. */
    void calledOnceAt(String delegate, String activityId) throws Exception {
        verify(delegates.get(delegate)).execute(any());
        delegates.calledOnceAt(delegate, activityId, "AUDIT:" + AUDIT_ID, VAR_AUDIT_ID, AUDIT_ID);
    }
}
