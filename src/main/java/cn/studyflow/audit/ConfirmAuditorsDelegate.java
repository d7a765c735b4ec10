package cn.studyflow.audit;

import cn.studyflow.workflow.IdDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every auditor accepted: schedules the audit and hands the record step its auditors and lead. */
@Component
class ConfirmAuditorsDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(ConfirmAuditorsDelegate.class);

    private final AuditCallbacks callbacks;

    ConfirmAuditorsDelegate(AuditCallbacks callbacks) {
        super(AuditSitInProcess.VAR_AUDIT_ID);
        this.callbacks = callbacks;
    }

    @Override
    protected void run(long auditId, DelegateExecution execution) {
        AuditCallbacks.Confirmed confirmed = callbacks.confirmAuditors(auditId);
        log.info("Auditors of {} confirmed: {}, lead {}", execution.getBusinessKey(), confirmed.auditors(),
            confirmed.lead());
        execution.setVariable(AuditSitInProcess.VAR_LEAD_AUDITOR, confirmed.lead());
        execution.setVariable(AuditSitInProcess.VAR_AUDITORS, Variables.objectValue(confirmed.auditors(), true).create());
    }
}
