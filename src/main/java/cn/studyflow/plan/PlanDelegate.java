package cn.studyflow.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A service task of the plan process: every one of them acts on the plan whose id the instance carries,
 * so the id is read here once and each task says only what it does with it.
 */
abstract class PlanDelegate implements JavaDelegate {

    final PlanService plans;

    PlanDelegate(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public final void execute(DelegateExecution execution) {
        run(((Number) execution.getVariable(PlanApprovalProcess.VAR_PLAN_ID)).longValue(), execution);
    }

    abstract void run(long planId, DelegateExecution execution);
}
