package cn.studyflow.audit;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.task.ActionLog;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How audits come to be: a fixed audit the dept plans (固定巡听), a random draw of sessions and auditors
 * (随机巡听), and a secretary's invitation (应邀巡听). Each writes the audit, starts its process and tells
 * those concerned, in one transaction.
 */
@Service
@RequiredArgsConstructor
public class AuditPlanning {

    private static final Logger log = LoggerFactory.getLogger(AuditPlanning.class);

    private final AuditMapper audits;
    private final AuditSessions auditSessions;
    private final AuditAccess access;
    private final AuditService queries;
    private final AuditAssignments assignments;
    private final AuditDrawService draws;
    private final OrgService orgService;
    private final Workflow workflow;
    private final ActionLog actionLog;
    private final AuditNotices notices;
    private final AuditProperties properties;
    private final AuditDeadlines deadlines;
    private final Clock clock;

    /** A random draw and the audits it created. */
    public record DrawOutcome(StoredDraw draw, List<Audit> audits) {
    }

    /** A fixed audit: the dept picks a session below it, the day and the auditors. */
    @Transactional
    public Audit createFixed(CurrentUser user, AuditRequests.Fixed request) {
        return fixed(user, request, false);
    }

    /**
     * A fixed audit recorded afterwards for the demo's finished year ({@code DemoFinishedAudit}): planned as
     * {@link #createFixed} plans one, every check and the process the same, except that the session's day may be
     * past. Nothing else calls it; the pages and the API plan through {@link #createFixed}, which refuses a past day.
     */
    @Transactional
    Audit recordFixedAfterwards(CurrentUser user, AuditRequests.Fixed request) {
        return fixed(user, request, true);
    }

    private Audit fixed(CurrentUser user, AuditRequests.Fixed request, boolean recordedAfterwards) {
        access.requireDept(user);
        SessionOption session = session(request.sessionId());
        requireBelow(user, session.getOrgId());
        requireOpen(session);
        LocalDate date = sessionDate(session, request.sessionDate(), recordedAfterwards);
        List<PoolMember> auditors = assignments.valid(user.getOrgId(), session, date, null, request.auditorIds(),
            request.leadId());
        Audit audit = newAudit(user.getOrgId(), session, AuditMode.FIXED, AuditStatus.ASSIGNING, date, user, null, null);
        assignments.ask(audit, auditors, null);
        start(audit, session);
        actionLog.record(Audits.ref(audit), audit.getProcessInstanceId(), null, "AUDIT_CREATE", user, null);
        log.info("Fixed audit {} of session {} created by {}", Audits.ref(audit).businessKey(), session.getId(),
            user.getUsername());
        return audit;
    }

