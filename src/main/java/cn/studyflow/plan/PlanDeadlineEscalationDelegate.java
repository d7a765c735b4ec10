package cn.studyflow.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Tells the leaders that an annual plan missed its deadline (the deadline timer fired). */
@Component
class PlanDeadlineEscalationDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(PlanDeadlineEscalationDelegate.class);

    private final PlanService plans;

    PlanDeadlineEscalationDelegate(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long planId = ((Number) execution.getVariable(PlanApprovalProcess.VAR_PLAN_ID)).longValue();
        log.info("Deadline passed for plan {}", execution.getBusinessKey());
        plans.escalateDeadline(planId);
    }
}
