package cn.studyflow.audit;

import cn.studyflow.workflow.IdDelegate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of audit-sit-in.bpmn, each a bean named as its delegate expression; each calls
 * AuditCallbacks.
 */
@Configuration(proxyBeanMethods = false)
class AuditDelegates {

    private static final Logger log = LoggerFactory.getLogger(AuditDelegates.class);

    /**
     * Hands the auditors asked to the acceptance step, one instance each. The list is transient: it is read
     * when the multi-instance step starts, right after this, and never stored in the engine.
     */
    @Bean
    IdDelegate prepareAcceptanceDelegate(AuditCallbacks callbacks) {
        return IdDelegate.calling(AuditSitInProcess.VAR_AUDIT_ID, (auditId, execution) -> {
            List<String> auditors = callbacks.pendingAuditors(auditId);
            log.debug("Asking {} auditors of {}", auditors.size(), execution.businessKey());
            execution.setTransient(AuditSitInProcess.VAR_AUDITORS, auditors);
        });
    }

    /** Draws a replacement for the auditor of this acceptance instance, who declined. */
    @Bean
    IdDelegate redrawAuditorDelegate(AuditCallbacks callbacks) {
        return IdDelegate.calling(AuditSitInProcess.VAR_AUDIT_ID, (auditId, execution) -> {
            String declined = (String) execution.get(AuditSitInProcess.VAR_AUDITOR);
            String replacement = callbacks.redraw(auditId, declined);
            log.info("Auditor {} declined {}; replacement: {}", declined, execution.businessKey(), replacement);
            // both variables are local to this acceptance instance (see the sub-process's input mappings)
            execution.set(AuditSitInProcess.VAR_POOL_EXHAUSTED, replacement == null);
            if (replacement != null) {
                execution.set(AuditSitInProcess.VAR_AUDITOR, replacement);
            }
        });
    }

    /** Every auditor accepted: schedules the audit and hands the record step its auditors and lead. */
    @Bean
    IdDelegate confirmAuditorsDelegate(AuditCallbacks callbacks) {
        return IdDelegate.calling(AuditSitInProcess.VAR_AUDIT_ID, (auditId, execution) -> {
            AuditCallbacks.Confirmed confirmed = callbacks.confirmAuditors(auditId);
            log.info("Auditors of {} confirmed: {}, lead {}", execution.businessKey(), confirmed.auditors(),
                confirmed.lead());
            execution.set(AuditSitInProcess.VAR_LEAD_AUDITOR, confirmed.lead());
            execution.setTransient(AuditSitInProcess.VAR_AUDITORS, confirmed.auditors());
        });
    }

    /** All records are in: sets the audit's verdict, which decides whether rectification follows. */
    @Bean
    IdDelegate concludeAuditDelegate(AuditCallbacks callbacks) {
        return IdDelegate.calling(AuditSitInProcess.VAR_AUDIT_ID, (auditId, execution) -> {
            Verdict verdict = callbacks.conclude(auditId);
            log.info("Audit {} concluded: {}", execution.businessKey(), verdict);
            execution.set(AuditSitInProcess.VAR_VERDICT, verdict.name());
        });
    }

    /** Sends the rectification notice and sets the deadline that the report step and its timer are due at. */
    @Bean
    IdDelegate noticeRectificationDelegate(AuditCallbacks callbacks, Clock clock) {
        return IdDelegate.calling(AuditSitInProcess.VAR_AUDIT_ID, (auditId, execution) -> {
            LocalDate deadline = callbacks.noticeRectification(auditId);
            log.info("Rectification of {} due by {}", execution.businessKey(), deadline);
            execution.set(AuditSitInProcess.VAR_RECTIFICATION_DEADLINE,
                Date.from(deadline.atTime(LocalTime.of(23, 59, 59)).atZone(clock.getZone()).toInstant()));
        });
    }

    /** The acceptance window closed (the timer at {@code acceptBy} fired): tells the dept who has not answered. */
    @Bean
    IdDelegate acceptanceOverdueDelegate(AuditCallbacks callbacks) {
        return IdDelegate.calling(AuditSitInProcess.VAR_AUDIT_ID, "Acceptance window of {} closed",
            callbacks::reportPendingAcceptance);
    }

    /** The rectification deadline passed (the timer fired): tells the dept and the lead auditor. */
    @Bean
    IdDelegate rectificationOverdueDelegate(AuditCallbacks callbacks) {
        return IdDelegate.calling(AuditSitInProcess.VAR_AUDIT_ID, "Rectification of {} is overdue",
            callbacks::reportOverdue);
    }
}
