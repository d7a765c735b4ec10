package cn.studyflow.leave;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.ClosedYears;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Roster;
import cn.studyflow.session.RosterEntry;
import cn.studyflow.session.SessionPersonRow;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.Step;
import cn.studyflow.task.StepRunner;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's side: asking for leave from a session they are on the roster of, before it starts, which
 * starts the request's process with the start of the session as its lapse and sends it to the leader; sending
 * it again after a return or a withdrawal; and giving it up.
 */
@Service
@RequiredArgsConstructor
public class LeaveRequests {

    private static final Logger log = LoggerFactory.getLogger(LeaveRequests.class);

    private final LeaveMapper leaves;
    private final SessionService sessions;
    private final Roster roster;
    private final Scope scope;
    private final Workflow workflow;
    private final StepRunner steps;
    private final ActionLog actionLog;
    private final NotificationService notifications;
    private final LeaveProperties properties;
    private final ClosedYears closedYears;
    private final Clock clock;

    /** Asks for leave from a session; refused with a clear message, and nothing kept, unless it may be asked now. */
    @Transactional
    public Leave ask(CurrentUser user, long sessionId, LeaveForm form) {
        form.validate(properties.maxDetail());
        StudySession session = sessions.byId(sessionId).orElseThrow(BusinessException::notFound);
        RosterEntry entry = roster.entry(sessionId, user.getPersonId()).orElse(null);
        if (entry == null) {
            // a session of one's own organisation says why; any other is as unknown as one that does not exist
            throw scope.canSee(user, session.getOrgId()) ? BusinessException.invalid("leave.error.notOnRoster")
                : BusinessException.notFound();
        }
        Instant startsAt = requireNotStarted(session);
        if (leaves.selectBySessionAndPerson(sessionId, user.getPersonId()) != null) {
            throw BusinessException.conflict("leave.error.twice");
        }
        if (entry.getAttendance() != Attendance.EXPECTED) {
            throw BusinessException.invalid("leave.error.notExpected");
        }

        Leave l = new Leave();
        l.start(session.getOrgId(), sessionId, user.getPersonId(), clock);
        l.setReason(form.getReason());
        l.setDetail(form.cleanDetail());
        l.setStatus(LeaveStatus.PENDING);
        l.setStartsAt(startsAt.atZone(clock.getZone()).toOffsetDateTime());
        try {
            leaves.insert(l);
        } catch (DuplicateKeyException e) {
            // the same person asking twice at once: the unique key lets one through
            throw BusinessException.conflict("leave.error.twice");
        }
        Map<String, Object> vars = Workflow.startVariables(LeaveRequestProcess.VAR_LEAVE_ID, l.getId(), l.getOrgId(),
            user.getDisplayName() + " · " + session.getTitle());
        vars.put(LeaveRequestProcess.VAR_APPLICANT_USERNAME, user.getUsername());
        vars.put(LeaveRequestProcess.VAR_STARTS_AT, Date.from(startsAt));
        vars.put(LeaveRequestProcess.VAR_REMIND_AT, Date.from(properties.remindAt(startsAt, clock.instant())));
        vars.put(LeaveRequestProcess.VAR_CANCELLED, false);
        l.setProcessInstanceId(workflow.start(LeaveRequestProcess.KEY, Leaves.ref(l).businessKey(), vars));
        VersionedRow.save(l, leaves::update, clock);
        TaskInfo own = steps.openTask(l.getProcessInstanceId(), LeaveRequestProcess.TASK_SUBMIT).orElseThrow();
        send(l, steps.step(own, user), "LEAVE_ASK", session);
        log.info("Leave {} asked by {} for session {} ({})", Leaves.ref(l).businessKey(), user.getUsername(),
            sessionId, l.getReason());
        return l;
    }

    /** Sends a returned or withdrawn request again, with the reason revised, while the session has not started. */
    public void resubmit(long id, CurrentUser user, LeaveForm form) {
        form.validate(properties.maxDetail());
        steps.runAt(withApplicant(id, user).getProcessInstanceId(), LeaveRequestProcess.TASK_SUBMIT, user, step -> {
            Leave l = withApplicant(id, user);
            StudySession session = sessions.byId(l.getSessionId()).orElseThrow(BusinessException::notFound);
            requireNotStarted(session);
            l.setReason(form.getReason());
            l.setDetail(form.cleanDetail());
            l.setStatus(LeaveStatus.PENDING);
            VersionedRow.save(l, leaves::update, clock);
            send(l, step, "LEAVE_RESUBMIT", session);
        });
    }

    /** Gives up a request that is back with its applicant: it ends, and they stay expected. */
    public void cancel(long id, CurrentUser user, String comment) {
        String note = StepRunner.comment(comment);
        steps.runAt(withApplicant(id, user).getProcessInstanceId(), LeaveRequestProcess.TASK_SUBMIT, user, step -> {
            Leave l = withApplicant(id, user);
            l.setStatus(LeaveStatus.CANCELLED);
            VersionedRow.save(l, leaves::update, clock);
            step.complete("LEAVE_CANCEL", note, Map.of(LeaveRequestProcess.VAR_CANCELLED, true));
            log.info("Leave {} given up by {}", Leaves.ref(l).businessKey(), user.getUsername());
        });
    }

    /** Completes the applicant's step towards the leader, and tells the leaders where to decide. */
    private void send(Leave l, Step step, String action, StudySession session) {
        step.complete(action, l.getDetail(), Map.of(LeaveRequestProcess.VAR_CANCELLED, false));
        List<TaskInfo> open = workflow.activeTasks(l.getProcessInstanceId());
        String link = open.isEmpty() ? Leaves.link(l) : TasklistService.link(open.get(0).id());
        notifications.notifyRole(l.getOrgId(), Role.LEADER, link, "leave.notify.asked", step.user(),
            session.getTitle());
    }

    /** When the session starts; refused when it has no day yet, was cancelled, was held or has started. */
    private Instant requireNotStarted(StudySession session) {
        closedYears.requireOpen(session.getOrgId(), session.getSessionYear());
        if (SessionService.CANCELLED.equals(session.getStatus())) {
            throw BusinessException.invalid("leave.error.sessionCancelled");
        }
        if (SessionService.HELD.equals(session.getStatus())) {
            throw BusinessException.invalid("leave.error.sessionStarted");
        }
        Instant startsAt = sessions.startsAt(session.getId())
            .orElseThrow(() -> BusinessException.invalid("leave.error.noDay"))
            .atZone(clock.getZone()).toInstant();
        if (!startsAt.isAfter(clock.instant())) {
            throw BusinessException.invalid("leave.error.sessionStarted");
        }
        return startsAt;
    }

    private Leave withApplicant(long id, CurrentUser user) {
        Leave l = SessionPersonRow.own(leaves.selectById(id), user);
        if (!l.getStatus().isWithApplicant()) {
            throw BusinessException.conflict("leave.error.notWithApplicant");
        }
        return l;
    }
}
