package cn.studyflow.archive;

import static cn.studyflow.archive.YearArchiveClosingProcess.DELEGATE_CLOSE;
import static cn.studyflow.archive.YearArchiveClosingProcess.END_CLOSED;
import static cn.studyflow.archive.YearArchiveClosingProcess.END_RETURNED;
import static cn.studyflow.archive.YearArchiveClosingProcess.GATEWAY_LEADER;
import static cn.studyflow.archive.YearArchiveClosingProcess.KEY;
import static cn.studyflow.archive.YearArchiveClosingProcess.SERVICE_CLOSE;
import static cn.studyflow.archive.YearArchiveClosingProcess.START;
import static cn.studyflow.archive.YearArchiveClosingProcess.TASK_LEADER;
import static cn.studyflow.archive.YearArchiveClosingProcess.VAR_CLOSING_ID;
import static cn.studyflow.archive.YearArchiveClosingProcess.VAR_YEAR;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.studyflow.support.BpmnEngine;
import cn.studyflow.support.BpmnWalk;
import cn.studyflow.support.DelegateMocks;
import cn.studyflow.task.Decision;
import cn.studyflow.workflow.Workflow;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * processes/year-archive-closing.bpmn on its own, its delegate mocked: the secretary's request waits for the
 * leader, who approves (the year is closed) or returns it (nothing is closed). {@code YearClosingTest} walks the
 * same through StudyFlow's services.
 */
@DisabledIfSystemProperty(named = "studyflow.test.database", matches = "postgres",
    disabledReason = "runs on an in-memory engine of its own, whichever the database of the run")
@Deployment(resources = "processes/year-archive-closing.bpmn")
class YearArchiveClosingBpmnTest {

    @RegisterExtension
    static ProcessEngineExtension engine = BpmnEngine.extension();

    static final long CLOSING_ID = 31;
    static final String BUSINESS_KEY = "YEAR_CLOSING:31";

    final DelegateMocks delegates = new DelegateMocks();

    @BeforeEach
    void mockDelegates() {
        init(engine.getProcessEngine());
        delegates.register(DELEGATE_CLOSE);
    }

    @AfterEach
    void forgetMocks() {
        DelegateMocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void aRequestWaitsForTheLeaderOfItsOrganisationOnly() {
        ProcessInstance instance = requested();

        assertThat(instance).hasPassed(START).isWaitingAt(TASK_LEADER);
        assertThat(task(instance)).hasCandidateGroup("org:7:leader").isNotAssigned();
        org.assertj.core.api.Assertions.assertThat(engine.getTaskService().getIdentityLinksForTask(task(instance).getId()))
            .as("neither the secretary nor the deputy decides").noneMatch(l -> "org:7:secretary".equals(l.getGroupId())
                || "org:7:deputy".equals(l.getGroupId()));
    }

    @Test
    void approvedByTheLeaderTheYearIsClosed() throws Exception {
        ProcessInstance instance = requested();

        BpmnWalk.decide(instance, Decision.APPROVE);

        assertThat(instance).hasPassedInOrder(START, TASK_LEADER, GATEWAY_LEADER, SERVICE_CLOSE, END_CLOSED)
            .hasNotPassed(END_RETURNED).isEnded();
        delegates.calledOnceAt(DELEGATE_CLOSE, SERVICE_CLOSE, BUSINESS_KEY, VAR_CLOSING_ID, CLOSING_ID);
    }

    @Test
    void returnedByTheLeaderNothingIsClosed() throws Exception {
        ProcessInstance instance = requested();

        BpmnWalk.decide(instance, Decision.RETURN);

        assertThat(instance).hasPassedInOrder(START, TASK_LEADER, GATEWAY_LEADER, END_RETURNED)
            .hasNotPassed(SERVICE_CLOSE).isEnded();
        verify(delegates.get(DELEGATE_CLOSE), never()).execute(any());
    }

    private static ProcessInstance requested() {
        return runtimeService().startProcessInstanceByKey(KEY, BUSINESS_KEY, Map.of(VAR_CLOSING_ID, CLOSING_ID,
            VAR_YEAR, 2025, Workflow.VAR_ORG_ID, 7L, Workflow.VAR_TITLE, "卞桥镇党委 · 2025"));
    }
}
