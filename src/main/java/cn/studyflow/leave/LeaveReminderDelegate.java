package cn.studyflow.leave;

import cn.studyflow.workflow.IdDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reminds whoever holds an undecided leave request that the session is near (the reminder timer fired). */
@Component
class LeaveReminderDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(LeaveReminderDelegate.class);

    private final LeaveCallbacks callbacks;

    LeaveReminderDelegate(LeaveCallbacks callbacks) {
        super(LeaveRequestProcess.VAR_LEAVE_ID);
        this.callbacks = callbacks;
    }

    @Override
    protected void run(long leaveId, DelegateExecution execution) {
        log.info("Reminder for leave {}", execution.getBusinessKey());
        callbacks.remind(leaveId);
    }
}
