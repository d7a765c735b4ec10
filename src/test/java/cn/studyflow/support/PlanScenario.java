package cn.studyflow.support;

import static cn.studyflow.plan.PlanApprovalProcess.TASK_APPROVE_BY_LEADER;
import static cn.studyflow.plan.PlanApprovalProcess.TASK_DRAFT;
import static cn.studyflow.plan.PlanApprovalProcess.TASK_REGISTER_BY_DEPT;
import static cn.studyflow.plan.PlanApprovalProcess.TASK_REVIEW_BY_PUBLICITY;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanApprovalProcess;
import cn.studyflow.plan.PlanService;
import cn.studyflow.plan.PlanStatus;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.support.DemoCast.DemoOrg;
import java.util.List;
import java.util.function.Function;

/** The annual plan of 卞桥镇党委: secretary → publicity member → leader (or deputy) → the county's dept. */
public class PlanScenario implements ApprovalScenario {

    private static final DemoOrg TOWN = DemoOrg.BQ;

    private final PlanService plans;
    private final Function<String, CurrentUser> users;

    public PlanScenario(PlanService plans, Function<String, CurrentUser> users) {
        this.plans = plans;
        this.users = users;
    }

    @Override
    public String name() {
        return "annual plan";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public Item submit() {
        CurrentUser secretary = users.apply(TOWN.planDecider(TASK_DRAFT));
        Plan plan = Plans.submittedAnnual(plans, secretary);
        return new Item(plan.getProcessInstanceId(), new SubjectRef(PlanApprovalProcess.SUBJECT_TYPE, plan.getId()),
            secretary);
    }

    @Override
    public String firstStep() {
        return TASK_DRAFT;
    }

    @Override
    public List<String> reviewSteps() {
        return List.of(TASK_REVIEW_BY_PUBLICITY, TASK_APPROVE_BY_LEADER, TASK_REGISTER_BY_DEPT);
    }

    @Override
    public CurrentUser reviewer(String step) {
        return users.apply(TOWN.planDecider(step));
    }

    @Override
    public String stepWithTwoHolders() {
        return TASK_APPROVE_BY_LEADER;
    }

    @Override
    public CurrentUser otherHolder(String step) {
        return users.apply(TOWN.username(Role.DEPUTY));
    }

    @Override
    public CurrentUser colleague(String step) {
        return users.apply(TASK_REGISTER_BY_DEPT.equals(step) ? TOWN.registrar().username(Role.MANAGER)
            : TOWN.username(Role.OFFICE));
    }

    @Override
    public CurrentUser outsider() {
        return users.apply(DemoOrg.WFZ.username(Role.PUBLICITY));
    }

    @Override
    public boolean isBackWithSubmitter(Item item) {
        // returned by a reviewer (已退回) or taken back by its secretary (已撤回): editable again
        PlanStatus status = plans.get(item.subject().id(), item.submitter()).getStatus();
        return status == PlanStatus.RETURNED || status == PlanStatus.WITHDRAWN;
    }

    @Override
    public void resubmit(Item item) {
        Plan plan = plans.get(item.subject().id(), item.submitter());
        plans.submit(plan.getId(), item.submitter(), plan.getVersion());
    }
}
