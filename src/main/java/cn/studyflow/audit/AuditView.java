package cn.studyflow.audit;

import cn.studyflow.task.Action;
import cn.studyflow.workflow.TaskInfo;
import java.util.List;

/** An audit with everything its page and the API show about it. */
public record AuditView(Audit audit, List<AuditAssignment> assignments, List<AuditRecord> records,
                        List<Rectification> rectifications, List<TaskInfo> currentSteps, List<Action> history) {
}
