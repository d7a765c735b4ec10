package cn.studyflow.audit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A service task of the audit process: every one of them acts on the audit whose id the instance carries,
 * so the id is read here once and each task says only what it does with it.
 */
abstract class AuditDelegate implements JavaDelegate {

    final AuditCallbacks callbacks;

    AuditDelegate(AuditCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public final void execute(DelegateExecution execution) {
        run(((Number) execution.getVariable(AuditSitInProcess.VAR_AUDIT_ID)).longValue(), execution);
    }

    abstract void run(long auditId, DelegateExecution execution);
}
