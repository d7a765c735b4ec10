package cn.studyflow.plan;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reminds the secretaries that an annual plan's deadline is near (the reminder timer fired). */
@Component
class PlanDeadlineReminderDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(PlanDeadlineReminderDelegate.class);

    private final PlanService plans;

    PlanDeadlineReminderDelegate(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long planId = ((Number) execution.getVariable(PlanApprovalProcess.VAR_PLAN_ID)).longValue();
        log.info("Deadline reminder for plan {}", execution.getBusinessKey());
        plans.remindDeadline(planId, (Date) execution.getVariable(PlanApprovalProcess.VAR_DEADLINE));
    }
}
