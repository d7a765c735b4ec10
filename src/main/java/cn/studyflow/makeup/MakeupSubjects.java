package cn.studyflow.makeup;

import cn.studyflow.session.SessionService;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.Decision;
import cn.studyflow.task.SubjectSupport;
import cn.studyflow.workflow.TaskInfo;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Make-ups in the tasklist: shown on task and status pages with links to the session and its materials, and told to
 * the status journal. The secretary accepts or returns on the generic form (batch acceptance included), which this
 * applies to the make-up (the acceptance itself marks the roster through {@link MakeupCallbacks#accept}); the
 * member's step links to the make-up's page, where the notes are submitted; the leader's overdue step offers the
 * waiver ({@link MakeupWaivers}). A move back to the member (退回, 撤回) gives them the make-up again.
 */
@Component
class MakeupSubjects extends SubjectSupport<Makeup> {

    private final MakeupService service;
    private final MakeupMaterials materials;
    private final MakeupMapper makeups;
    private final NotificationService notifications;
    private final Clock clock;
    private final SessionService sessions;

    MakeupSubjects(MakeupService service, MakeupMaterials materials, MakeupMapper makeups,
                   NotificationService notifications, Clock clock, SessionService sessions) {
        super(MakeupStudyProcess.SUBJECT, makeups::selectById, Makeup::getOrgId, makeups::selectJournalOwners);
        this.service = service;
        this.materials = materials;
        this.makeups = makeups;
        this.notifications = notifications;
        this.clock = clock;
        this.sessions = sessions;
    }

    @Override
    protected void requireOpenYear(Makeup m) {
        sessions.requireOpen(m.getSessionId());
    }

    @Override
    protected boolean canSee(Makeup m, CurrentUser user) {
        return service.canSee(m, user);
    }

    @Override
    public Map<String, Object> model(long id, CurrentUser user) {
        Makeup m = service.get(id, user);
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

    /** The secretary's check (a batch acceptance's and an added signer's too), in the transaction that completes it. */
    @Override
    public void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        if (!MakeupStudyProcess.TASK_CHECK.equals(task.step())) {
            throw BusinessException.invalid("task.notDecidedHere");
        }
        Makeup m = makeups.selectById(id);
        if (m.getPersonId() == user.getPersonId()) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "makeup.error.ownMakeup");
        }
        m.decided(user, comment, clock);
        if (decision == Decision.RETURN) {
            m.setStatus(MakeupStatus.RETURNED);
            notifications.notify(m.getPersonId(), Makeups.link(m), "makeup.notify.returned", user,
                m.getDecisionComment());
        }
        VersionedRow.save(m, makeups::update, clock);
    }

    @Override
    public void onReturnedTo(long id, String step, TaskInfo from, String action, String comment, CurrentUser user) {
        if (MakeupStudyProcess.TASK_SUBMIT.equals(step)) {
            Makeup m = makeups.selectById(id);
            m.setStatus("WITHDRAW".equals(action) ? MakeupStatus.WITHDRAWN : MakeupStatus.RETURNED);
            VersionedRow.save(m, makeups::update, clock);
        }
    }
}
