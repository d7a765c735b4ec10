package cn.studyflow.workflow;

import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;

/**
 * Moves the waiting timers of a running instance when the date they were computed from changes (a session
 * moved to another day): the variable the timer expression reads is set, so that the model and the instance
 * agree, and the timer's job gets the new due date. A timer that has already fired is left alone.
 */
@Service
@RequiredArgsConstructor
public class Timers {

    private final RuntimeService runtime;
    private final ManagementService management;

    /**
     * Sets {@code variable} to {@code due} on the instance and moves the waiting timer of {@code timerActivityId}
     * to it; returns how many timer jobs moved (0 when the timer has fired or the instance has ended).
     */
    public int move(String processInstanceId, String timerActivityId, String variable, Date due) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult() == null) {
            return 0;
        }
        runtime.setVariable(processInstanceId, variable, due);
        int moved = 0;
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(timerActivityId)
            .timers().list()) {
            management.setJobDuedate(job.getId(), due);
            moved++;
        }
        return moved;
    }
}
