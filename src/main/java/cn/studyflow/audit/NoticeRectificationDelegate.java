package cn.studyflow.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Sends the rectification notice and sets the deadline that the report step and its timer are due at. */
@Component
class NoticeRectificationDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(NoticeRectificationDelegate.class);

    private final AuditCallbacks callbacks;
    private final Clock clock;

    NoticeRectificationDelegate(AuditCallbacks callbacks, Clock clock) {
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long auditId = ((Number) execution.getVariable(AuditSitInProcess.VAR_AUDIT_ID)).longValue();
        LocalDate deadline = callbacks.noticeRectification(auditId);
        log.info("Rectification of {} due by {}", execution.getBusinessKey(), deadline);
        execution.setVariable(AuditSitInProcess.VAR_RECTIFICATION_DEADLINE,
            Date.from(deadline.atTime(LocalTime.of(23, 59, 59)).atZone(clock.getZone()).toInstant()));
    }
}
