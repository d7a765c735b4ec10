package cn.studyflow.audit;

import cn.studyflow.workflow.IdDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The acceptance window closed (the timer at {@code acceptBy} fired): tells the dept who has not answered. */
@Component
class AcceptanceOverdueDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(AcceptanceOverdueDelegate.class);

    private final AuditCallbacks callbacks;

    AcceptanceOverdueDelegate(AuditCallbacks callbacks) {
        super(AuditSitInProcess.VAR_AUDIT_ID);
        this.callbacks = callbacks;
    }

    @Override
    protected void run(long auditId, DelegateExecution execution) {
        log.info("Acceptance window of {} closed", execution.getBusinessKey());
        callbacks.reportPendingAcceptance(auditId);
    }
}
