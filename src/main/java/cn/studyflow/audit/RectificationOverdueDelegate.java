package cn.studyflow.audit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The rectification deadline passed (the timer fired): tells the dept and the lead auditor. */
@Component
class RectificationOverdueDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RectificationOverdueDelegate.class);

    private final AuditCallbacks callbacks;

    RectificationOverdueDelegate(AuditCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long auditId = ((Number) execution.getVariable(AuditSitInProcess.VAR_AUDIT_ID)).longValue();
        log.info("Rectification of {} is overdue", execution.getBusinessKey());
        callbacks.reportOverdue(auditId);
    }
}
