package cn.studyflow.plan;

import cn.studyflow.workflow.IdDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Tells the leaders that an annual plan missed its deadline (the deadline timer fired). */
@Component
class PlanDeadlineEscalationDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(PlanDeadlineEscalationDelegate.class);

    private final PlanService plans;

    PlanDeadlineEscalationDelegate(PlanService plans) {
        super(PlanApprovalProcess.VAR_PLAN_ID);
        this.plans = plans;
    }

    @Override
    protected void run(long planId, DelegateExecution execution) {
        log.info("Deadline passed for plan {}", execution.getBusinessKey());
        plans.escalateDeadline(planId);
    }
}
