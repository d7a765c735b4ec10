package cn.studyflow.task;

import cn.studyflow.common.CandidateGroup;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.PersonNames;
import cn.studyflow.org.Role;
import cn.studyflow.workflow.ModelStep;
import cn.studyflow.workflow.Operations;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The steps still ahead of an instance on its approval path, with who will hold each. Shown only to who may
 * act on the task, or read the business object of the instance, by its feature's own rule.
 */
@Service
@RequiredArgsConstructor
public class NextSteps {

    private final StepRunner steps;
    private final OperationRules rules;
    private final Workflow workflow;
    private final Operations operations;
    private final OrgService orgService;
    private final PersonNames names;

    /** The steps ahead of this task. */
    public List<NextStep> ofTask(String taskId, CurrentUser user) {
        return of(steps.step(taskId, user).task());
    }

    /** The steps ahead of an instance's current step, for anyone who may read its business object. */
    public List<NextStep> ofInstance(String processInstanceId, CurrentUser user) {
        rules.instance(processInstanceId, user);
        List<TaskInfo> open = workflow.activeTasks(processInstanceId);
        return open.isEmpty() ? List.of() : of(open.get(0));
    }

    List<NextStep> of(TaskInfo task) {
        List<NextStep> ahead = new ArrayList<>();
        Map<Long, String> orgNames = orgService.names();
        for (ModelStep m : operations.ahead(task.processInstanceId(), task.step())) {
            List<NextStep.Holders> holders = new ArrayList<>();
            for (String entry : m.candidateGroups()) {
                Optional<CandidateGroup> group = CandidateGroup.parse(entry);
                Optional<Role> role = group.flatMap(Role::of);
                if (role.isPresent()) {
                    long orgId = group.get().orgId();
                    holders.add(new NextStep.Holders(orgNames.get(orgId), role.get(),
                        orgService.holders(orgId, role.get()).stream().map(names::label).toList()));
                }
            }
            List<String> named = new ArrayList<>(m.candidateUsers());
            if (m.assignee() != null) {
                named.add(0, m.assignee());
            }
            List<String> people = named.stream().map(orgService::personByUsername).filter(Objects::nonNull)
                .map(names::label).toList();
            if (!people.isEmpty()) {
                holders.add(new NextStep.Holders(null, null, people));
            }
            ahead.add(new NextStep(m.step(), m.name(), holders, m.unresolved()));
        }
        return ahead;
    }
}
