package cn.studyflow.audit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** All records are in: sets the audit's verdict, which decides whether rectification follows. */
@Component
class ConcludeAuditDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ConcludeAuditDelegate.class);

    private final AuditCallbacks callbacks;

    ConcludeAuditDelegate(AuditCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long auditId = ((Number) execution.getVariable(AuditSitInProcess.VAR_AUDIT_ID)).longValue();
        Verdict verdict = callbacks.conclude(auditId);
        log.info("Audit {} concluded: {}", execution.getBusinessKey(), verdict);
        execution.setVariable(AuditSitInProcess.VAR_VERDICT, verdict.name());
    }
}
