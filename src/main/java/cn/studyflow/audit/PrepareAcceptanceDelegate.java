package cn.studyflow.audit;

import cn.studyflow.workflow.IdDelegate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands the auditors asked to the acceptance step, one instance each. The list is transient: it is read
 * when the multi-instance step starts, right after this, and never stored in the engine.
 */
@Component
class PrepareAcceptanceDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(PrepareAcceptanceDelegate.class);

    private final AuditCallbacks callbacks;

    PrepareAcceptanceDelegate(AuditCallbacks callbacks) {
        super(AuditSitInProcess.VAR_AUDIT_ID);
        this.callbacks = callbacks;
    }

    @Override
    protected void run(long auditId, DelegateExecution execution) {
        List<String> auditors = callbacks.pendingAuditors(auditId);
        log.debug("Asking {} auditors of {}", auditors.size(), execution.getBusinessKey());
        execution.setVariable(AuditSitInProcess.VAR_AUDITORS, Variables.objectValue(auditors, true).create());
    }
}
