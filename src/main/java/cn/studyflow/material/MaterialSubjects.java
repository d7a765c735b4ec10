package cn.studyflow.material;

import cn.studyflow.org.ClosedYears;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Scope;
import cn.studyflow.task.Decision;
import cn.studyflow.task.SubjectSupport;
import cn.studyflow.workflow.TaskInfo;
import java.util.Arrays;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Shows materials on task pages. The author's step and the two reviews have forms of their own; the
 * leader's sign-off uses the generic approve-or-return form. Batch approval from the tasklist is allowed
 * for the sign-off and for the second review (every checklist item passed under the one comment), never
 * for the first review, whose 不涉密 confirmation is made one material at a time.
 */
@Component
class MaterialSubjects extends SubjectSupport<Material> {

    private final MaterialService materials;
    private final Scope scope;
    private final ClosedYears closedYears;

    MaterialSubjects(MaterialService materials, MaterialReads reads, MaterialMapper mapper, Scope scope,
                     ClosedYears closedYears) {
        super(MaterialReviewProcess.SUBJECT, reads::byId, Material::getOrgId, mapper::selectJournalOwners);
        this.materials = materials;
        this.scope = scope;
        this.closedYears = closedYears;
    }

    @Override
    protected void requireOpenYear(Material m) {
        if (m.getSessionYear() != null) {
            closedYears.requireOpen(m.getOrgId(), m.getSessionYear());
        }
    }

    /** The rule of {@link MaterialService#get}: the organisation's scope, then who reads it before its archive. */
    @Override
    protected boolean canSee(Material m, CurrentUser user) {
        return scope.canSee(user, m.getOrgId()) && materials.canRead(m, user);
    }

    @Override
    public Map<String, Object> model(long id, CurrentUser user) {
        Material m = materials.get(id, user);
        return Map.of("material", m, "versions", materials.versions(m), "overdue", materials.isOverdue(m),
            "checkItems", Arrays.asList(CheckItem.values()));
    }

    @Override
    public String form(TaskInfo task) {
        return switch (task.step()) {
            case MaterialReviewProcess.TASK_SUBMIT -> "material/fragments :: authorStep";
            case MaterialReviewProcess.TASK_FIRST_REVIEW -> "material/fragments :: firstReviewForm";
            case MaterialReviewProcess.TASK_SECOND_REVIEW -> "material/fragments :: secondReviewForm";
            default -> null;
        };
    }

    @Override
    public void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        materials.onDecision(id, task, decision, comment, user);
    }
}
