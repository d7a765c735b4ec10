package cn.studyflow.audit;

import cn.studyflow.workflow.IdDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The rectification deadline passed (the timer fired): tells the dept and the lead auditor. */
@Component
class RectificationOverdueDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(RectificationOverdueDelegate.class);

    private final AuditCallbacks callbacks;

    RectificationOverdueDelegate(AuditCallbacks callbacks) {
        super(AuditSitInProcess.VAR_AUDIT_ID);
        this.callbacks = callbacks;
    }

    @Override
    protected void run(long auditId, DelegateExecution execution) {
        log.info("Rectification of {} is overdue", execution.getBusinessKey());
        callbacks.reportOverdue(auditId);
    }
}
