package cn.studyflow.workflow;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/**
 * For process tests: StudyFlow's {@link Workflow} over a test's own engine (so a per-BPMN test moves timers
 * through the same door the application does), and the due date of a waiting timer.
 */
public final class EngineTimers {

    private EngineTimers() {
    }

    /** The application's door to the engine, over {@code engine}. */
    public static Workflow workflow(ProcessEngine engine) {
        return new Workflow(engine.getRuntimeService(), engine.getTaskService(), engine.getRepositoryService(),
            engine.getHistoryService(), engine.getManagementService(), "Asia/Shanghai");
    }

    /** When the waiting timer of {@code timerActivityId} fires; null when there is none. */
    public static Date due(ProcessEngine engine, String processInstanceId, String timerActivityId) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
            .activityId(timerActivityId).timers().singleResult();
        return timer == null ? null : timer.getDuedate();
    }
}