    /**
     * A random draw: sessions of the chosen organisations between {@code from} and {@code to} and auditors for
     * each, every one an audit of its own that the audited organisation cannot see before the day: the session's
     * own day when it has one within the window, else the first day of the window within the session's month.
     */
    @Transactional
    public DrawOutcome drawRandom(CurrentUser user, AuditRequests.Draw request) {
        access.requireDept(user);
        LocalDate from = request.from();
        LocalDate to = request.to();
        if (from == null || to == null || to.isBefore(from)) {
            throw BusinessException.invalid("audit.draw.error.window");
        }
        if (from.isBefore(access.today())) {
            throw BusinessException.invalid("audit.draw.error.past");
        }
        if (from.plusDays(properties.maxDrawDays()).isBefore(to)) {
            throw BusinessException.invalid("audit.draw.error.tooLong", properties.maxDrawDays());
        }
        List<Long> orgIds = request.orgIds() == null ? List.of()
            : request.orgIds().stream().filter(Objects::nonNull).distinct().sorted().toList();
        if (orgIds.isEmpty()) {
            throw BusinessException.invalid("audit.draw.error.orgs");
        }
        Set<Long> below = queries.subordinateOrgs(user).stream().map(Org::getId).collect(Collectors.toSet());
        if (!below.containsAll(orgIds)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.orgOutOfScope");
        }
        int sessions = request.sessions() == null ? 0 : request.sessions();
        if (sessions < 1 || sessions > properties.maxDrawSessions()) {
            throw BusinessException.invalid("audit.draw.error.sessions", properties.maxDrawSessions());
        }
        int perSession = request.auditorsPerSession() == null ? 0 : request.auditorsPerSession();
        if (perSession < 1 || perSession > properties.maxAuditorsPerSession()) {
            throw BusinessException.invalid("audit.draw.error.auditors", properties.maxAuditorsPerSession());
        }
        AuditDrawService.Drawn drawn;
        try {
            drawn = draws.drawSessions(user.getOrgId(), user.getPersonId(), from, to, orgIds, sessions, perSession);
        } catch (AuditDraw.NotEnoughSessions e) {
            throw BusinessException.invalid("audit.draw.error.notEnoughSessions", e.requested(), e.available());
        } catch (AuditDraw.NotEnoughAuditors e) {
            throw BusinessException.invalid("audit.draw.error.notEnoughAuditors", e.requested(),
                orgService.get(e.orgId()).getName(), e.eligible());
        }
        Map<Long, PoolMember> pool = audits.selectActiveAuditors(user.getOrgId()).stream()
            .collect(Collectors.toMap(PoolMember::getPersonId, Function.identity()));
        List<Audit> created = new ArrayList<>();
        for (AuditDraw.Pick pick : drawn.result().picks()) {
            SessionOption session = auditSessions.option(pick.sessionId());
            LocalDate date = randomDay(session, from, to);
            Audit audit = newAudit(user.getOrgId(), session, AuditMode.RANDOM, AuditStatus.ASSIGNING, date, user,
                drawn.stored().getId(), null);
            assignments.ask(audit, pick.auditorIds().stream().map(pool::get).toList(), drawn.stored().getId());
            start(audit, session);
            actionLog.record(Audits.ref(audit), audit.getProcessInstanceId(), null, "AUDIT_DRAWN", user, null);
            created.add(audit);
        }
        actionLog.record(new SubjectRef(AuditDrawService.SUBJECT_TYPE, drawn.stored().getId()), null, null,
            "AUDIT_DRAW", user, null);
        log.info("Draw {} by {}: {} audits", drawn.stored().getId(), user.getUsername(), created.size());
        return new DrawOutcome(drawn.stored(), created);
    }

