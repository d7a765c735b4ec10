package cn.studyflow.plan;

import cn.studyflow.workflow.IdDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Approves a plan at the end of its process and schedules its topics as study sessions. */
@Component
class RegisterPlanDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(RegisterPlanDelegate.class);

    private final PlanService plans;

    RegisterPlanDelegate(PlanService plans) {
        super(PlanApprovalProcess.VAR_PLAN_ID);
        this.plans = plans;
    }

    @Override
    protected void run(long planId, DelegateExecution execution) {
        log.debug("Registering plan {}", execution.getBusinessKey());
        plans.approve(planId);
    }
}
