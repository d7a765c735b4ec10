package cn.studyflow.audit;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.Scope;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.Decision;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.common.PageOf;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading audits under their access rules: one audit with all it holds, lists, the dept's overview, stored
 * draws, and what the forms offer to choose from. Audits are made by {@link AuditPlanning}, moved by
 * {@link AuditAssignmentSteps} and {@link AuditRecordSteps}, and by the process through {@link AuditCallbacks}.
 */
@Service
@RequiredArgsConstructor
public class AuditService {

    private static final Logger log = LoggerFactory.getLogger(AuditService.class);

    private final AuditMapper audits;
    private final AuditSessions auditSessions;
    private final AuditAccess access;
    private final AuditAssignments assignments;
    private final AuditDrawService draws;
    private final AuditRecordSteps recordSteps;
    private final Scope scope;
    private final Workflow workflow;
    private final ActionLog actionLog;
    private final AuditProperties properties;

    /** The audit, if this person may see it: 403 otherwise, also for a random audit not yet due. */
    public Audit get(long id, CurrentUser user) {
        Audit audit = auditSessions.audit(id);
        if (audit == null) {
            throw BusinessException.notFound();
        }
        if (!access.canSee(user, audit, audits.selectAssignments(id))) {
            // outside one's scope, or a random audit before its day: as if it did not exist
            throw BusinessException.notFound();
        }
        return audit;
    }

    public PageOf<Audit> list(CurrentUser user, Integer year, AuditStatus status, AuditMode mode, Long orgId,
                              boolean mine, int page, int size) {
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 100);
        AuditQuery query = AuditQuery.of(user, access.today(), year, status, mode, orgId, mine, p * s, s);
        int total = audits.countVisible(query);
        return new PageOf<>(total == 0 ? List.of() : auditSessions.visible(query), total, p, s);
    }

    public AuditView view(Audit audit) {
        return new AuditView(audit, assignments(audit), records(audit), rectifications(audit), currentSteps(audit),
            timeline(audit));
    }

    public List<AuditAssignment> assignments(Audit audit) {
        return audits.selectAssignments(audit.getId());
    }

    /** The records filed, each with its checklist points in the order of the checklist. */
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
        return workflow.activeTasks(audit.getProcessInstanceId());
    }

    public List<Action> timeline(Audit audit) {
        return actionLog.timeline(Audits.ref(audit));
    }

    /** Whether the day to sit in has not come yet: records are filed after the session. */
    public boolean isBeforeSession(Audit audit) {
        return access.isBeforeSession(audit);
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
        int y = Audits.plannable(year);
        return orgIds.isEmpty() ? List.of() : auditSessions.open(orgIds, YearMonth.of(y, 1), YearMonth.of(y, 12));
    }

    /** The secretary's own sessions in a year that no audit stands on yet, for an invitation. */
    public List<SessionOption> ownOpenSessions(CurrentUser user, int year) {
        access.requireSecretary(user);
        int y = Audits.plannable(year);
        return auditSessions.open(List.of(user.getOrgId()), YearMonth.of(y, 1), YearMonth.of(y, 12));
    }

    /** The dept's active auditors. */
    public List<PoolMember> activeAuditors(CurrentUser user) {
        access.requireDept(user);
        return audits.selectActiveAuditors(user.getOrgId());
    }

    /** Active auditors of the programme who may still be asked for this audit. */
    public List<PoolMember> eligibleAuditors(Audit audit) {
        return assignments.eligible(audit);
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
            || (draw.getAuditId() != null && access.canSee(user, draw.getAuditId()));
        if (!allowed) {
            throw BusinessException.notFound();
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
        return auditSessions.ofDraw(draw.getId());
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

    /**
     * The generic approve-or-return form's decision on an audit task (the review of a rectification report),
     * which {@link AuditSubjects} hands here; the step itself is {@link AuditRecordSteps}'.
     */
    void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        recordSteps.reviewRectification(id, task, decision, comment, user);
    }
}
