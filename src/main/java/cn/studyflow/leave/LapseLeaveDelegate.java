package cn.studyflow.leave;

import cn.studyflow.workflow.IdDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Lapses a leave request still undecided when the session starts (the start timer fired). */
@Component
class LapseLeaveDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(LapseLeaveDelegate.class);

    private final LeaveCallbacks callbacks;

    LapseLeaveDelegate(LeaveCallbacks callbacks) {
        super(LeaveRequestProcess.VAR_LEAVE_ID);
        this.callbacks = callbacks;
    }

    @Override
    protected void run(long leaveId, DelegateExecution execution) {
        log.info("Lapsing leave {}", execution.getBusinessKey());
        callbacks.lapse(leaveId);
    }
}
