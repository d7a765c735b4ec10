package cn.studyflow.plan;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reminds the secretaries that an annual plan's deadline is near (the reminder timer fired). */
@Component
class PlanDeadlineReminderDelegate extends PlanDelegate {

    private static final Logger log = LoggerFactory.getLogger(PlanDeadlineReminderDelegate.class);

    PlanDeadlineReminderDelegate(PlanService plans) {
        super(plans);
    }

    @Override
    void run(long planId, DelegateExecution execution) {
        log.info("Deadline reminder for plan {}", execution.getBusinessKey());
        plans.remindDeadline(planId, (Date) execution.getVariable(PlanApprovalProcess.VAR_DEADLINE));
    }
}
