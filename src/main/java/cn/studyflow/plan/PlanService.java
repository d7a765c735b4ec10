package cn.studyflow.plan;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.ClosedYears;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.session.SessionService;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.Copies;
import cn.studyflow.task.Decision;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.task.StepRunner;
import cn.studyflow.common.PageOf;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * Plans from draft to approval. Every method that moves a plan writes the plan, records the action and
 * moves the engine in one transaction.
 */
@Service
@RequiredArgsConstructor
public class PlanService {

    private static final Logger log = LoggerFactory.getLogger(PlanService.class);

    private final PlanMapper plans;
    private final OrgService orgService;
    private final Scope scope;
    private final Workflow workflow;
    private final StepRunner steps;
    private final ActionLog actionLog;
    private final SessionService sessions;
    private final NotificationService notifications;
    private final Copies copies;
    private final PlanProperties properties;
    private final ClosedYears closedYears;
    private final Clock clock;

    /** Starts a plan for the secretary's organisation, with its approval process waiting at the draft step. */
    @Transactional
    public Plan create(CurrentUser user, PlanKind kind, int year, Integer month) {
        if (!user.has(Role.SECRETARY)) {
            throw BusinessException.forbidden();
        }
        if (kind == null) {
            throw BusinessException.invalid("plan.error.kind");
        }
        if (year < properties.minYear() || year > properties.maxYear()) {
            throw BusinessException.invalid("plan.error.year", properties.minYear(), properties.maxYear());
        }
        closedYears.requireOpen(user.getOrgId(), year);
        if (kind == PlanKind.SUPPLEMENTARY && (month == null || month < 1 || month > 12)) {
            throw BusinessException.invalid("plan.error.month");
        }
        Org org = user.getOrg();
        String annualKey = kind == PlanKind.ANNUAL ? org.getId() + "-" + year : null;
        if (annualKey != null && plans.countAnnual(annualKey) > 0) {
            throw BusinessException.conflict("plan.error.exists", year);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Plan plan = new Plan();
        plan.setOrgId(org.getId());
        plan.setKind(kind);
        plan.setPlanYear(year);
        plan.setPlanMonth(kind == PlanKind.SUPPLEMENTARY ? month : null);
        plan.setAnnualKey(annualKey);
        plan.setTitle(kind == PlanKind.ANNUAL
            ? org.getName() + year + "年度理论学习中心组学习计划"
            : org.getName() + year + "年" + month + "月理论学习中心组补充学习计划");
        plan.setStatus(PlanStatus.DRAFT);
        plan.setRevision(1);
        plan.setCreatedBy(user.getPersonId());
        plan.setCreatedAt(now);
        plan.setUpdatedAt(now);
        plans.insert(plan);
        plans.insertRevision(plan.getId(), 1);
        plan.setProcessInstanceId(workflow.start(kind.processKey(), ref(plan).businessKey(), startVariables(plan, org)));
        VersionedRow.save(plan, plans::update, clock);
        actionLog.record(ref(plan), plan.getProcessInstanceId(), null, "CREATE", user, null);
        log.info("Plan {} created by {} for org {}", ref(plan).businessKey(), user.getUsername(), org.getId());
        return plan;
    }

    private Map<String, Object> startVariables(Plan plan, Org org) {
        Map<String, Object> vars = Workflow.startVariables(PlanApprovalProcess.VAR_PLAN_ID, plan.getId(), org.getId(),
            plan.getTitle());
        // the top of the tree registers its own plans with its own publicity department
        vars.put(PlanApprovalProcess.VAR_SUPERIOR_ORG_ID, org.getParentId() == null ? org.getId() : org.getParentId());
        if (plan.getKind() == PlanKind.ANNUAL) {
            ZonedDateTime deadline = properties.deadlineOf(plan.getPlanYear()).atTime(LocalTime.of(23, 59, 59))
                .atZone(clock.getZone());
            vars.put(PlanApprovalProcess.VAR_DEADLINE, Date.from(deadline.toInstant()));
            vars.put(PlanApprovalProcess.VAR_REMINDER_AT,
                Date.from(deadline.minusDays(properties.reminderDays()).toInstant()));
        }
        return vars;
    }

    /** The plan, if this person may see it. */
    public Plan get(long id, CurrentUser user) {
        Plan plan = plans.selectById(id);
        if (plan == null) {
            throw BusinessException.notFound();
        }
        if (!canSee(plan, user)) {
            // outside one's scope is answered like a plan that does not exist
            throw BusinessException.notFound();
        }
        return plan;
    }

    /** Its organisation's scope; someone copied in (抄送) reads this one plan even outside their scope. */
    boolean canSee(Plan plan, CurrentUser user) {
        return scope.canSee(user, plan.getOrgId()) || copies.isCopiedTo(ref(plan), user);
    }

    public PageOf<Plan> list(CurrentUser user, Integer year, int page, int size) {
        List<Long> orgIds = scope.visibleOrgs(user).stream().map(Org::getId).toList();
        int total = plans.countByOrgs(orgIds, year);
        return new PageOf<>(plans.selectByOrgs(orgIds, year, page * size, size), total, page, size);
    }

    public List<PlanTopic> topics(Plan plan, int revision) {
        return plans.selectTopics(plan.getId(), revision);
    }

    public List<PlanRevision> revisions(Plan plan) {
        return plans.selectRevisions(plan.getId());
    }

    public List<TopicDiff> compare(Plan plan, int from, int to) {
        if (from < 1 || to < 1 || from > plan.getRevision() || to > plan.getRevision()) {
            throw BusinessException.invalid("plan.error.revision");
        }
        return TopicDiff.compare(topics(plan, from), topics(plan, to));
    }

    /** Whether this person may edit and submit the plan now. */
    public boolean canEdit(Plan plan, CurrentUser user) {
        return plan.getStatus().isEditable() && user.has(Role.SECRETARY) && user.getOrgId() == plan.getOrgId();
    }

    @Transactional
    public Plan saveDraft(long id, CurrentUser user, PlanForm form) {
        Plan plan = editable(id, user, form.getVersion());
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "plan");
        form.validate(plan, errors, PlanForm.Rules.DRAFT);
        if (errors.hasErrors()) {
            throw BusinessException.invalid("plan.error.invalid");
        }
        replaceTopics(plan, form.filledTopics());
        if (!plan.getTitle().equals(form.getTitle().trim())) {
            plan.setTitle(form.getTitle().trim());
            workflow.setVariable(plan.getProcessInstanceId(), Workflow.VAR_TITLE, plan.getTitle());
        }
        VersionedRow.save(plan, plans::update, clock);
        actionLog.record(ref(plan), plan.getProcessInstanceId(), null, "SAVE", user, null);
        return plan;
    }

