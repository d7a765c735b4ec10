package cn.studyflow.archive;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.ClosedYears;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.Decision;
import cn.studyflow.task.StepRunner;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing a year (processes/year-archive-closing.bpmn): the secretary's request, which starts the process and
 * sends it to the leader; the leader's decision on the generic task form, in the step's transaction; closing the
 * year when approved ({@link ClosedYears.Closed} published in that transaction); and the reopening by the leader or
 * an administrator, with a reason, recorded in the history ({@link ClosedYears.Reopened}).
 */
@Service
@RequiredArgsConstructor
public class YearClosings {

    static final String ACTION_REQUEST = "YEAR_CLOSING_REQUEST";
    static final String ACTION_REOPEN = "YEAR_REOPEN";

    private static final Logger log = LoggerFactory.getLogger(YearClosings.class);

    private final YearClosingMapper closings;
    private final ArchiveAccess access;
    private final ArchiveContents contents;
    private final ArchiveYears years;
    private final OrgService orgs;
    private final Workflow workflow;
    private final ActionLog actionLog;
    private final NotificationService notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public static SubjectRef ref(long closingId) {
        return YearArchiveClosingProcess.SUBJECT.ref(closingId);
    }

    /** The secretary asks the leader to close a past or current year that holds something and is open. */
    @Transactional
    public YearClosing request(CurrentUser user, long orgId, int year, String note) {
        access.requireRead(user, orgId);
        if (!access.canRequestClosing(user, orgId)) {
            throw BusinessException.forbidden();
        }
        years.requireArchivable(year);
        String cleanNote = StepRunner.comment(note);
        if (closings.selectClosed(orgId, year) != null) {
            throw BusinessException.conflict("archive.error.alreadyClosed", String.valueOf(year));
        }
        YearClosing waiting = waiting(orgId, year);
        if (waiting != null) {
            throw BusinessException.conflict("archive.error.pending", waiting.getRequesterName());
        }
        if (ArchiveContents.isEmpty(contents.parts(orgId, year, Locale.SIMPLIFIED_CHINESE))) {
            throw BusinessException.invalid("archive.error.empty", String.valueOf(year));
        }
        YearClosing c = new YearClosing();
        c.setOrgId(orgId);
        c.setClosingYear(year);
        c.setStatus(ClosingStatus.REQUESTED);
        c.setPendingKey(YearClosing.pendingKey(orgId, year));
        c.setRequestedBy(user.getPersonId());
        c.setRequestedAt(OffsetDateTime.now(clock));
        c.setRequestNote(cleanNote);
        try {
            closings.insert(c);
        } catch (DuplicateKeyException e) {
            // two requests at once: the unique pending key lets one through
            YearClosing first = waiting(orgId, year);
            throw BusinessException.conflict("archive.error.pending", first == null ? "" : first.getRequesterName());
        }
        Map<String, Object> vars = Workflow.startVariables(YearArchiveClosingProcess.VAR_CLOSING_ID, c.getId(), orgId,
            orgs.get(orgId).getName() + " · " + year);
        vars.put(YearArchiveClosingProcess.VAR_YEAR, year);
        String pid = workflow.start(YearArchiveClosingProcess.KEY, ref(c.getId()).businessKey(), vars);
        closings.updateProcessInstance(c.getId(), pid);
        c.setProcessInstanceId(pid);
        actionLog.record(ref(c.getId()), pid, null, ACTION_REQUEST, user, cleanNote);
        List<TaskInfo> open = workflow.activeTasks(pid);
        String link = open.isEmpty() ? ArchiveYears.link(orgId, year) : TasklistService.link(open.get(0).id());
        notifications.notifyRole(orgId, Role.LEADER, link, "archive.notify.requested", user, String.valueOf(year));
        log.info("Closing of {} for org {} requested by {}", year, orgId, user.getUsername());
        return c;
    }

    /** The leader's decision on the generic form, before the engine moves on (the approval closes the year there). */
    void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        if (!YearArchiveClosingProcess.TASK_LEADER.equals(task.step())) {
            throw BusinessException.invalid("task.notDecidedHere");
        }
        YearClosing c = closings.selectById(id);
        ClosingStatus status = decision == Decision.APPROVE ? ClosingStatus.REQUESTED : ClosingStatus.RETURNED;
        if (closings.updateDecision(id, status, user.getPersonId(), OffsetDateTime.now(clock), comment) == 0) {
            throw BusinessException.conflict("task.changed");
        }
        if (decision == Decision.RETURN) {
            notifications.notify(c.getRequestedBy(), ArchiveYears.link(c.getOrgId(), c.getClosingYear()),
                "archive.notify.returned", user, String.valueOf(c.getClosingYear()), comment);
        }
    }

    /** The service task after the leader's approval: the year is closed from now on, in this transaction. */
    void close(long id) {
        YearClosing c = closings.selectById(id);
        if (closings.updateClosed(id) == 0 || c.getDecidedBy() == null) {
            throw new IllegalStateException("Closing " + id + " was not approved");
        }
        try {
            closings.insertClosed(c.getOrgId(), c.getClosingYear(), id, c.getDecidedBy(), OffsetDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("archive.error.alreadyClosed", String.valueOf(c.getClosingYear()));
        }
        events.publishEvent(new ClosedYears.Closed(c.getOrgId(), c.getClosingYear(), c.getDecidedBy()));
        notifications.notify(c.getRequestedBy(), ArchiveYears.link(c.getOrgId(), c.getClosingYear()),
            "archive.notify.closed", c.getDeciderName(), String.valueOf(c.getClosingYear()));
        log.info("Year {} of org {} closed (closing {})", c.getClosingYear(), c.getOrgId(), id);
    }

    /** The leader (or an administrator of the subtree) opens a closed year again, giving a reason that is kept. */
    @Transactional
    public void reopen(CurrentUser user, long orgId, int year, String reason) {
        access.requireRead(user, orgId);
        if (!access.canReopen(user, orgId)) {
            throw BusinessException.forbidden();
        }
        String why = StepRunner.comment(reason);
        if (why == null) {
            throw BusinessException.invalid("archive.error.reasonRequired");
        }
        ClosedYear closed = closings.selectClosed(orgId, year);
        if (closed == null || closings.deleteClosed(orgId, year) == 0) {
            throw BusinessException.conflict("archive.error.notClosed", String.valueOf(year));
        }
        closings.updateReopened(closed.closingId(), user.getPersonId(), OffsetDateTime.now(clock), why);
        actionLog.record(ref(closed.closingId()), null, null, ACTION_REOPEN, user, why);
        events.publishEvent(new ClosedYears.Reopened(orgId, year, user.getPersonId(), why));
        notifications.notifyRole(orgId, Role.SECRETARY, ArchiveYears.link(orgId, year), "archive.notify.reopened",
            user, String.valueOf(year), why);
        log.info("Year {} of org {} reopened by {}", year, orgId, user.getUsername());
    }

    /** The requests of a year, newest first. */
    public List<YearClosing> history(long orgId, int year) {
        return closings.selectByYear(orgId, year);
    }

    public YearClosing byId(long id) {
        return closings.selectById(id);
    }

    public ClosedYear closed(long orgId, int year) {
        return closings.selectClosed(orgId, year);
    }

    private YearClosing waiting(long orgId, int year) {
        return closings.selectByYear(orgId, year).stream().filter(c -> c.getStatus() == ClosingStatus.REQUESTED)
            .findFirst().orElse(null);
    }
}
