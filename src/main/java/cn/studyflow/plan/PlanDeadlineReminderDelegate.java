package cn.studyflow.plan;

import cn.studyflow.workflow.IdDelegate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reminds the secretaries that an annual plan's deadline is near (the reminder timer fired). */
@Component
class PlanDeadlineReminderDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(PlanDeadlineReminderDelegate.class);

    private final PlanService plans;

    PlanDeadlineReminderDelegate(PlanService plans) {
        super(PlanApprovalProcess.VAR_PLAN_ID);
        this.plans = plans;
    }

    @Override
    protected void run(long planId, DelegateExecution execution) {
        log.info("Deadline reminder for plan {}", execution.getBusinessKey());
        plans.remindDeadline(planId, (Date) execution.getVariable(PlanApprovalProcess.VAR_DEADLINE));
    }
}
