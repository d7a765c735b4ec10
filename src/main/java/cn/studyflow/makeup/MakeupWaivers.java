package cn.studyflow.makeup;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.task.Decision;
import cn.studyflow.session.SessionService;
import cn.studyflow.task.StepRunner;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The leader's waiver of an overdue make-up: at the leader's step that the due date opened, with a reason; the
 * process then ends it through {@link MakeupCallbacks#waived}. The secretary's check runs on the generic task form
 * ({@link MakeupSubjects}).
 */
@Service
@RequiredArgsConstructor
public class MakeupWaivers {

    private final MakeupMapper makeups;
    private final MakeupService service;
    private final StepRunner steps;
    private final SessionService sessions;
    private final Clock clock;

    /**
     * Waives the make-up: its process ends and the person is not expected to make the session up. Refused with a
     * clear message, and nothing changed, without a reason, for anyone but a leader of its organisation, and before
     * it is overdue or once it is done.
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
        sessions.requireOpen(seen.getSessionId());
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
}
