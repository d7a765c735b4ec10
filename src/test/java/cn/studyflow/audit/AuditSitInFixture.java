package cn.studyflow.audit;

import static cn.studyflow.audit.AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationMapper;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The base of the tests that walk audit-sit-in.bpmn through StudyFlow's services ({@code AuditSitInProcessTest},
 * {@code AuditSitInRectificationTest}, {@code AuditSitInPlanningTest}). The demo tree: 青州市委 (qz) runs the
 * programme over 卞桥镇 (bq), 王坟镇 (wfz) and 教育局 (jy); before each test its pool is made exactly the
 * auditors of qz, wfz, jy and bq, free today. Helpers plan a fixed audit for today, accept an assignment and file
 * a record through the steps, and read an audit's instance, open tasks and status and a person's latest
 * notification. {@link #record} is the record form the other audit tests file too.
 */
abstract class AuditSitInFixture extends IntegrationTest {

    @Autowired ProcessEngine engine;
    @Autowired ApplicationContext context;
    @Autowired AuditService audits;
    @Autowired AuditPlanning planning;
    @Autowired AuditAssignmentSteps assignmentSteps;
    @Autowired AuditRecordSteps recordSteps;
    @Autowired AuditMapper mapper;
    @Autowired Workflow workflow;
    @Autowired NotificationMapper notifications;

    AuditFixtures fx;
    CurrentUser dept;
    CurrentUser qzAuditor;
    CurrentUser wfzAuditor;
    CurrentUser jyAuditor;
    CurrentUser bqAuditor;
    CurrentUser secretary;
    CurrentUser leader;

    @BeforeEach
    void setUp() {
        init(engine);
        fx = new AuditFixtures(context);
        dept = user("qz_dept");
        qzAuditor = user("qz_auditor");
        wfzAuditor = user("wfz_auditor");
        jyAuditor = user("jy_auditor");
        bqAuditor = user("bq_auditor");
        secretary = user("bq_secretary");
        leader = user("bq_leader");
        fx.poolOf(dept, qzAuditor, wfzAuditor, jyAuditor, bqAuditor);
    }

    // ---------------------------------------------------------------- helpers

    Audit fixedAudit(CurrentUser... auditors) {
        StudySession session = fx.sessionsThisMonth(secretary, leader, 1).get(0);
        List<Long> ids = Arrays.stream(auditors).map(CurrentUser::getPersonId).toList();
        return planning.createFixed(dept, new AuditRequests.Fixed(session.getId(), AuditFixtures.today(), ids, null));
    }

    void accept(Audit audit, CurrentUser auditor) {
        assignmentSteps.respond(taskOf(audit, TASK_ACCEPT_ASSIGNMENT, auditor).id(), auditor, new AuditRequests.Response(true, null));
    }

    void file(Audit audit, CurrentUser auditor, Verdict verdict) {
        recordSteps.fileRecord(audit.getId(), auditor, record(verdict));
    }

    /** A record with this verdict, for the audit tests that file one. */
    static AuditRecordForm record(Verdict verdict) {
        AuditRecordForm form = new AuditRecordForm();
        form.setExpectedAttendance(15);
        form.setActualAttendance(13);
        form.setScorePreparation(4);
        form.setScoreDiscussion(verdict == Verdict.PASS ? 4 : 2);
        form.setScoreDiscipline(5);
        form.setScoreApplication(3);
        form.setFindings(verdict == Verdict.PASS ? "准备充分，发言联系实际。" : "研讨发言照本宣科，未联系本镇实际。");
        form.setCheckedPoints(List.of("plan", "chair", "attendance"));
        form.setVerdict(verdict);
        return form;
    }

    List<TaskInfo> tasksAt(Audit audit, String step) {
        return workflow.activeTasks(audit.getProcessInstanceId()).stream().filter(t -> step.equals(t.step())).toList();
    }

    TaskInfo taskOf(Audit audit, String step, CurrentUser assignee) {
        return tasksAt(audit, step).stream().filter(t -> assignee.getUsername().equals(t.assignee())).findFirst()
            .orElseThrow(() -> new AssertionError("No " + step + " task for " + assignee.getUsername()));
    }

    AuditStatus statusOf(Audit audit) {
        return mapper.selectAudit(audit.getId()).getStatus();
    }

    ProcessInstance instance(Audit audit) {
        String id = audit.getProcessInstanceId() != null ? audit.getProcessInstanceId()
            : mapper.selectAudit(audit.getId()).getProcessInstanceId();
        ProcessInstance running = runtimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
        if (running != null) {
            return running;
        }
        throw new AssertionError("Instance " + id + " has ended already");
    }

    Notification latest(CurrentUser who) {
        return notifications.selectByPerson(who.getPersonId(), 0, 1).get(0);
    }

    String latestKey(CurrentUser who) {
        return latest(who).getMessageKey();
    }
}
