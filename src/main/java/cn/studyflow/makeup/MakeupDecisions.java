package cn.studyflow.makeup;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.task.Decision;
import cn.studyflow.task.StepRunner;
import cn.studyflow.workflow.TaskInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The secretary's check (accept or return with a comment on the generic task form, batch acceptance included; the
 * acceptance itself marks the roster through {@link MakeupCallbacks#accept}), the leader's waiver of an overdue
 * make-up, and the make-up following the process when it is moved back (退回 or 撤回 to the member).
 */
@Service
@RequiredArgsConstructor
public class MakeupDecisions {

    private final MakeupMapper makeups;
    private final MakeupService service;
    private final StepRunner steps;
    private final NotificationService notifications;
    private final Clock clock;

    /** A decision made through the generic tasklist, in its transaction (a batch acceptance and an added signer's too). */
    void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        if (!MakeupStudyProcess.TASK_CHECK.equals(task.step())) {
            throw BusinessException.invalid("task.notDecidedHere");
        }
        Makeup m = makeups.selectById(id);
        if (m.getPersonId() == user.getPersonId()) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "makeup.error.ownMakeup");
        }
        m.setDecidedBy(user.getPersonId());
        m.setDecidedAt(OffsetDateTime.now(clock));
        m.setDecisionComment(comment == null || comment.isBlank() ? null : comment.strip());
        if (decision == Decision.RETURN) {
            m.setStatus(MakeupStatus.RETURNED);
            notifications.notify(m.getPersonId(), Makeups.link(m), "makeup.notify.returned", user.getDisplayName(),
                m.getDecisionComment());
        }
        VersionedRow.save(m, makeups::update, clock);
    }

    /**
     * The leader waives an overdue make-up with a reason: its process ends and the person is not expected to make
     * the session up. Refused with a clear message, and nothing changed, without a reason, for anyone but a leader
     * of its organisation, and before it is overdue or once it is done.
     */
    public void waive(long id, CurrentUser user, String reason) {
        Makeup seen = service.get(id, user);
        String why = StepRunner.comment(reason);
        if (why == null) {
            throw BusinessException.invalid("makeup.error.reasonRequired");
        }
        if (user.getOrgId() != seen.getOrgId() || !user.getRoles().contains(Role.LEADER)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "makeup.error.notLeader");
        }
        if (!seen.getStatus().isOpen()) {
            throw BusinessException.conflict("makeup.error.closed");
        }
        if (steps.openTask(seen.getProcessInstanceId(), MakeupStudyProcess.TASK_WAIVER).isEmpty()) {
            throw BusinessException.conflict("makeup.error.notOverdue");
        }
        steps.runAt(seen.getProcessInstanceId(), MakeupStudyProcess.TASK_WAIVER, user, step -> {
            step.take();
            Makeup m = makeups.selectById(id);
            m.setWaivedBy(user.getPersonId());
            m.setWaivedAt(OffsetDateTime.now(clock));
            m.setWaiveReason(why);
            VersionedRow.save(m, makeups::update, clock);
            step.complete("MAKEUP_WAIVE", why, Map.of(Decision.VARIABLE, MakeupStudyProcess.DECISION_WAIVE,
                Decision.COMMENT, why));
        });
    }

    /** 退回 to the member's step or 撤回 by the member: the make-up waits for their notes again. */
    void onReturnedTo(long id, String step, String action) {
        if (!MakeupStudyProcess.TASK_SUBMIT.equals(step)) {
            return;
        }
        Makeup m = makeups.selectById(id);
        m.setStatus("WITHDRAW".equals(action) ? MakeupStatus.WITHDRAWN : MakeupStatus.RETURNED);
        VersionedRow.save(m, makeups::update, clock);
    }
}
