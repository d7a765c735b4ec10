package cn.studyflow.audit;

import cn.studyflow.workflow.IdDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** All records are in: sets the audit's verdict, which decides whether rectification follows. */
@Component
class ConcludeAuditDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(ConcludeAuditDelegate.class);

    private final AuditCallbacks callbacks;

    ConcludeAuditDelegate(AuditCallbacks callbacks) {
        super(AuditSitInProcess.VAR_AUDIT_ID);
        this.callbacks = callbacks;
    }

    @Override
    protected void run(long auditId, DelegateExecution execution) {
        Verdict verdict = callbacks.conclude(auditId);
        log.info("Audit {} concluded: {}", execution.getBusinessKey(), verdict);
        execution.setVariable(AuditSitInProcess.VAR_VERDICT, verdict.name());
    }
}
