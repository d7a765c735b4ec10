package cn.studyflow.audit;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.Decision;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.task.TasklistService;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.ObjectError;

/**
 * Audits from their creation (fixed, drawn or invited) to their close. Every method that moves an audit
 * writes the domain rows, records the action and moves the engine in one transaction; the steps decided on
 * the audit's own forms complete their task through {@link TasklistService#complete}.
 */
@Service
public class AuditService {

    private static final Logger log = LoggerFactory.getLogger(AuditService.class);
    static final int MAX_NOTE = 1000;
    static final int MAX_REPORT = 4000;
    static final int MAX_TITLE = 300;

    private final AuditMapper audits;
    private final AuditAccess access;
    private final AuditDrawService draws;
    private final OrgService orgService;
    private final Scope scope;
    private final Workflow workflow;
    private final TasklistService tasks;
    private final ActionLog actionLog;
    private final NotificationService notifications;
    private final AuditProperties properties;
    private final Clock clock;

    AuditService(AuditMapper audits, AuditAccess access, AuditDrawService draws, OrgService orgService, Scope scope,
                 Workflow workflow, TasklistService tasks, ActionLog actionLog, NotificationService notifications,
                 AuditProperties properties, Clock clock) {
        this.audits = audits;
        this.access = access;
        this.draws = draws;
        this.orgService = orgService;
        this.scope = scope;
        this.workflow = workflow;
        this.tasks = tasks;
        this.actionLog = actionLog;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /** A random draw and the audits it created. */
    public record DrawOutcome(StoredDraw draw, List<Audit> audits) {
    }

    /** Who files records once everyone accepted, and who of them leads. */
    record Confirmed(List<String> auditors, String lead) {
    }

    // ------------------------------------------------------------------ reading

    /** The audit, if this person may see it: 403 otherwise, also for a random audit not yet due. */
    public Audit get(long id, CurrentUser user) {
        Audit audit = audits.selectAudit(id);
        if (audit == null) {
            throw BusinessException.notFound();
        }
        if (!access.canSee(user, audit, audits.selectAssignments(id))) {
            throw BusinessException.forbidden();
        }
        return audit;
    }

    public PageOf<Audit> list(CurrentUser user, Integer year, AuditStatus status, AuditMode mode, Long orgId,
                              boolean mine, int page, int size) {
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 100);
        AuditQuery query = AuditQuery.of(user, access.today(), year, status, mode, orgId, mine, p * s, s);
        int total = audits.countVisible(query);
        return new PageOf<>(total == 0 ? List.of() : audits.selectVisible(query), total, p, s);
    }

    public AuditView view(Audit audit) {
        return new AuditView(audit, assignments(audit), records(audit), rectifications(audit), currentSteps(audit),
            timeline(audit));
    }

    public List<AuditAssignment> assignments(Audit audit) {
        return audits.selectAssignments(audit.getId());
    }

    public List<AuditRecord> records(Audit audit) {
        List<AuditRecord> records = audits.selectRecords(audit.getId());
        Map<Long, List<AuditRecord.RecordPoint>> points = audits.selectRecordPoints(audit.getId()).stream()
            .collect(Collectors.groupingBy(AuditRecord.RecordPoint::getRecordId));
        List<String> order = properties.checklist();
        for (AuditRecord r : records) {
            List<AuditRecord.RecordPoint> mine = new ArrayList<>(points.getOrDefault(r.getId(), List.of()));
            mine.sort(Comparator.comparingInt(pt -> order.indexOf(pt.getPointCode()) < 0
                ? Integer.MAX_VALUE : order.indexOf(pt.getPointCode())));
            r.setPoints(mine);
        }
        return records;
    }

    public List<Rectification> rectifications(Audit audit) {
        return audits.selectRectifications(audit.getId());
    }

    public List<TaskInfo> currentSteps(Audit audit) {
        return audit.getProcessInstanceId() == null ? List.of() : workflow.activeTasks(audit.getProcessInstanceId());
    }

    public List<Action> timeline(Audit audit) {
        return actionLog.timeline(ref(audit));
    }

    /** Whether the day to sit in has not come yet: records are filed after the session. */
    public boolean isBeforeSession(Audit audit) {
        return access.today().isBefore(audit.getSessionDate());
    }

    public List<String> checklist() {
        return properties.checklist();
    }

    /** The organisations below the dept's own, which its programme audits. */
    public List<Org> subordinateOrgs(CurrentUser user) {
        access.requireDept(user);
        return scope.visibleOrgs(user).stream().filter(o -> !o.getId().equals(user.getOrgId())).toList();
    }

    /** Sessions of the dept's subordinate organisations in a year that no audit stands on yet. */
    public List<SessionOption> openSessions(CurrentUser user, int year) {
        List<Long> orgIds = subordinateOrgs(user).stream().map(Org::getId).toList();
        return orgIds.isEmpty() ? List.of() : audits.selectOpenSessions(orgIds, year * 100 + 1, year * 100 + 12);
    }