    /** Submits the current revision; the draft step of the process is completed in the same transaction. */
    public void submit(long id, CurrentUser user, Integer version) {
        Plan seen = editable(id, user, version);
        steps.runAt(seen.getProcessInstanceId(), PlanApprovalProcess.TASK_DRAFT, user, draft -> {
            Plan plan = editable(id, user, version);
            requireComplete(plan);
            boolean resubmission = plan.getStatus() != PlanStatus.DRAFT;
            plans.markRevisionSubmitted(plan.getId(), plan.getRevision(), user.getPersonId());
            plan.setStatus(PlanStatus.SUBMITTED);
            VersionedRow.save(plan, plans::update, clock);
            draft.complete(resubmission ? "RESUBMIT" : "SUBMIT", null, Map.of());
            log.info("Plan {} revision {} submitted by {}", ref(plan).businessKey(), plan.getRevision(), user.getUsername());
        });
    }

    /** The rules of a submitted plan, applied to the stored draft: the refusal names each incomplete row. */
    private void requireComplete(Plan plan) {
        List<PlanTopic> stored = topics(plan, plan.getRevision());
        if (stored.isEmpty()) {
            throw BusinessException.invalid("plan.error.noTopics");
        }
        PlanForm form = PlanForm.of(plan, stored);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "plan");
        form.validate(plan, errors, PlanForm.Rules.SUBMIT);
        List<Integer> rows = PlanForm.rowsWithErrors(errors);
        if (!rows.isEmpty()) {
            throw BusinessException.invalid("plan.error.incompleteRows",
                String.join(", ", rows.stream().map(String::valueOf).toList()));
        }
        if (errors.hasErrors()) {
            throw BusinessException.invalid(errors.getAllErrors().get(0).getCode());
        }
    }

    /** A reviewer's decision: a return opens a new working revision for the secretary. */
    void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        Plan plan = plans.selectById(id);
        if (decision == Decision.RETURN) {
            reopen(plan, PlanStatus.RETURNED);
            notifications.notifyRole(plan.getOrgId(), Role.SECRETARY, link(plan), "plan.notify.returned",
                plan.getTitle(), task.name(), user, comment);
        } else {
            // registration (备案) is not a pass: the secretary is told what happened
            boolean registered = PlanApprovalProcess.TASK_REGISTER_BY_DEPT.equals(task.step());
            notifications.notifyRole(plan.getOrgId(), Role.SECRETARY, link(plan),
                registered ? "plan.notify.registered" : "plan.notify.passed",
                plan.getTitle(), task.name(), user);
        }
    }

    /**
     * Back at the draft step: a new working revision copied from the last one. The plan says what happened:
     * 已退回 when a reviewer sent it back, 已撤回 when its secretary took it back.
     */
    void reopen(long id, boolean withdrawn) {
        reopen(plans.selectById(id), withdrawn ? PlanStatus.WITHDRAWN : PlanStatus.RETURNED);
    }

    private void reopen(Plan plan, PlanStatus status) {
        if (plan.getStatus().isEditable()) {
            return;
        }
        int next = plan.getRevision() + 1;
        plans.insertRevision(plan.getId(), next);
        List<PlanTopic> topics = topics(plan, plan.getRevision());
        topics.forEach(t -> t.setRevision(next));
        insertTopics(topics);
        plan.setRevision(next);
        plan.setStatus(status);
        VersionedRow.save(plan, plans::update, clock);
    }

    /** The end of the approval: the plan is approved and each topic becomes a scheduled study session. */
    @Transactional
    public void approve(long id) {
        Plan plan = plans.selectById(id);
        if (plan.getStatus() == PlanStatus.APPROVED) {
            return;
        }
        plan.setStatus(PlanStatus.APPROVED);
        VersionedRow.save(plan, plans::update, clock);
        List<PlanTopic> topics = topics(plan, plan.getRevision());
        sessions.scheduleAll(topics.stream()
            .map(t -> SessionService.planned(plan.getOrgId(), plan.getId(), t.getTopicKey(), plan.getPlanYear(),
                t.getTopicMonth(), t.getTitle(), t.getFormat().name(), t.getSpeaker(), t.isEnlarged(), t.getParticipants()))
            .toList());
        actionLog.record(ref(plan), plan.getProcessInstanceId(), null, "APPROVED", null, null);
        notifications.notifyRole(plan.getOrgId(), Role.SECRETARY, link(plan), "plan.notify.approved", plan.getTitle());
        log.info("Plan {} approved; {} sessions scheduled", ref(plan).businessKey(), topics.size());
    }

    /** Reminds the secretaries of a plan not yet approved that its deadline is near. */
    @Transactional
    public void remindDeadline(long id, Date deadline) {
        Plan plan = plans.selectById(id);
        if (plan.getStatus() == PlanStatus.APPROVED || deadline.toInstant().isBefore(clock.instant())) {
            return;
        }
        String due = deadline.toInstant().atZone(clock.getZone()).toLocalDate().toString();
        notifications.notifyRole(plan.getOrgId(), Role.SECRETARY, link(plan), "plan.notify.reminder", plan.getTitle(), due);
        actionLog.record(ref(plan), plan.getProcessInstanceId(), null, "REMIND", null, null);
    }

    /** Tells the leaders that a plan has missed its deadline. */
    @Transactional
    public void escalateDeadline(long id) {
        Plan plan = plans.selectById(id);
        if (plan.getStatus() == PlanStatus.APPROVED) {
            return;
        }
        notifications.notifyRole(plan.getOrgId(), Role.LEADER, link(plan), "plan.notify.overdue", plan.getTitle());
        actionLog.record(ref(plan), plan.getProcessInstanceId(), null, "ESCALATE", null, null);
    }

    /** Refuses anyone but the plan's own secretary (403), and any change while the plan is in review (409). */
    public void requireEditable(Plan plan, CurrentUser user) {
        if (!user.has(Role.SECRETARY) || user.getOrgId() != plan.getOrgId()) {
            throw BusinessException.forbidden();
        }
        if (!plan.getStatus().isEditable()) {
            throw BusinessException.conflict("plan.error.notEditable");
        }
    }

    private Plan editable(long id, CurrentUser user, Integer version) {
        Plan plan = get(id, user);
        requireEditable(plan, user);
        closedYears.requireOpen(plan.getOrgId(), plan.getPlanYear());
        if (version == null || version != plan.getVersion()) {
            throw BusinessException.conflict("plan.error.stale");
        }
        return plan;
    }

    private void replaceTopics(Plan plan, List<PlanForm.TopicForm> rows) {
        int nextKey = plans.selectMaxTopicKey(plan.getId()) + 1;
        plans.deleteTopics(plan.getId(), plan.getRevision());
        int seq = 1;
        List<PlanTopic> topics = new ArrayList<>();
        for (PlanForm.TopicForm row : rows) {
            PlanTopic t = new PlanTopic();
            t.setPlanId(plan.getId());
            t.setRevision(plan.getRevision());
            t.setTopicKey(row.getTopicKey() != null ? row.getTopicKey() : nextKey++);
            t.setSeq(seq++);
            t.setTopicMonth(row.getMonth());
            t.setTitle(trimmed(row.getTitle()));
            t.setFormat(row.getFormat());
            t.setSpeaker(trimmed(row.getSpeaker()));
            t.setEnlarged(row.isEnlarged());
            t.setParticipants(row.isEnlarged() && row.getParticipants() != null && !row.getParticipants().isBlank()
                ? row.getParticipants().trim() : null);
            topics.add(t);
        }
        insertTopics(topics);
    }

    private static String trimmed(String s) {
        // the editor wraps long texts in a text area; a line break typed there is no part of the topic
        return s == null || s.isBlank() ? null : s.trim().replaceAll("\\s*\\R\\s*", " ");
    }

    private void insertTopics(List<PlanTopic> topics) {
        if (!topics.isEmpty()) {
            plans.insertTopics(topics);
        }
    }

    static SubjectRef ref(Plan plan) {
        return PlanApprovalProcess.SUBJECT.ref(plan.getId());
    }

    static String link(Plan plan) {
        return PlanApprovalProcess.SUBJECT.link(plan.getId());
    }
}
