package cn.studyflow.material;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Scope;
import cn.studyflow.task.Decision;
import cn.studyflow.task.SubjectProvider;
import cn.studyflow.task.SubjectType;
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
class MaterialSubjects implements SubjectProvider {

    private final MaterialService materials;
    private final MaterialMapper mapper;
    private final Scope scope;

    MaterialSubjects(MaterialService materials, MaterialMapper mapper, Scope scope) {
        this.materials = materials;
        this.mapper = mapper;
        this.scope = scope;
    }

    @Override
    public SubjectType subjectType() {
        return MaterialReviewProcess.SUBJECT;
    }

    @Override
    public Long orgId(long id) {
        Material m = mapper.selectById(id);
        return m == null ? null : m.getOrgId();
    }

    /** The rule of {@link MaterialService#get}: the organisation's scope, then who reads it before its archive. */
    @Override
    public boolean canSee(long id, CurrentUser user) {
        Material m = mapper.selectById(id);
        return m != null && scope.canSee(user, m.getOrgId()) && materials.canRead(m, user);
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
    public boolean batchApprovable(TaskInfo task) {
        return MaterialReviewProcess.TASK_SECOND_REVIEW.equals(task.step());
    }

    @Override
    public void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        materials.onDecision(id, task, decision, comment, user);
    }
}