    /** The secretary's own sessions in a year that no audit stands on yet, for an invitation. */
    public List<SessionOption> ownOpenSessions(CurrentUser user, int year) {
        if (!user.has(Role.SECRETARY)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.secretaryOnly");
        }
        return audits.selectOpenSessions(List.of(user.getOrgId()), year * 100 + 1, year * 100 + 12);
    }

    /** The dept's active auditors. */
    public List<PoolMember> activeAuditors(CurrentUser user) {
        access.requireDept(user);
        return audits.selectActiveAuditors(user.getOrgId());
    }

    /** Active auditors of the programme who may still be asked for this audit. */
    public List<PoolMember> eligibleAuditors(Audit audit) {
        Set<Long> asked = audits.selectAssignments(audit.getId()).stream().map(AuditAssignment::getPersonId)
            .collect(Collectors.toSet());
        Org audited = orgService.get(audit.getOrgId());
        return audits.selectActiveAuditors(audit.getDeptOrgId()).stream()
            .filter(m -> !asked.contains(m.getPersonId()))
            .filter(m -> !conflicts(m, audited))
            .toList();
    }

    /** Per organisation below the dept: audits and average scores of a year, and who is not covered yet. */
    public List<OrgAuditSummary> overview(CurrentUser user, int year) {
        access.requireDept(user);
        return audits.selectOverview(user.getOrgId(), user.getOrg().getPath(), year);
    }

    // ------------------------------------------------------------------ draws

    public StoredDraw getDraw(long id, CurrentUser user) {
        StoredDraw draw = audits.selectDraw(id);
        if (draw == null) {
            throw BusinessException.notFound();
        }
        boolean allowed = access.oversees(user, draw.getDeptOrgId())
            || (draw.getAuditId() != null && canSee(user, draw.getAuditId()));
        if (!allowed) {
            throw BusinessException.forbidden();
        }
        return draw;
    }

