package cn.studyflow.audit;

import cn.studyflow.workflow.IdDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Draws a replacement for the auditor of this acceptance instance, who declined. */
@Component
class RedrawAuditorDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(RedrawAuditorDelegate.class);

    private final AuditCallbacks callbacks;

    RedrawAuditorDelegate(AuditCallbacks callbacks) {
        super(AuditSitInProcess.VAR_AUDIT_ID);
        this.callbacks = callbacks;
    }

    @Override
    protected void run(long auditId, DelegateExecution execution) {
        String declined = (String) execution.getVariable(AuditSitInProcess.VAR_AUDITOR);
        String replacement = callbacks.redraw(auditId, declined);
        log.info("Auditor {} declined {}; replacement: {}", declined, execution.getBusinessKey(), replacement);
        // both variables are local to this acceptance instance (see the sub-process's input mappings)
        execution.setVariable(AuditSitInProcess.VAR_POOL_EXHAUSTED, replacement == null);
        if (replacement != null) {
            execution.setVariable(AuditSitInProcess.VAR_AUDITOR, replacement);
        }
    }
}
