package cn.studyflow.leave;

import cn.studyflow.common.VersionedRow;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.Role;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Roster;
import cn.studyflow.session.SessionService;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.StepHolders;
import java.time.Clock;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * What the leave process does by itself, called by its delegates: the roster marked "on leave" once approved,
 * the reminder to whoever holds an undecided request, and the lapse of one still undecided at the start.
 */
@Service
@RequiredArgsConstructor
public class LeaveCallbacks {

    private static final Logger log = LoggerFactory.getLogger(LeaveCallbacks.class);

    private final LeaveMapper leaves;
    private final Roster roster;
    private final SessionService sessions;
    private final ActionLog actionLog;
    private final NotificationService notifications;
    private final StepHolders holders;
    private final MessageSource messages;
    private final Clock clock;

    /** The approval: the person is on leave on the roster (only while still expected there) and is told. */
    public void grant(long id) {
        Leave l = leaves.selectById(id);
        if (l.getStatus() == LeaveStatus.APPROVED) {
            return;
        }
        // the roster keeps the reason as words of the record, in the office's language (出差：…), not as a code
        String label = messages.getMessage("leave.reason." + l.getReason().name(), null, l.getReason().name(),
            Locale.SIMPLIFIED_CHINESE);
        String reason = l.getDetail() == null ? label : label + "：" + l.getDetail();
        boolean marked = roster.change(l.getSessionId(), l.getPersonId(), Attendance.EXPECTED, Attendance.LEAVE,
            l.getDecidedBy(), reason.length() > 500 ? reason.substring(0, 500) : reason);
        l.setStatus(LeaveStatus.APPROVED);
        VersionedRow.save(l, leaves::update, clock);
        actionLog.record(Leaves.ref(l), l.getProcessInstanceId(), null, "LEAVE_GRANT", null, null);
        notifications.notify(l.getPersonId(), Leaves.link(l), "leave.notify.approved", l.getDeciderName(),
            sessions.title(l.getSessionId()));
        if (!marked) {
            // signed in or marked by hand meanwhile: the roster keeps what really happened
            log.warn("Leave {} approved but {} was no longer expected at session {}", Leaves.ref(l).businessKey(),
                l.getPersonId(), l.getSessionId());
        } else {
            log.info("Leave {} approved: person {} on leave at session {}", Leaves.ref(l).businessKey(),
                l.getPersonId(), l.getSessionId());
        }
    }

    /** Reminds whoever holds the undecided request now: its claimant, else the step's groups, or the applicant. */
    public void remind(long id) {
        Leave l = leaves.selectById(id);
        if (!l.getStatus().isOpen()) {
            return;
        }
        int told = holders.remind(Leaves.ref(l), l.getProcessInstanceId(), LeaveRequestProcess.TASK_SUBMIT,
            Leaves.link(l), "leave.notify.reminder", l.getApplicantName(), sessions.title(l.getSessionId()));
        log.info("Leave {}: {} people reminded before the session", Leaves.ref(l).businessKey(), told);
    }

    /** Nobody decided before the session started (or it was cancelled): the request lapses, the person stays expected. */
    public void lapse(long id) {
        Leave l = leaves.selectById(id);
        if (!l.getStatus().isOpen()) {
            return;
        }
        l.setStatus(LeaveStatus.LAPSED);
        VersionedRow.save(l, leaves::update, clock);
        actionLog.record(Leaves.ref(l), l.getProcessInstanceId(), null, "LEAVE_LAPSE", null, null);
        notifications.notify(l.getPersonId(), Leaves.link(l), "leave.notify.lapsed", sessions.title(l.getSessionId()));
        notifications.notifyRole(l.getOrgId(), Role.LEADER, Leaves.link(l), "leave.notify.lapsedLeader",
            l.getApplicantName(), sessions.title(l.getSessionId()));
        log.info("Leave {} lapsed undecided at the start of session {}", Leaves.ref(l).businessKey(), l.getSessionId());
    }
}
