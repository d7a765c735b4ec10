package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.common.BusinessException;
import cn.studyflow.workflow.Operations;
import cn.studyflow.workflow.SignPosition;
import cn.studyflow.workflow.Signer;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * What happens when an added signer (加签) signs. Signing {@code approve} closes their subtask: once every
 * signer before has signed, the step is the holder's to decide again; once every signer after has signed, the
 * step completes with the holder's approval. Signing {@code return} returns the step at once, as a return by
 * its holder would, and drops the other signers. Called by {@link TasklistService#decide} for signer tasks.
 */
@Service
class AddedSigners {

    private final Operations operations;
    private final Workflow workflow;
    private final ActionLog actionLog;
    private final NotificationService notifications;
    private final OrgService orgService;
    private final ObjectProvider<SubjectProvider> providers;

    AddedSigners(Operations operations, Workflow workflow, ActionLog actionLog, NotificationService notifications,
                 OrgService orgService, ObjectProvider<SubjectProvider> providers) {
        this.operations = operations;
        this.workflow = workflow;
        this.actionLog = actionLog;
        this.notifications = notifications;
        this.orgService = orgService;
        this.providers = providers;
    }

    /** A signer's decision on their own subtask; runs in the caller's transaction. */
    void decide(TaskInfo task, CurrentUser user, Decision decision, String comment) {
        Signer signer = operations.signer(task.id()).orElseThrow(() -> BusinessException.conflict("task.changed"));
        if (!user.getUsername().equals(signer.assignee())) {
            throw BusinessException.forbidden();
        }
        TaskInfo step = workflow.task(signer.parentTaskId()).orElseThrow(() -> BusinessException.conflict("task.changed"));
        SubjectRef subject = SubjectRef.parse(step.businessKey());
        SubjectProvider provider = providers.orderedStream().filter(p -> p.type().equals(subject.type())).findFirst()
            .orElseThrow(BusinessException::notFound);
        String link = "/tasks/" + step.id();
        Person holder = orgService.personByUsername(signer.addedBy());
        actionLog.record(subject, step.processInstanceId(), task, decision.name(), user, comment);
        operations.completeSigner(task.id(), user.getUsername());

        if (decision == Decision.RETURN) {
            operations.dropSigners(step.id());
            provider.onDecision(subject.id(), step, Decision.RETURN, comment, user);
            workflow.complete(step.id(), variables(Decision.RETURN, comment));
            notifyHolder(holder, provider.link(subject.id()), "ops.notify.signerReturned", user.getDisplayName(), step.title(), comment);
            return;
        }
        List<Signer> open = operations.signers(step.id());
        if (!open.isEmpty()) {
            notifyHolder(holder, link, "ops.notify.signerApproved", user.getDisplayName(), step.title());
        } else if (signer.position() == SignPosition.AFTER) {
            // the holder approved when adding signers after; their approval now moves the process on
            CurrentUser approver = holder == null ? user : orgService.asUser(holder);
            provider.onDecision(subject.id(), step, Decision.APPROVE, signer.holderComment(), approver);
            workflow.complete(step.id(), variables(Decision.APPROVE, signer.holderComment()));
            notifyHolder(holder, provider.link(subject.id()), "ops.notify.signedAfter", step.title());
        } else {
            notifyHolder(holder, link, "ops.notify.signedBefore", step.title());
        }
    }

    private void notifyHolder(Person holder, String link, String key, Object... args) {
        if (holder != null) {
            notifications.notify(holder.getId(), link, key, args);
        }
    }

    private static Map<String, Object> variables(Decision decision, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Decision.VARIABLE, decision.value());
        variables.put(Decision.COMMENT, comment == null ? "" : comment.trim());
        return variables;
    }
}