    /** The session draws of the programme of the person's own organisation. */
    public PageOf<StoredDraw> draws(CurrentUser user, int page, int size) {
        if (!access.oversees(user, user.getOrgId())) {
            throw BusinessException.forbidden();
        }
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 100);
        return new PageOf<>(audits.selectDraws(user.getOrgId(), p * s, s), audits.countDraws(user.getOrgId()), p, s);
    }

    /** Display names of everyone who is or was in a programme's pool, by person id. */
    public Map<Long, String> poolNames(long deptOrgId) {
        Map<Long, String> names = new HashMap<>();
        audits.selectPool(deptOrgId).forEach(m -> names.put(m.getPersonId(), m.getDisplayName()));
        return names;
    }

    public List<Audit> auditsOfDraw(StoredDraw draw) {
        return audits.selectByDraw(draw.getId());
    }

    /** Re-runs a stored draw from its stored inputs and seed; records who checked it. */
    @Transactional
    public AuditDrawService.Verification verifyDraw(long id, CurrentUser user) {
        StoredDraw draw = getDraw(id, user);
        AuditDrawService.Verification verification = draws.verify(draw);
        actionLog.record(new SubjectRef(AuditDrawService.SUBJECT_TYPE, id), null, null,
            verification.matches() ? "AUDIT_DRAW_VERIFIED" : "AUDIT_DRAW_MISMATCH", user, null);
        if (!verification.matches()) {
            log.warn("Draw {} does not reproduce from its stored inputs and seed", id);
        }
        return verification;
    }

    // ------------------------------------------------------------------ creating audits

    /** A fixed audit (固定巡听): the dept picks a session below it, the day and the auditors. */
    @Transactional
    public Audit createFixed(CurrentUser user, AuditRequests.Fixed request) {
        access.requireDept(user);
        SessionOption session = session(request.sessionId());
        requireBelow(user, session.getOrgId());
        requireOpen(session);
        LocalDate date = sessionDate(session, request.sessionDate());
        List<PoolMember> auditors = validAuditors(user.getOrgId(), session, request.auditorIds(), request.leadId());
        Audit audit = newAudit(user.getOrgId(), session, AuditMode.FIXED, AuditStatus.ASSIGNING, date, user, null, null);
        assign(audit, auditors, null);
        start(audit);
        actionLog.record(ref(audit), audit.getProcessInstanceId(), null, "AUDIT_CREATE", user, null);
        notifyAssigned(audit, auditors);
        log.info("Fixed audit {} of session {} created by {}", ref(audit).businessKey(), session.getId(),
            user.getUsername());
        return audit;
    }

    /**
     * A random draw (随机巡听): sessions of the chosen organisations between {@code from} and {@code to} and
     * auditors for each, every one an audit of its own that the audited organisation cannot see before the
     * day, which is the first day of the window within the session's month.
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
        Set<Long> below = subordinateOrgs(user).stream().map(Org::getId).collect(Collectors.toSet());
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
            SessionOption session = audits.selectSessionOption(pick.sessionId());
            LocalDate monthStart = LocalDate.of(session.getSessionYear(), session.getSessionMonth(), 1);
            LocalDate date = from.isAfter(monthStart) ? from : monthStart;
            Audit audit = newAudit(user.getOrgId(), session, AuditMode.RANDOM, AuditStatus.ASSIGNING, date, user,
                drawn.stored().getId(), null);
            List<PoolMember> auditors = pick.auditorIds().stream().map(pool::get).toList();
            assign(audit, auditors, drawn.stored().getId());
            start(audit);
            actionLog.record(ref(audit), audit.getProcessInstanceId(), null, "AUDIT_DRAWN", user, null);
            notifyAssigned(audit, auditors);
            created.add(audit);
        }
        actionLog.record(new SubjectRef(AuditDrawService.SUBJECT_TYPE, drawn.stored().getId()), null, null,
            "AUDIT_DRAW", user, null);
        log.info("Draw {} by {}: {} audits", drawn.stored().getId(), user.getUsername(), created.size());
        return new DrawOutcome(drawn.stored(), created);
    }

    /** An invitation (应邀巡听): the secretary asks the dept above for an audit of one of their sessions. */
    @Transactional
    public Audit requestInvitation(CurrentUser user, AuditRequests.Invitation request) {
        if (!user.has(Role.SECRETARY)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.secretaryOnly");
        }
        SessionOption session = session(request.sessionId());
        if (session.getOrgId() != user.getOrgId()) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.notYourSession");
        }
        Org superior = orgService.parentOf(user.getOrgId());
        if (superior == null) {
            throw BusinessException.invalid("audit.error.noSuperior");
        }
        requireOpen(session);
        LocalDate date = sessionDate(session, request.sessionDate());
        String note = text(request.note(), MAX_NOTE);
        Audit audit = newAudit(superior.getId(), session, AuditMode.INVITED, AuditStatus.REQUESTED, date, user, null,
            note);
        start(audit);
        actionLog.record(ref(audit), audit.getProcessInstanceId(), null, "AUDIT_REQUEST", user, note);
        notifications.notifyRole(superior.getId(), Role.DEPT, link(audit), "audit.notify.invited",
            user.getOrg().getName(), audit.getTitle(), date.toString());
        log.info("Audit {} requested by {}", ref(audit).businessKey(), user.getUsername());
        return audit;
    }

    // ------------------------------------------------------------------ steps decided on the audit's forms

    /**
     * The open task of {@code step} on this audit that this person may act on, for actions posted by audit
     * rather than by task. 403 when there is none for them.
     */
    public String taskIdFor(long auditId, CurrentUser user, String step) {
        Audit audit = audits.selectAudit(auditId);
        if (audit == null) {
            throw BusinessException.notFound();
        }
        return currentSteps(audit).stream()
            .filter(t -> step.equals(t.step()))
            .filter(t -> tasks.isAssignee(t, user) || (t.assignee() == null && tasks.isCandidate(t, user)))
            .map(TaskInfo::id)
            .findFirst()
            .orElseThrow(() -> new BusinessException(HttpStatus.FORBIDDEN, "audit.error.noTaskForYou"));
    }

    /** The dept approves an invitation and names the auditors, or declines it with a reason. */
    @Transactional
    public void decideInvitation(String taskId, CurrentUser user, AuditRequests.InvitationDecision decision) {
        Step step = step(taskId, user, AuditSitInProcess.TASK_REVIEW_INVITATION);
        Audit audit = step.audit();
        access.requireRuns(user, audit.getDeptOrgId());
        if (decision.approve() == null) {
            throw BusinessException.invalid("task.decisionRequired");
        }
        if (decision.approve()) {
            SessionOption session = audits.selectSessionOption(audit.getSessionId());
            List<PoolMember> auditors = validAuditors(audit.getDeptOrgId(), session, decision.auditorIds(),
                decision.leadId());
            assign(audit, auditors, null);
            audit.setStatus(AuditStatus.ASSIGNING);
            save(audit);
            notifications.notifyRole(audit.getOrgId(), Role.SECRETARY, link(audit), "audit.notify.invitationApproved",
                audit.getTitle(), audit.getSessionDate().toString());
            notifyAssigned(audit, auditors);
            tasks.complete(step.task(), user, "AUDIT_INVITE_APPROVE", null,
                Map.of(AuditSitInProcess.VAR_INVITATION_APPROVED, true));
        } else {
            String reason = text(decision.reason(), MAX_NOTE);
            if (reason == null) {
                throw BusinessException.invalid("audit.error.reasonRequired");
            }
            audit.setStatus(AuditStatus.DECLINED);
            audit.setDeclineReason(reason);
            audit.setClosedAt(OffsetDateTime.now(clock));
            save(audit);
            notifications.notifyRole(audit.getOrgId(), Role.SECRETARY, link(audit), "audit.notify.invitationDeclined",
                audit.getTitle(), reason);
            tasks.complete(step.task(), user, "AUDIT_INVITE_DECLINE", reason,
                Map.of(AuditSitInProcess.VAR_INVITATION_APPROVED, false));
        }
    }

    /** An auditor accepts their assignment, or declines it with a reason; a decline draws a replacement. */
    @Transactional
    public void respond(String taskId, CurrentUser user, AuditRequests.Response response) {
        Step step = step(taskId, user, AuditSitInProcess.TASK_ACCEPT_ASSIGNMENT);
        Audit audit = step.audit();
        if (!tasks.isAssignee(step.task(), user)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.notAssigned");
        }
        if (response.accept() == null) {
            throw BusinessException.invalid("task.decisionRequired");
        }
        AuditAssignment assignment = assignments(audit).stream()
            .filter(a -> a.getPersonId() == user.getPersonId() && a.getStatus() == AssignmentStatus.PENDING)
            .findFirst()
            .orElseThrow(() -> BusinessException.conflict("task.changed"));
        String reason = text(response.reason(), 500);
        if (!response.accept() && reason == null) {
            throw BusinessException.invalid("audit.error.reasonRequired");
        }
        assignment.setStatus(response.accept() ? AssignmentStatus.ACCEPTED : AssignmentStatus.DECLINED);
        assignment.setDeclineReason(response.accept() ? null : reason);
        assignment.setRespondedAt(OffsetDateTime.now(clock));
        audits.updateAssignment(assignment);
        if (!response.accept()) {
            notifications.notifyRole(audit.getDeptOrgId(), Role.DEPT, link(audit), "audit.notify.declined",
                user.getDisplayName(), audit.getTitle(), reason);
        }
        tasks.complete(step.task(), user, response.accept() ? "AUDIT_ACCEPT" : "AUDIT_DECLINE",
            response.accept() ? null : reason, Map.of(AuditSitInProcess.VAR_ACCEPTED, response.accept()));
    }

    /** The dept names an auditor in place of one who declined when the pool had nobody left to draw. */
    @Transactional
    public void reassign(String taskId, CurrentUser user, Long personId) {
        Step step = step(taskId, user, AuditSitInProcess.TASK_REASSIGN_AUDITOR);
        Audit audit = step.audit();
        access.requireRuns(user, audit.getDeptOrgId());
        List<AuditAssignment> all = assignments(audit);
        Set<Long> replaced = all.stream().map(AuditAssignment::getReplacesId).filter(Objects::nonNull)
            .collect(Collectors.toSet());
        AuditAssignment slot = all.stream()
            .filter(a -> a.getStatus() == AssignmentStatus.DECLINED && !replaced.contains(a.getId()))
            .findFirst()
            .orElseThrow(() -> BusinessException.conflict("task.changed"));
        PoolMember chosen = eligibleAuditors(audit).stream()
            .filter(m -> m.getPersonId().equals(personId))
            .findFirst()
            .orElseThrow(() -> BusinessException.invalid("audit.error.auditorNotEligible"));
        AuditAssignment replacement = newAssignment(audit, chosen.getPersonId(), slot.isLead(), slot.getId(), null);
        audits.insertAssignment(replacement);
        if (slot.isLead()) {
            slot.setLead(false);
            audits.updateAssignment(slot);
        }
        notifyAssigned(audit, List.of(chosen));
        tasks.complete(step.task(), user, "AUDIT_REASSIGN", chosen.getDisplayName(),
            Map.of(AuditSitInProcess.VAR_AUDITOR, chosen.getUsername()));
    }

    /** The open record step of this auditor on this audit; tells a person why they may not file one. */
    public String recordTaskId(long auditId, CurrentUser user) {
        Audit audit = audits.selectAudit(auditId);
        if (audit == null) {
            throw BusinessException.notFound();
        }
        return recordTask(audit, user).id();
    }

    /** An assigned auditor files their audit record (巡听记录) after the session. */
    @Transactional
    public AuditRecord fileRecord(long auditId, CurrentUser user, AuditRecordForm form) {
        Audit audit = audits.selectAudit(auditId);
        if (audit == null) {
            throw BusinessException.notFound();
        }
        TaskInfo task = recordTask(audit, user);
        if (isBeforeSession(audit)) {
            throw BusinessException.invalid("audit.error.beforeSession", audit.getSessionDate().toString());
        }
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "record");
        form.validate(properties.checklist(), errors);
        if (errors.hasErrors()) {
            ObjectError first = errors.getAllErrors().get(0);
            throw BusinessException.invalid(first.getCode(), first.getArguments() == null ? new Object[0] : first.getArguments());
        }
        AuditRecord record = new AuditRecord();
        record.setAuditId(auditId);
        record.setAuditorId(user.getPersonId());
        record.setExpectedAttendance(form.getExpectedAttendance());
        record.setActualAttendance(form.getActualAttendance());
        record.setScorePreparation(form.getScorePreparation());
        record.setScoreDiscussion(form.getScoreDiscussion());
        record.setScoreDiscipline(form.getScoreDiscipline());
        record.setScoreApplication(form.getScoreApplication());
        record.setFindings(form.getFindings().trim());
        record.setOnSiteComment(text(form.getOnSiteComment(), AuditRecordForm.MAX_COMMENT));
        record.setVerdict(form.getVerdict());
        record.setCreatedAt(OffsetDateTime.now(clock));
        audits.insertRecord(record);
        Set<String> checked = new LinkedHashSet<>(form.getCheckedPoints());
        for (String point : properties.checklist()) {
            audits.insertRecordPoint(record.getId(), point, checked.contains(point));
        }
        tasks.complete(task, user, "AUDIT_RECORD", null, Map.of());
        log.info("Record of {} filed by {}", ref(audit).businessKey(), user.getUsername());
        return record;
    }

    /** The audited organisation's secretary submits the rectification report (整改报告). */
    @Transactional
    public Rectification submitRectification(long auditId, CurrentUser user, String report) {
        Audit audit = audits.selectAudit(auditId);
        if (audit == null) {
            throw BusinessException.notFound();
        }
        if (!user.has(Role.SECRETARY) || user.getOrgId() != audit.getOrgId()) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.notAuditedOrg");
        }
        if (access.isSecret(audit)) {
            throw BusinessException.forbidden();
        }
        TaskInfo task = currentSteps(audit).stream()
            .filter(t -> AuditSitInProcess.TASK_SUBMIT_RECTIFICATION.equals(t.step()))
            .findFirst()
            .orElseThrow(() -> BusinessException.conflict("audit.error.noRectificationDue"));
        String text = text(report, MAX_REPORT);
        if (text == null) {
            throw BusinessException.invalid("audit.rectification.error.report");
        }
        Rectification rectification = new Rectification();
        rectification.setAuditId(auditId);
        rectification.setRoundNo(rectifications(audit).size() + 1);
        rectification.setReport(text);
        rectification.setSubmittedBy(user.getPersonId());
        rectification.setSubmittedAt(OffsetDateTime.now(clock));
        audits.insertRectification(rectification);
        audit.setStatus(AuditStatus.REVIEWING);
        save(audit);
        tasks.complete(task, user, "AUDIT_RECTIFY_SUBMIT", null, Map.of());
        lead(audit).ifPresent(lead -> notifications.notify(lead.getPersonId(), link(audit),
            "audit.notify.rectificationSubmitted", audit.getTitle()));
        return rectification;
    }

    /** The lead auditor's review of a rectification report, from the generic approve-or-return form. */
    void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        if (!AuditSitInProcess.TASK_REVIEW_RECTIFICATION.equals(task.step())) {
            throw BusinessException.invalid("task.notDecidedHere");
        }
        Audit audit = audits.selectAudit(id);
        List<Rectification> rounds = rectifications(audit);
        Rectification latest = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
        if (latest == null || latest.getDecision() != null) {
            throw BusinessException.conflict("task.changed");
        }
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        audits.updateRectificationReview(latest.getId(), decision.value(), text, user.getPersonId(),
            OffsetDateTime.now(clock));
        if (decision == Decision.APPROVE) {
            audit.setStatus(AuditStatus.RECTIFIED);
            audit.setClosedAt(OffsetDateTime.now(clock));
            save(audit);
            notifications.notifyRole(audit.getOrgId(), Role.SECRETARY, link(audit), "audit.notify.rectified",
                audit.getTitle());
            notifications.notifyRole(audit.getDeptOrgId(), Role.DEPT, link(audit), "audit.notify.rectified",
                audit.getTitle());
        } else {
            audit.setStatus(AuditStatus.RECTIFYING);
            save(audit);
            notifications.notifyRole(audit.getOrgId(), Role.SECRETARY, link(audit),
                "audit.notify.rectificationReturned", audit.getTitle(), user.getDisplayName(), text);
        }
    }

    // ------------------------------------------------------------------ steps of the process (delegates)

    /** Usernames of the auditors asked and not answered yet: one acceptance step each. */
    @Transactional
    public List<String> pendingAuditors(long auditId) {
        return audits.selectAssignments(auditId).stream()
            .filter(a -> a.getStatus() == AssignmentStatus.PENDING)
            .map(AuditAssignment::getUsername)
            .toList();
    }

    /**
     * Draws a replacement for an auditor who declined. Returns the username drawn, or null when the pool has
     * nobody eligible left and the dept must name someone.
     */
    @Transactional
    public String redraw(long auditId, String declinedUsername) {
        Audit audit = audits.selectAudit(auditId);
        List<AuditAssignment> all = audits.selectAssignments(auditId);
        AuditAssignment declined = all.stream()
            .filter(a -> a.getUsername().equals(declinedUsername) && a.getStatus() == AssignmentStatus.DECLINED)
            .reduce((first, second) -> second)
            .orElseThrow(() -> new IllegalStateException("No declined assignment of " + declinedUsername
                + " on audit " + auditId));
        SessionOption session = audits.selectSessionOption(audit.getSessionId());
        List<Long> asked = all.stream().map(AuditAssignment::getPersonId).toList();
        Optional<AuditDrawService.Drawn> drawn = draws.drawReplacement(audit, session, asked);
        if (drawn.isEmpty()) {
            actionLog.record(ref(audit), audit.getProcessInstanceId(), null, "AUDIT_POOL_EXHAUSTED", null,
                declined.getDisplayName());
            notifications.notifyRole(audit.getDeptOrgId(), Role.DEPT, link(audit), "audit.notify.poolExhausted",
                audit.getTitle(), declined.getDisplayName());
            log.info("Pool exhausted for {}: the dept names a replacement for {}", ref(audit).businessKey(),
                declinedUsername);
            return null;
        }
        long personId = drawn.get().result().picks().get(0).auditorIds().get(0);
        AuditAssignment replacement = newAssignment(audit, personId, declined.isLead(), declined.getId(),
            drawn.get().stored().getId());
        audits.insertAssignment(replacement);
        if (declined.isLead()) {
            declined.setLead(false);
            audits.updateAssignment(declined);
        }
        Person person = orgService.person(personId);
        actionLog.record(ref(audit), audit.getProcessInstanceId(), null, "AUDIT_REDRAW", null,
            declined.getDisplayName() + " → " + person.getDisplayName());
        notifications.notify(personId, link(audit), "audit.notify.assigned", audit.getTitle(),
            audit.getSessionDate().toString());
        log.info("Replacement for {} on {}: {} (draw {})", declinedUsername, ref(audit).businessKey(),
            person.getUsername(), drawn.get().stored().getId());
        return person.getUsername();
    }

    /** Every auditor accepted: the audit is scheduled and they file records after the session. */
    @Transactional
    public Confirmed confirmAuditors(long auditId) {
        Audit audit = audits.selectAudit(auditId);
        List<AuditAssignment> accepted = audits.selectAssignments(auditId).stream()
            .filter(a -> a.getStatus() == AssignmentStatus.ACCEPTED)
            .toList();
        AuditAssignment lead = accepted.stream().filter(AuditAssignment::isLead).findFirst().orElse(accepted.get(0));
        if (!lead.isLead()) {
            lead.setLead(true);
            audits.updateAssignment(lead);
        }
        audit.setStatus(AuditStatus.SCHEDULED);
        save(audit);
        actionLog.record(ref(audit), audit.getProcessInstanceId(), null, "AUDIT_CONFIRMED", null, null);
        notifications.notifyRole(audit.getDeptOrgId(), Role.DEPT, link(audit), "audit.notify.confirmed",
            audit.getTitle(), audit.getSessionDate().toString());
        if (audit.getAuditMode() != AuditMode.RANDOM) {
            notifications.notifyRole(audit.getOrgId(), Role.SECRETARY, link(audit), "audit.notify.scheduled",
                audit.getTitle(), audit.getSessionDate().toString());
        }
        return new Confirmed(accepted.stream().map(AuditAssignment::getUsername).toList(), lead.getUsername());
    }

    /** All records are in: rectification is needed when any auditor asks for it. */
    @Transactional
    public Verdict conclude(long auditId) {
        Audit audit = audits.selectAudit(auditId);
        Verdict verdict = audits.selectRecords(auditId).stream().anyMatch(r -> r.getVerdict() == Verdict.RECTIFY)
            ? Verdict.RECTIFY : Verdict.PASS;
        audit.setVerdict(verdict);
        if (verdict == Verdict.PASS) {
            audit.setStatus(AuditStatus.PASSED);
            audit.setClosedAt(OffsetDateTime.now(clock));
            save(audit);
            actionLog.record(ref(audit), audit.getProcessInstanceId(), null, "AUDIT_PASSED", null, null);
            notifications.notifyRole(audit.getDeptOrgId(), Role.DEPT, link(audit), "audit.notify.passed",
                audit.getTitle());
            notifications.notifyRole(audit.getOrgId(), Role.SECRETARY, link(audit), "audit.notify.passed",
                audit.getTitle());
        } else {
            audit.setStatus(AuditStatus.RECTIFYING);
            save(audit);
        }
        return verdict;
    }

    /** Tells the audited organisation's secretary what to rectify by when; returns the deadline. */
    @Transactional
    public LocalDate noticeRectification(long auditId) {
        Audit audit = audits.selectAudit(auditId);
        LocalDate deadline = access.today().plusDays(properties.rectificationDays());
        audit.setRectificationDeadline(deadline);
        save(audit);
        actionLog.record(ref(audit), audit.getProcessInstanceId(), null, "AUDIT_RECTIFY_NOTICE", null,
            deadline.toString());
        notifications.notifyRole(audit.getOrgId(), Role.SECRETARY, link(audit), "audit.notify.rectify",
            audit.getTitle(), deadline.toString());
        return deadline;
    }

    /** The rectification deadline passed with no report: the dept and the lead auditor are told. */
    @Transactional
    public void reportOverdue(long auditId) {
        Audit audit = audits.selectAudit(auditId);
        if (audit.getStatus() != AuditStatus.RECTIFYING) {
            return;
        }
        String deadline = String.valueOf(audit.getRectificationDeadline());
        actionLog.record(ref(audit), audit.getProcessInstanceId(), null, "AUDIT_RECTIFY_OVERDUE", null, deadline);
        notifications.notifyRole(audit.getDeptOrgId(), Role.DEPT, link(audit), "audit.notify.overdue",
            audit.getTitle(), deadline);
        lead(audit).ifPresent(lead -> notifications.notify(lead.getPersonId(), link(audit), "audit.notify.overdue",
            audit.getTitle(), deadline));
    }

    // ------------------------------------------------------------------ helpers

    private record Step(TaskInfo task, Audit audit) {
    }

    /** The task, if this person may act on it and it is this step of an audit. */
    private Step step(String taskId, CurrentUser user, String expected) {
        if (workflow.task(taskId).isEmpty()) {
            // auditors are often outside the audited organisation's scope, which the generic tasklist
            // judges by; who may see the audit may be told that the step was done
            Action last = actionLog.lastOnTask(taskId);
            if (last != null && AuditSitInProcess.SUBJECT_TYPE.equals(last.getSubjectType())
                && canSee(user, last.getSubjectId())) {
                throw Objects.equals(last.getActorId(), user.getPersonId()) ? BusinessException.conflict("task.changed")
                    : BusinessException.conflict("task.handledBy", last.getActorName());
            }
        }
        TaskInfo task = tasks.get(taskId, user);
        SubjectRef subject = tasks.subject(task);
        if (!AuditSitInProcess.SUBJECT_TYPE.equals(subject.type())) {
            throw BusinessException.notFound();
        }
        if (!expected.equals(task.step())) {
            throw BusinessException.invalid("task.notDecidedHere");
        }
        return new Step(task, audits.selectAudit(subject.id()));
    }

    private TaskInfo recordTask(Audit audit, CurrentUser user) {
        Optional<TaskInfo> task = currentSteps(audit).stream()
            .filter(t -> AuditSitInProcess.TASK_FILE_RECORD.equals(t.step()))
            .filter(t -> user.getUsername().equals(t.assignee()))
            .findFirst();
        if (task.isPresent()) {
            return task.get();
        }
        if (audits.selectRecords(audit.getId()).stream().anyMatch(r -> r.getAuditorId() == user.getPersonId())) {
            throw BusinessException.conflict("audit.error.alreadyFiled");
        }
        boolean accepted = audits.selectAssignments(audit.getId()).stream()
            .anyMatch(a -> a.getPersonId() == user.getPersonId() && a.getStatus() == AssignmentStatus.ACCEPTED);
        if (accepted && audit.getStatus() == AuditStatus.ASSIGNING) {
            throw BusinessException.conflict("audit.error.notConfirmed");
        }
        throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.notAssigned");
    }

    private boolean canSee(CurrentUser user, long auditId) {
        Audit audit = audits.selectAudit(auditId);
        return audit != null && access.canSee(user, audit, audits.selectAssignments(auditId));
    }

    private SessionOption session(Long sessionId) {
        SessionOption session = sessionId == null ? null : audits.selectSessionOption(sessionId);
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

    /** The day to sit in: in the session's month, and not already past. */
    private LocalDate sessionDate(SessionOption session, LocalDate date) {
        if (date == null) {
            throw BusinessException.invalid("audit.error.dateRequired");
        }
        if (date.getYear() != session.getSessionYear() || date.getMonthValue() != session.getSessionMonth()) {
            throw BusinessException.invalid("audit.error.dateOutsideMonth", session.getSessionYear(),
                session.getSessionMonth());
        }
        if (date.isBefore(access.today())) {
            throw BusinessException.invalid("audit.error.datePast");
        }
        return date;
    }

    /**
     * The chosen auditors, lead first: each an active member of the programme's pool, none of the audited
     * organisation or below it.
     */
    private List<PoolMember> validAuditors(long deptOrgId, SessionOption session, List<Long> ids, Long leadId) {
        List<Long> chosen = ids == null ? List.of() : ids.stream().filter(Objects::nonNull).distinct().toList();
        if (chosen.isEmpty()) {
            throw BusinessException.invalid("audit.error.noAuditors");
        }
        if (chosen.size() > properties.maxAuditorsPerSession()) {
            throw BusinessException.invalid("audit.error.tooManyAuditors", properties.maxAuditorsPerSession());
        }
        Map<Long, PoolMember> active = new HashMap<>();
        audits.selectActiveAuditors(deptOrgId).forEach(m -> active.put(m.getPersonId(), m));
        Org audited = orgService.get(session.getOrgId());
        List<PoolMember> members = new ArrayList<>();
        for (Long id : chosen) {
            PoolMember member = active.get(id);
            if (member == null) {
                throw BusinessException.invalid("audit.error.auditorNotEligible");
            }
            if (conflicts(member, audited)) {
                throw BusinessException.invalid("audit.error.auditorConflict", member.getDisplayName(),
                    audited.getName());
            }
            members.add(member);
        }
        long lead = leadId == null ? chosen.get(0) : leadId;
        PoolMember leader = members.stream().filter(m -> m.getPersonId() == lead).findFirst()
            .orElseThrow(() -> BusinessException.invalid("audit.error.leadNotAssigned"));
        List<PoolMember> ordered = new ArrayList<>();
        ordered.add(leader);
        members.stream().filter(m -> m != leader).forEach(ordered::add);
        return ordered;
    }

    private static boolean conflicts(PoolMember member, Org audited) {
        return member.getPersonOrgPath().startsWith(audited.getPath());
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
        audit.setTitle(title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title);
        audit.setDrawId(drawId);
        audit.setRequestNote(note);
        audit.setCreatedBy(user.getPersonId());
        audit.setCreatedAt(now);
        audit.setUpdatedAt(now);
        audits.insertAudit(audit);
        return audit;
    }

    /** Asks the auditors, the first of them to lead. */
    private void assign(Audit audit, List<PoolMember> auditors, Long drawId) {
        boolean first = true;
        for (PoolMember m : auditors) {
            audits.insertAssignment(newAssignment(audit, m.getPersonId(), first, null, drawId));
            first = false;
        }
    }

    private AuditAssignment newAssignment(Audit audit, long personId, boolean lead, Long replacesId, Long drawId) {
        AuditAssignment a = new AuditAssignment();
        a.setAuditId(audit.getId());
        a.setPersonId(personId);
        a.setLead(lead);
        a.setStatus(AssignmentStatus.PENDING);
        a.setReplacesId(replacesId);
        a.setDrawId(drawId);
        a.setAssignedAt(OffsetDateTime.now(clock));
        return a;
    }

    private void start(Audit audit) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(AuditSitInProcess.VAR_AUDIT_ID, audit.getId());
        vars.put(Workflow.VAR_ORG_ID, audit.getOrgId());
        vars.put(Workflow.VAR_TITLE, audit.getTitle());
        vars.put(AuditSitInProcess.VAR_DEPT_ORG_ID, audit.getDeptOrgId());
        vars.put(AuditSitInProcess.VAR_MODE, audit.getAuditMode().name());
        vars.put(Workflow.VAR_OVERSEER_ORG_ID, audit.getDeptOrgId());
        if (audit.getAuditMode() == AuditMode.RANDOM) {
            vars.put(Workflow.VAR_HIDDEN_UNTIL, Date.from(audit.getSessionDate().atStartOfDay(clock.getZone()).toInstant()));
        }
        audit.setProcessInstanceId(workflow.start(AuditSitInProcess.KEY, ref(audit).businessKey(), vars));
        save(audit);
    }

    private void notifyAssigned(Audit audit, List<PoolMember> auditors) {
        auditors.forEach(m -> notifications.notify(m.getPersonId(), link(audit), "audit.notify.assigned",
            audit.getTitle(), audit.getSessionDate().toString()));
    }

    private Optional<AuditAssignment> lead(Audit audit) {
        return audits.selectAssignments(audit.getId()).stream()
            .filter(a -> a.isLead() && a.getStatus() != AssignmentStatus.DECLINED)
            .findFirst();
    }

    private void save(Audit audit) {
        audit.setUpdatedAt(OffsetDateTime.now(clock));
        if (audits.updateAudit(audit) == 0) {
            throw new OptimisticLockingFailureException("Audit " + audit.getId() + " changed meanwhile");
        }
        audit.setVersion(audit.getVersion() + 1);
    }

    private static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw BusinessException.invalid("audit.error.tooLong", max);
        }
        return trimmed;
    }

    static SubjectRef ref(Audit audit) {
        return new SubjectRef(AuditSitInProcess.SUBJECT_TYPE, audit.getId());
    }

    static String link(Audit audit) {
        return "/audits/" + audit.getId();
    }
}