    /** An invitation: the secretary asks the dept above for an audit of one of their sessions. */
    @Transactional
    public Audit requestInvitation(CurrentUser user, AuditRequests.Invitation request) {
        access.requireSecretary(user);
        SessionOption session = session(request.sessionId());
        if (session.getOrgId() != user.getOrgId()) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.notYourSession");
        }
        Org superior = orgService.parentOf(user.getOrgId());
        if (superior == null) {
            throw BusinessException.invalid("audit.error.noSuperior");
        }
        requireOpen(session);
        LocalDate date = sessionDate(session, request.sessionDate(), false);
        String note = Audits.text(request.note(), Audits.MAX_NOTE);
        Audit audit = newAudit(superior.getId(), session, AuditMode.INVITED, AuditStatus.REQUESTED, date, user, null,
            note);
        start(audit, session);
        actionLog.record(Audits.ref(audit), audit.getProcessInstanceId(), null, "AUDIT_REQUEST", user, note);
        notices.toDept(audit, "audit.notify.invited", user.getOrg().getName(), audit.getTitle(), date.toString());
        log.info("Audit {} requested by {}", Audits.ref(audit).businessKey(), user.getUsername());
        return audit;
    }

    private SessionOption session(Long sessionId) {
        SessionOption session = sessionId == null ? null : auditSessions.option(sessionId);
        if (session == null) {
            throw BusinessException.invalid("audit.error.session");
        }
        return session;
    }

    /** A dept audits the organisations strictly below its own. */
    private void requireBelow(CurrentUser user, long orgId) {
        Org org = orgService.get(orgId);
        if (org == null || orgId == user.getOrgId() || !user.getOrg().contains(org)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.orgOutOfScope");
        }
    }

    private void requireOpen(SessionOption session) {
        if (audits.countStandingAudits(session.getId()) > 0) {
            throw BusinessException.conflict("audit.error.sessionTaken");
        }
    }

    /**
     * The day to sit in: the session's own day once it has one (a date asked for must be that day), else a day
     * in the session's month; never one already past, unless the audit is recorded afterwards for the demo.
     */
    private LocalDate sessionDate(SessionOption session, LocalDate date, boolean recordedAfterwards) {
        if (session.getSessionDate() != null) {
            if (date != null && !date.equals(session.getSessionDate())) {
                throw BusinessException.invalid("audit.error.notSessionDay", session.getSessionDate().toString());
            }
            date = session.getSessionDate();
        }
        if (date == null) {
            throw BusinessException.invalid("audit.error.dateRequired");
        }
        if (date.getYear() != session.getSessionYear() || date.getMonthValue() != session.getSessionMonth()) {
            throw BusinessException.invalid("audit.error.dateOutsideMonth", session.getSessionYear(),
                session.getSessionMonth());
        }
        if (!recordedAfterwards && date.isBefore(access.today())) {
            throw BusinessException.invalid("audit.error.datePast");
        }
        return date;
    }

    private Audit newAudit(long deptOrgId, SessionOption session, AuditMode mode, AuditStatus status, LocalDate date,
                           CurrentUser user, Long drawId, String note) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Audit audit = new Audit();
        audit.setDeptOrgId(deptOrgId);
        audit.setOrgId(session.getOrgId());
        audit.setSessionId(session.getId());
        audit.setAuditMode(mode);
        audit.setStatus(status);
        audit.setSessionDate(date);
        audit.setAuditYear(session.getSessionYear());
        String title = session.getOrgName() + " · " + session.getTitle();
        audit.setTitle(title.length() > Audits.MAX_TITLE ? title.substring(0, Audits.MAX_TITLE) : title);
        audit.setDrawId(drawId);
        audit.setRequestNote(note);
        audit.setCreatedBy(user.getPersonId());
        audit.setCreatedAt(now);
        audit.setUpdatedAt(now);
        audits.insertAudit(audit);
        return audit;
    }

    /** A random audit's day: the session's own when it falls within the window, else the window's first in its month. */
    static LocalDate randomDay(SessionOption session, LocalDate from, LocalDate to) {
        LocalDate day = session.getSessionDate();
        if (day != null && !day.isBefore(from) && !day.isAfter(to)) {
            return day;
        }
        LocalDate monthStart = LocalDate.of(session.getSessionYear(), session.getSessionMonth(), 1);
        return from.isAfter(monthStart) ? from : monthStart;
    }

    private void start(Audit audit, SessionOption session) {
        Map<String, Object> vars = Workflow.startVariables(AuditSitInProcess.VAR_AUDIT_ID, audit.getId(),
            audit.getOrgId(), audit.getTitle());
        vars.put(AuditSitInProcess.VAR_DEPT_ORG_ID, audit.getDeptOrgId());
        vars.put(AuditSitInProcess.VAR_MODE, audit.getAuditMode().name());
        vars.put(Workflow.VAR_OVERSEER_ORG_ID, audit.getDeptOrgId());
        vars.putAll(deadlines.variables(audit,
            AuditDeadlines.sitInAt(audit.getSessionDate(), session.getSessionDate(), session.getStartTime())));
        audit.setProcessInstanceId(workflow.start(AuditSitInProcess.KEY, Audits.ref(audit).businessKey(), vars));
        VersionedRow.save(audit, audits::updateAudit, clock);
    }
}
