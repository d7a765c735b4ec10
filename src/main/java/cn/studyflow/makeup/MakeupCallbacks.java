package cn.studyflow.makeup;

import cn.studyflow.common.VersionedRow;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.Role;
import cn.studyflow.session.Roster;
import cn.studyflow.session.SessionService;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.StepHolders;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the make-up process does by itself, called by its delegates: the roster marked "made up" once accepted,
 * the reminder before the due date, the leader told when it is overdue, and the waiver recorded.
 */
@Service
@RequiredArgsConstructor
public class MakeupCallbacks {

    private static final Logger log = LoggerFactory.getLogger(MakeupCallbacks.class);

    private final MakeupMapper makeups;
    private final SessionService sessions;
    private final Roster roster;
    private final StepHolders holders;
    private final NotificationService notifications;
    private final ActionLog actionLog;
    private final Clock clock;

    /** The secretary accepted: the roster says "made up" and the member is told. */
    public void accept(long id) {
        Makeup m = makeups.selectById(id);
        if (m.getStatus() == MakeupStatus.ACCEPTED) {
            return;
        }
        roster.madeUp(m.getSessionId(), m.getPersonId(), true);
        m.setStatus(MakeupStatus.ACCEPTED);
        VersionedRow.save(m, makeups::update, clock);
        actionLog.record(Makeups.ref(m), m.getProcessInstanceId(), null, "MAKEUP_MADE_UP", null, null);
        notifications.notify(m.getPersonId(), Makeups.link(m), "makeup.notify.accepted", m.getDeciderName(),
            sessions.title(m.getSessionId()));
        log.info("Make-up {} accepted: person {} made up session {}", Makeups.ref(m).businessKey(), m.getPersonId(),
            m.getSessionId());
    }

    /** Reminds whoever holds the make-up now that it is due soon: the member, or the secretary checking it. */
    public void remind(long id) {
        Makeup m = makeups.selectById(id);
        if (!m.getStatus().isOpen()) {
            return;
        }
        int told = holders.remind(Makeups.ref(m), m.getProcessInstanceId(), MakeupStudyProcess.TASK_SUBMIT,
            Makeups.link(m), "makeup.notify.reminder", sessions.title(m.getSessionId()),
            m.getDueAt().toLocalDate().toString());
        log.info("Make-up {}: {} people reminded before the due date", Makeups.ref(m).businessKey(), told);
    }

    /** Due and not made up: the leaders are told, once; the make-up stays open and the leader may waive it. */
    public void overdue(long id) {
        Makeup m = makeups.selectById(id);
        if (!m.getStatus().isOpen()) {
            return;
        }
        actionLog.record(Makeups.ref(m), m.getProcessInstanceId(), null, "MAKEUP_OVERDUE", null, null);
        int told = notifications.notifyRole(m.getOrgId(), Role.LEADER, Makeups.link(m), "makeup.notify.overdue",
            m.getMemberName(), sessions.title(m.getSessionId()));
        log.info("Make-up {} overdue: {} leaders told", Makeups.ref(m).businessKey(), told);
    }

    /** The leader's waiver, recorded on the make-up by {@link MakeupWaivers#waive}: it ends as WAIVED. */
    public void waived(long id) {
        Makeup m = makeups.selectById(id);
        if (m.getStatus() == MakeupStatus.WAIVED) {
            return;
        }
        m.setStatus(MakeupStatus.WAIVED);
        VersionedRow.save(m, makeups::update, clock);
        notifications.notify(m.getPersonId(), Makeups.link(m), "makeup.notify.waived", m.getWaiverName(),
            sessions.title(m.getSessionId()), m.getWaiveReason());
        log.info("Make-up {} waived by person {}", Makeups.ref(m).businessKey(), m.getWaivedBy());
    }
}
