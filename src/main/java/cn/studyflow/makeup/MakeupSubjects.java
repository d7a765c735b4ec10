package cn.studyflow.makeup;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.Decision;
import cn.studyflow.task.SubjectSupport;
import cn.studyflow.workflow.TaskInfo;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Shows make-ups on task and status pages, with links to the session and its materials, and tells the status
 * journal whose the instances are. The secretary accepts or returns on the generic form (batch acceptance
 * included); the member's step links to the make-up's page, where the notes are submitted; the leader's overdue
 * step offers the waiver.
 */
@Component
class MakeupSubjects extends SubjectSupport<Makeup> {

    private final MakeupService makeups;
    private final MakeupDecisions decisions;
    private final MakeupMaterials materials;

    MakeupSubjects(MakeupService makeups, MakeupDecisions decisions, MakeupMaterials materials, MakeupMapper mapper) {
        super(MakeupStudyProcess.SUBJECT, mapper::selectById, Makeup::getOrgId, mapper::selectJournalOwners);
        this.makeups = makeups;
        this.decisions = decisions;
        this.materials = materials;
    }

    @Override
    protected boolean canSee(Makeup m, CurrentUser user) {
        return makeups.canSee(m, user);
    }

    @Override
    public Map<String, Object> model(long id, CurrentUser user) {
        Makeup m = makeups.get(id, user);
        return Map.of("makeup", m, "studyParts", materials.of(m, user));
    }

    @Override
    public String form(TaskInfo task) {
        return switch (task.step()) {
            case MakeupStudyProcess.TASK_SUBMIT -> "makeup/fragments :: memberStep";
            case MakeupStudyProcess.TASK_WAIVER -> "makeup/fragments :: waiverStep";
            default -> null;
        };
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
