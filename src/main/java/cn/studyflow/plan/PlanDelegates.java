package cn.studyflow.plan;

import cn.studyflow.workflow.IdDelegate;
import java.util.Date;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of plan-approval.bpmn, each a bean named as its delegate expression. */
@Configuration(proxyBeanMethods = false)
class PlanDelegates {

    /** Approves a plan at the end of its process and schedules its topics as study sessions. */
    @Bean
    IdDelegate registerPlanDelegate(PlanService plans) {
        return IdDelegate.calling(PlanApprovalProcess.VAR_PLAN_ID, "Registering plan {}", plans::approve);
    }

    /** Reminds the secretaries that an annual plan's deadline is near (the reminder timer fired). */
    @Bean
    IdDelegate planDeadlineReminderDelegate(PlanService plans) {
        return IdDelegate.calling(PlanApprovalProcess.VAR_PLAN_ID, "Deadline reminder for plan {}",
            (id, vars) -> plans.remindDeadline(id, (Date) vars.get(PlanApprovalProcess.VAR_DEADLINE)));
    }

    /** Tells the leaders that an annual plan missed its deadline (the deadline timer fired). */
    @Bean
    IdDelegate planDeadlineEscalationDelegate(PlanService plans) {
        return IdDelegate.calling(PlanApprovalProcess.VAR_PLAN_ID, "Deadline passed for plan {}",
            plans::escalateDeadline);
    }
}
