package cn.studyflow.audit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every auditor accepted: schedules the audit and hands the record step its auditors and lead. */
@Component
class ConfirmAuditorsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ConfirmAuditorsDelegate.class);

    private final AuditCallbacks callbacks;

    ConfirmAuditorsDelegate(AuditCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long auditId = ((Number) execution.getVariable(AuditSitInProcess.VAR_AUDIT_ID)).longValue();
        AuditCallbacks.Confirmed confirmed = callbacks.confirmAuditors(auditId);
        log.info("Auditors of {} confirmed: {}, lead {}", execution.getBusinessKey(), confirmed.auditors(),
            confirmed.lead());
        execution.setVariable(AuditSitInProcess.VAR_LEAD_AUDITOR, confirmed.lead());
        execution.setVariable(AuditSitInProcess.VAR_AUDITORS, Variables.objectValue(confirmed.auditors(), true).create());
    }
}
