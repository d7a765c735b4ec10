package cn.studyflow.leave;

import cn.studyflow.session.SessionService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.Decision;
import cn.studyflow.task.SubjectSupport;
import cn.studyflow.workflow.TaskInfo;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Shows leave requests on task and status pages, and tells the status journal whose the leave instances are. The
 * leader and the deputy decide on the generic approve-or-return form (batch approval included); the leader's page
 * also offers the referral to the deputy. The applicant's own step links to the request's page, where it is sent
 * again or given up.
 */
@Component
class LeaveSubjects extends SubjectSupport<Leave> {

    private final LeaveService leaves;
    private final LeaveDecisions decisions;
    private final SessionService sessions;

    LeaveSubjects(LeaveService leaves, LeaveDecisions decisions, LeaveMapper mapper, SessionService sessions) {
        super(LeaveRequestProcess.SUBJECT, mapper::selectById, Leave::getOrgId, mapper::selectJournalOwners);
        this.leaves = leaves;
        this.decisions = decisions;
        this.sessions = sessions;
    }

    @Override
    protected void requireOpenYear(Leave l) {
        sessions.requireOpen(l.getSessionId());
    }

    @Override
    protected boolean canSee(Leave l, CurrentUser user) {
        return leaves.canSee(l, user);
    }

    @Override
    public Map<String, Object> model(long id, CurrentUser user) {
        Leave l = leaves.get(id, user);
        return Map.of("leave", l);
    }

    @Override
    public String form(TaskInfo task) {
        return LeaveRequestProcess.TASK_SUBMIT.equals(task.step()) ? "leave/fragments :: applicantStep" : null;
    }

    @Override
    public void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        decisions.onDecision(id, task, decision, comment, user);
    }

    @Override
    public void onReturnedTo(long id, String step, TaskInfo from, String action, String comment, CurrentUser user) {
        decisions.onReturnedTo(id, step, action);
    }
}
