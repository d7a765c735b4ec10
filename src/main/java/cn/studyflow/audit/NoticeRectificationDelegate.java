package cn.studyflow.audit;

import cn.studyflow.workflow.IdDelegate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Sends the rectification notice and sets the deadline that the report step and its timer are due at. */
@Component
class NoticeRectificationDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(NoticeRectificationDelegate.class);

    private final AuditCallbacks callbacks;
    private final Clock clock;

    NoticeRectificationDelegate(AuditCallbacks callbacks, Clock clock) {
        super(AuditSitInProcess.VAR_AUDIT_ID);
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @Override
    protected void run(long auditId, DelegateExecution execution) {
        LocalDate deadline = callbacks.noticeRectification(auditId);
        log.info("Rectification of {} due by {}", execution.getBusinessKey(), deadline);
        execution.setVariable(AuditSitInProcess.VAR_RECTIFICATION_DEADLINE,
            Date.from(deadline.atTime(LocalTime.of(23, 59, 59)).atZone(clock.getZone()).toInstant()));
    }
}
