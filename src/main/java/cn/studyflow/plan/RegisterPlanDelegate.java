package cn.studyflow.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Approves a plan at the end of its process and schedules its topics as study sessions. */
@Component
class RegisterPlanDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RegisterPlanDelegate.class);

    private final PlanService plans;

    RegisterPlanDelegate(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long planId = ((Number) execution.getVariable(PlanApprovalProcess.VAR_PLAN_ID)).longValue();
        log.debug("Registering plan {}", execution.getBusinessKey());
        plans.approve(planId);
    }
}
