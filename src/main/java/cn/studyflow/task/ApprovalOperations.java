package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Dates;
import cn.studyflow.workflow.ModelStep;
import cn.studyflow.workflow.Operations;
import cn.studyflow.workflow.PassedStep;
import cn.studyflow.workflow.SignPosition;
import cn.studyflow.workflow.TaskInfo;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The approval operations that Chinese approval systems offer, on any step of any process, in one place for the
 * pages and the API: 转办 and 委派 ({@link Handovers}), 加签/减签 ({@link AddedSigners}), 退回 and 撤回
 * ({@link InstanceMoves}), 抄送 ({@link Copies}), 催办 ({@link Urges}), what comes next ({@link NextSteps}) and
 * what a person may do now ({@link OperationPanels}). Each runs as one step of {@link StepRunner}: checked on
 * the server, recorded in the history and moving the engine in one transaction. See
 * docs/processes.md#approval-operations for the rules.
 */
@Service
@RequiredArgsConstructor
public class ApprovalOperations {

    private final Handovers handovers;
    private final AddedSigners signers;
    private final InstanceMoves moves;
    private final Copies copies;
    private final Urges urges;
    private final NextSteps nextSteps;
    private final OperationPanels panels;
    private final OperationRules rules;
    private final SubjectRegistry subjects;

    public void transfer(String taskId, CurrentUser user, String to, String comment) {
        handovers.transfer(taskId, user, to, comment);
    }

    public void delegate(String taskId, CurrentUser user, String to, String comment) {
        handovers.delegate(taskId, user, to, comment);
    }

    public void resolve(String taskId, CurrentUser user, String comment) {
        handovers.resolve(taskId, user, comment);
    }

    public void addSigner(String taskId, CurrentUser user, String to, SignPosition position, String comment) {
        signers.add(taskId, user, to, position, comment);
    }

    public void removeSigner(String taskId, CurrentUser user, String signer, String comment) {
        signers.remove(taskId, user, signer, comment);
    }

    public void returnTo(String taskId, CurrentUser user, String step, String comment) {
        moves.returnTo(taskId, user, step, comment);
    }

    public void withdraw(String processInstanceId, CurrentUser user, String comment) {
        moves.withdraw(processInstanceId, user, comment);
    }

    public List<Person> copy(String taskId, CurrentUser user, List<String> to, String comment) {
        return copies.copy(taskId, user, to, comment);
    }

    public void urge(String processInstanceId, CurrentUser user, String comment) {
        urges.urge(processInstanceId, user, comment);
    }

    public List<NextStep> nextSteps(String taskId, CurrentUser user) {
        return nextSteps.ofTask(taskId, user);
    }

    public List<NextStep> nextStepsOfInstance(String processInstanceId, CurrentUser user) {
        return nextSteps.ofInstance(processInstanceId, user);
    }

    public TaskOperations panel(TaskInfo task, CurrentUser user) {
        return panels.panel(task, user);
    }

    public InstanceOperations instanceView(String processInstanceId, CurrentUser user) {
        return panels.instanceView(processInstanceId, user);
    }

    /** The page of an instance's business object, for who may read it. */
    public String subjectLink(String processInstanceId, CurrentUser user) {
        return subjects.link(rules.instance(processInstanceId, user));
    }
}
