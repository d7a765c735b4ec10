package cn.studyflow.leave;

import cn.studyflow.workflow.IdDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Marks the person on leave once the leader or the deputy approved. */
@Component
class GrantLeaveDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(GrantLeaveDelegate.class);

    private final LeaveCallbacks callbacks;

    GrantLeaveDelegate(LeaveCallbacks callbacks) {
        super(LeaveRequestProcess.VAR_LEAVE_ID);
        this.callbacks = callbacks;
    }

    @Override
    protected void run(long leaveId, DelegateExecution execution) {
        log.info("Granting leave {}", execution.getBusinessKey());
        callbacks.grant(leaveId);
    }
}
