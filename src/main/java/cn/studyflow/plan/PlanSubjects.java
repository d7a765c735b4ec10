package cn.studyflow.plan;

import cn.studyflow.org.ClosedYears;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.Decision;
import cn.studyflow.task.SubjectSupport;
import cn.studyflow.workflow.TaskInfo;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Shows plans on task pages and applies reviewers' decisions to them. */
@Component
class PlanSubjects extends SubjectSupport<Plan> {

    private final PlanService plans;
    private final ClosedYears closedYears;

    PlanSubjects(PlanService plans, PlanMapper mapper, ClosedYears closedYears) {
        super(PlanApprovalProcess.SUBJECT, mapper::selectById, Plan::getOrgId, mapper::selectJournalOwners);
        this.plans = plans;
        this.closedYears = closedYears;
    }

    @Override
    protected void requireOpenYear(Plan plan) {
        closedYears.requireOpen(plan.getOrgId(), plan.getPlanYear());
    }

    @Override
    protected boolean canSee(Plan plan, CurrentUser user) {
        return plans.canSee(plan, user);
    }

    @Override
    public Map<String, Object> model(long id, CurrentUser user) {
        Plan plan = plans.get(id, user);
        return Map.of("plan", plan, "topics", plans.topics(plan, plan.getRevision()),
            "revisions", plans.revisions(plan));
    }

    @Override
    public String form(TaskInfo task) {
        return PlanApprovalProcess.TASK_DRAFT.equals(task.step()) ? "plan/fragments :: draftStep" : null;
    }

    @Override
    public void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        plans.onDecision(id, task, decision, comment, user);
    }

    /** Back at the draft step the plan is editable again, with a new working revision. */
    @Override
    public void onReturnedTo(long id, String step, TaskInfo from, String action, String comment, CurrentUser user) {
        if (PlanApprovalProcess.TASK_DRAFT.equals(step)) {
            plans.reopen(id, "WITHDRAW".equals(action));
        }
    }
}
