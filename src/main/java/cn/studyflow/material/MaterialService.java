package cn.studyflow.material;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.session.StudySession;
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
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Materials from upload to archive. Every method that moves a material writes it, records the action and
 * moves the engine in one transaction. Steps decided on a task go through
 * {@link TasklistService#inTransaction}, which also tells the loser of a race who was first.
 */
@Service
public class MaterialService {

    /** Who belongs to the center group and may write materials for it. */
    static final Set<Role> CENTER_GROUP = EnumSet.of(Role.LEADER, Role.DEPUTY, Role.SECRETARY, Role.PUBLICITY,
        Role.OFFICE, Role.MEMBER);
    /** Who reviews materials or keeps the archive, and so reads materials before they are archived. */
    static final Set<Role> REVIEWERS = EnumSet.of(Role.LEADER, Role.DEPUTY, Role.SECRETARY, Role.PUBLICITY, Role.OFFICE);

    private static final Logger log = LoggerFactory.getLogger(MaterialService.class);

    private final MaterialMapper materials;
    private final MaterialFiles files;
    private final Scope scope;
    private final Workflow workflow;
    private final TasklistService tasks;
    private final ActionLog actionLog;
    private final NotificationService notifications;
    private final OrgService orgService;
    private final MaterialProperties properties;
    private final Clock clock;

    MaterialService(MaterialMapper materials, MaterialFiles files, Scope scope, Workflow workflow,
                    TasklistService tasks, ActionLog actionLog, NotificationService notifications,
                    OrgService orgService, MaterialProperties properties, Clock clock) {
        this.materials = materials;
        this.files = files;
        this.scope = scope;
        this.workflow = workflow;
        this.tasks = tasks;
        this.actionLog = actionLog;
        this.notifications = notifications;
        this.orgService = orgService;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- upload, revise, submit (the author)

    /**
     * Uploads a material for one of the author's organisation's sessions, with its review process waiting
     * for the author to submit; with {@code submit} it is submitted at once.
     */
    @Transactional
    public Material create(CurrentUser user, MaterialForm form, MultipartFile file, boolean submit) {
        requireMember(user);
        form.validateNew();
        StudySession session = materials.selectSession(form.getSessionId());
        if (session == null || session.getOrgId() != user.getOrgId()) {
            throw BusinessException.invalid("material.error.session");
        }
        if (isHeld(session)) {
            throw BusinessException.invalid("material.error.sessionHeld");
        }
        MaterialFiles.StoredFile stored = files.store(file);

        OffsetDateTime now = OffsetDateTime.now(clock);
        ZonedDateTime deadline = properties.deadline(sessionDay(session), clock.getZone());
        Material m = new Material();
        m.setOrgId(user.getOrgId());
        m.setSessionId(session.getId());
        m.setAuthorId(user.getPersonId());
        m.setKind(form.getKind());
        m.setTitle(form.getTitle().strip());
        m.setSummary(MaterialForm.clean(form.getSummary()));
        m.setStatus(MaterialStatus.DRAFT);
        m.setCurrentVersion(1);
        m.setDeadline(deadline.toOffsetDateTime());
        m.setCreatedAt(now);
        m.setUpdatedAt(now);
        materials.insert(m);
        insertVersion(m, 1, stored, MaterialForm.clean(form.getNote()), user);

        Map<String, Object> vars = new HashMap<>();
        vars.put(MaterialReviewProcess.VAR_MATERIAL_ID, m.getId());
        vars.put(Workflow.VAR_ORG_ID, m.getOrgId());
        vars.put(Workflow.VAR_TITLE, m.getTitle());
        vars.put(MaterialReviewProcess.VAR_AUTHOR_USERNAME, user.getUsername());
        vars.put(MaterialReviewProcess.VAR_DEADLINE, Date.from(deadline.toInstant()));
        vars.put(MaterialReviewProcess.VAR_REMINDER_AT, Date.from(properties.reminderAt(deadline).toInstant()));
        m.setProcessInstanceId(workflow.start(MaterialReviewProcess.KEY, ref(m).businessKey(), vars));
        save(m);
        actionLog.record(ref(m), m.getProcessInstanceId(), null, "CREATE", user, null);
        log.info("Material {} uploaded by {} for session {} ({}, {} bytes)", ref(m).businessKey(), user.getUsername(),
            session.getId(), stored.type(), stored.size());
        if (submit) {
            submitCurrent(m, user);
        }
        return m;
    }

    /**
     * Adds a revised version while the material is with its author, optionally changing title, kind and
     * summary, and with {@code submit} sends it into review at once.
     */
    public Material addVersion(long id, CurrentUser user, MaterialForm form, MultipartFile file, boolean submit) {
        form.validateRevision();
        TaskInfo step = authorStep(withAuthor(id, user));
        tasks.inTransaction(step.id(), user, () -> {
            Material m = withAuthor(id, user);
            requireFresh(m, form.getVersion());
            MaterialFiles.StoredFile stored = files.store(file);
            int next = m.getCurrentVersion() + 1;
            String note = MaterialForm.clean(form.getNote());
            insertVersion(m, next, stored, note, user);
            m.setCurrentVersion(next);
            applyEdits(m, form);
            save(m);
            actionLog.record(ref(m), m.getProcessInstanceId(), null, "UPLOAD", user, note);
            if (submit) {
                submitCurrent(m, user);
            }
        });
        return materials.selectById(id);
    }

    /** Sends the newest version into review; a returned material needs a revised version first. */
    public void submit(long id, CurrentUser user, Integer version) {
        TaskInfo step = authorStep(withAuthor(id, user));
        tasks.inTransaction(step.id(), user, () -> {
            Material m = withAuthor(id, user);
            requireFresh(m, version);
            submitCurrent(m, user);
        });
    }

    private void submitCurrent(Material m, CurrentUser user) {
        MaterialVersion current = materials.selectVersion(m.getId(), m.getCurrentVersion());
        if (current.getSubmittedAt() != null) {
            throw BusinessException.conflict("material.error.newVersionRequired");
        }
        boolean resubmission = m.getStatus() == MaterialStatus.RETURNED;
        materials.markVersionSubmitted(m.getId(), m.getCurrentVersion());
        m.setStatus(MaterialStatus.SUBMITTED);
        save(m);
        tasks.complete(authorStep(m), user, resubmission ? "RESUBMIT" : "SUBMIT", null, Map.of());
        log.info("Material {} version {} submitted by {}", ref(m).businessKey(), m.getCurrentVersion(), user.getUsername());
    }

    // ---- the reviewers' decisions

    /** The office's first review: a return needs a comment, an approval the confirmation 不涉密. */
    public void firstReview(String taskId, CurrentUser user, FirstReviewForm form) {
        Decision decision = form.getDecision();
        String comment = requireComment(decision, form.getComment());
        if (decision == Decision.APPROVE && !form.isNotClassified()) {
            throw BusinessException.invalid("material.error.confirmNotClassified");
        }
        tasks.inTransaction(taskId, user, () -> {
            TaskInfo task = tasks.get(taskId, user);
            Material m = materialAt(task, MaterialReviewProcess.TASK_FIRST_REVIEW);
            requireNotAuthor(m, user);
            recordDecision(m, task, user, decision, comment, form.isNotClassified(), List.of());
            tasks.complete(task, user, decision.name(), comment, decisionVariables(decision, comment));
        });
    }

    /** The publicity member's second review: the checklist decides; any failed item returns the material. */
    public void secondReview(String taskId, CurrentUser user, SecondReviewForm form) {
        List<MaterialCheck> checks = new ArrayList<>();
        for (CheckItem item : CheckItem.values()) {
            Boolean passed = form.getPassed().get(item);
            if (passed == null) {
                throw BusinessException.invalid("material.error.checkMissing");
            }
            String note = form.note(item);
            if (!passed && note == null) {
                throw BusinessException.invalid("material.error.checkNoteRequired");
            }
            if (note != null && note.length() > SecondReviewForm.MAX_NOTE) {
                throw BusinessException.invalid("material.error.tooLong");
            }
            checks.add(new MaterialCheck(item, passed, note));
        }
        Decision decision = form.decision();
        String comment = form.decisionComment();
        if (comment != null && comment.length() > 2000) {
            throw BusinessException.invalid("task.commentTooLong");
        }
        tasks.inTransaction(taskId, user, () -> {
            TaskInfo task = tasks.get(taskId, user);
            Material m = materialAt(task, MaterialReviewProcess.TASK_SECOND_REVIEW);
            requireNotAuthor(m, user);
            recordDecision(m, task, user, decision, comment, null, checks);
            tasks.complete(task, user, decision.name(), comment, decisionVariables(decision, comment));
        });
    }

    /**
     * A decision made through the generic tasklist, in its transaction: the leader's sign-off, or a batch
     * approval of second reviews, which records every checklist item as passed under the one comment.
     */
    void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        Material m = materials.selectById(id);
        requireNotAuthor(m, user);
        if (MaterialReviewProcess.TASK_SIGN_OFF.equals(task.step())) {
            recordDecision(m, task, user, decision, MaterialForm.clean(comment), null, List.of());
        } else if (MaterialReviewProcess.TASK_SECOND_REVIEW.equals(task.step()) && decision == Decision.APPROVE) {
            List<MaterialCheck> checks = new ArrayList<>();
            for (CheckItem item : CheckItem.values()) {
                checks.add(new MaterialCheck(item, true, null));
            }
            recordDecision(m, task, user, decision, MaterialForm.clean(comment), null, checks);
        } else {
            throw BusinessException.invalid("task.notDecidedHere");
        }
    }

    private void recordDecision(Material m, TaskInfo task, CurrentUser user, Decision decision, String comment,
                                Boolean notClassified, List<MaterialCheck> checks) {
        MaterialReview review = new MaterialReview();
        review.setMaterialId(m.getId());
        review.setVersionNo(m.getCurrentVersion());
        review.setTaskId(task.id());
        review.setStep(task.step());
        review.setReviewerId(user.getPersonId());
        review.setReviewerName(user.getDisplayName());
        review.setDecision(decision);
        review.setComment(comment);
        review.setNotClassified(notClassified);
        review.setCreatedAt(OffsetDateTime.now(clock));
        materials.insertReview(review);
        for (MaterialCheck check : checks) {
            check.setReviewId(review.getId());
            materials.insertCheck(check);
        }
        if (decision == Decision.RETURN) {
            m.setStatus(MaterialStatus.RETURNED);
            save(m);
            notifications.notify(m.getAuthorId(), link(m), "material.notify.returned", m.getTitle(), task.name(),
                user.getDisplayName(), comment);
        } else {
            notifications.notify(m.getAuthorId(), link(m), "material.notify.passed", m.getTitle(), task.name(),
                user.getDisplayName());
        }
    }

    // ---- what the process does by itself

    /** The end of the review: the material is archived with its session and readable by the whole group. */
    @Transactional
    public void archive(long id) {
        Material m = materials.selectById(id);
        if (m.getStatus() == MaterialStatus.ARCHIVED) {
            return;
        }
        m.setStatus(MaterialStatus.ARCHIVED);
        m.setArchivedAt(OffsetDateTime.now(clock));
        save(m);
        actionLog.record(ref(m), m.getProcessInstanceId(), null, "ARCHIVE", null, null);
        notifications.notify(m.getAuthorId(), link(m), "material.notify.archived", m.getTitle(), m.getSessionTitle());
        log.info("Material {} archived with session {}", ref(m).businessKey(), m.getSessionId());
    }

    /** Reminds whoever holds the material now (the claimant, else the step's groups, or the author) of the deadline. */
    @Transactional
    public void remind(long id) {
        Material m = materials.selectById(id);
        if (m.getStatus() == MaterialStatus.ARCHIVED || m.getDeadline().isBefore(OffsetDateTime.now(clock))) {
            return;
        }
        String due = m.getDeadline().atZoneSameInstant(clock.getZone()).toLocalDate().toString();
        int told = 0;
        for (TaskInfo task : workflow.activeTasks(m.getProcessInstanceId())) {
            told += notifications.notifyAll(holders(task), link(task), "material.notify.reminder", m.getTitle(),
                task.name(), due);
        }
        actionLog.record(ref(m), m.getProcessInstanceId(), null, "REMIND", null, null);
        log.info("Material {}: {} people reminded of the deadline {}", ref(m).businessKey(), told, due);
    }

    /** Tells the leaders that a material was not cleared in time. */
    @Transactional
    public void escalate(long id) {
        Material m = materials.selectById(id);
        if (m.getStatus() == MaterialStatus.ARCHIVED) {
            return;
        }
        String due = m.getDeadline().atZoneSameInstant(clock.getZone()).toLocalDate().toString();
        String steps = workflow.activeTasks(m.getProcessInstanceId()).stream().map(TaskInfo::name)
            .collect(Collectors.joining("、"));
        notifications.notifyRole(m.getOrgId(), Role.LEADER, link(m), "material.notify.overdue", m.getTitle(), due, steps);
        actionLog.record(ref(m), m.getProcessInstanceId(), null, "ESCALATE", null, null);
        log.info("Material {} is overdue (deadline {}), leaders told", ref(m).businessKey(), due);
    }

    // ---- reading

    /** The material, if this person may read it: 404 when there is none, 403 when it is not theirs to see. */
    public Material get(long id, CurrentUser user) {
        Material m = materials.selectById(id);
        if (m == null) {
            throw BusinessException.notFound();
        }
        scope.requireSee(user, m.getOrgId());
        if (!canRead(m, user)) {
            throw BusinessException.forbidden();
        }
        return m;
    }

    /**
     * Everyone in the group reads archived materials; before that, the author, the organisation's reviewers
     * and secretary, and those who supervise it from above.
     */
    public boolean canRead(Material m, CurrentUser user) {
        return m.getStatus() == MaterialStatus.ARCHIVED
            || m.getAuthorId() == user.getPersonId()
            || user.seesSubtree()
            || (user.getOrgId() == m.getOrgId() && user.getRoles().stream().anyMatch(REVIEWERS::contains));
    }

    public PageOf<Material> list(CurrentUser user, Long sessionId, MaterialStatus status, boolean mineOnly,
                                 int page, int size) {
        List<Long> orgIds = scope.visibleOrgs(user).stream().map(Org::getId).toList();
        List<Long> fullOrgIds = user.seesSubtree() ? orgIds
            : user.getRoles().stream().anyMatch(REVIEWERS::contains) ? List.of(user.getOrgId()) : List.of();
        MaterialFilter filter = new MaterialFilter(orgIds, fullOrgIds, user.getPersonId(), sessionId, status, mineOnly);
        int total = materials.countVisible(filter);
        return new PageOf<>(total == 0 ? List.of() : materials.selectVisible(filter, page * size, size), total, page, size);
    }

    /** Every version, oldest first, each with the reviews it received. */
    public List<MaterialVersion> versions(Material m) {
        List<MaterialVersion> versions = materials.selectVersions(m.getId());
        Map<Long, List<MaterialCheck>> checks = materials.selectChecks(m.getId()).stream()
            .collect(Collectors.groupingBy(MaterialCheck::getReviewId));
        Map<Integer, List<MaterialReview>> reviews = new LinkedHashMap<>();
        for (MaterialReview r : materials.selectReviews(m.getId())) {
            List<MaterialCheck> own = new ArrayList<>(checks.getOrDefault(r.getId(), List.of()));
            own.sort((a, b) -> a.getItem().compareTo(b.getItem()));
            r.setChecks(own);
            reviews.computeIfAbsent(r.getVersionNo(), k -> new ArrayList<>()).add(r);
        }
        versions.forEach(v -> v.setReviews(reviews.getOrDefault(v.getVersionNo(), List.of())));
        return versions;
    }

    public MaterialVersion version(Material m, int versionNo) {
        MaterialVersion v = materials.selectVersion(m.getId(), versionNo);
        if (v == null) {
            throw BusinessException.notFound();
        }
        return v;
    }

    public Resource file(MaterialVersion version) {
        return files.open(version.getStoredName());
    }

    public List<TaskInfo> currentSteps(Material m) {
        return m.getProcessInstanceId() == null ? List.of() : workflow.activeTasks(m.getProcessInstanceId());
    }

    public List<Action> timeline(Material m) {
        return actionLog.timeline(ref(m));
    }

    public boolean isOverdue(Material m) {
        return m.isOverdue(OffsetDateTime.now(clock));
    }

    /** Whether this person may upload a version or submit now. */
    public boolean isWithAuthor(Material m, CurrentUser user) {
        return m.getStatus().isWithAuthor() && m.getAuthorId() == user.getPersonId();
    }

    /** The sessions of the person's organisation since last year, to find materials by. */
    public List<StudySession> recentSessions(CurrentUser user) {
        return materials.selectSessions(user.getOrgId(), LocalDate.now(clock).getYear() - 1);
    }

    /** The sessions of the person's organisation that have not yet taken place. */
    public List<StudySession> openSessions(CurrentUser user) {
        return materials.selectSessions(user.getOrgId(), LocalDate.now(clock).getYear()).stream()
            .filter(s -> !isHeld(s))
            .toList();
    }

    public boolean mayUpload(CurrentUser user) {
        return user.getRoles().stream().anyMatch(CENTER_GROUP::contains);
    }

    public MaterialProperties properties() {
        return properties;
    }

    // ---- helpers

    /** The day a session takes place: its date once set, else the first of its month. */
    static LocalDate sessionDay(StudySession session) {
        return session.getSessionDate() != null ? session.getSessionDate()
            : LocalDate.of(session.getSessionYear(), session.getSessionMonth(), 1);
    }

    /** A session is over after its day, or, while it has only a month, after that month. */
    boolean isHeld(StudySession session) {
        LocalDate last = session.getSessionDate() != null ? session.getSessionDate()
            : YearMonth.of(session.getSessionYear(), session.getSessionMonth()).atEndOfMonth();
        return last.isBefore(LocalDate.now(clock));
    }

    private void requireMember(CurrentUser user) {
        if (!mayUpload(user)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "material.error.notMember");
        }
    }

    private Material withAuthor(long id, CurrentUser user) {
        Material m = get(id, user);
        if (m.getAuthorId() != user.getPersonId()) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "material.error.notAuthor");
        }
        if (!m.getStatus().isWithAuthor()) {
            throw BusinessException.conflict("material.error.notWithAuthor");
        }
        return m;
    }

    /** Nobody reviews their own material: the review is someone else's judgement (a leader's goes to the deputy). */
    private static void requireNotAuthor(Material m, CurrentUser user) {
        if (m.getAuthorId() == user.getPersonId()) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "material.error.ownMaterial");
        }
    }

    private static void requireFresh(Material m, Integer version) {
        if (version == null || version != m.getVersion()) {
            throw BusinessException.conflict("material.error.stale");
        }
    }

    private TaskInfo authorStep(Material m) {
        return workflow.activeTasks(m.getProcessInstanceId()).stream()
            .filter(t -> MaterialReviewProcess.TASK_SUBMIT.equals(t.step()))
            .findFirst()
            .orElseThrow(() -> BusinessException.conflict("task.changed"));
    }

    /** The material a task is about, when the task is the given step of a material review. */
    private Material materialAt(TaskInfo task, String step) {
        SubjectRef subject = tasks.subject(task);
        if (!MaterialReviewProcess.SUBJECT_TYPE.equals(subject.type()) || !step.equals(task.step())) {
            throw BusinessException.invalid("task.notDecidedHere");
        }
        return materials.selectById(subject.id());
    }

    private static String requireComment(Decision decision, String comment) {
        if (decision == null) {
            throw BusinessException.invalid("task.decisionRequired");
        }
        String clean = MaterialForm.clean(comment);
        if (decision == Decision.RETURN && clean == null) {
            throw BusinessException.invalid("task.commentRequired");
        }
        if (clean != null && clean.length() > 2000) {
            throw BusinessException.invalid("task.commentTooLong");
        }
        return clean;
    }

    private static Map<String, Object> decisionVariables(Decision decision, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Decision.VARIABLE, decision.value());
        variables.put(Decision.COMMENT, comment == null ? "" : comment);
        return variables;
    }

    private void applyEdits(Material m, MaterialForm form) {
        if (form.getKind() != null) {
            m.setKind(form.getKind());
        }
        if (form.getSummary() != null) {
            m.setSummary(MaterialForm.clean(form.getSummary()));
        }
        if (form.getTitle() != null && !form.getTitle().strip().equals(m.getTitle())) {
            m.setTitle(form.getTitle().strip());
            workflow.setVariable(m.getProcessInstanceId(), Workflow.VAR_TITLE, m.getTitle());
        }
    }

    private void insertVersion(Material m, int versionNo, MaterialFiles.StoredFile stored, String note, CurrentUser user) {
        MaterialVersion v = new MaterialVersion();
        v.setMaterialId(m.getId());
        v.setVersionNo(versionNo);
        v.setStoredName(stored.storedName());
        v.setOriginalName(stored.originalName());
        v.setFileType(stored.type());
        v.setSizeBytes(stored.size());
        v.setSha256(stored.sha256());
        v.setNote(note);
        v.setUploadedBy(user.getPersonId());
        v.setUploadedAt(OffsetDateTime.now(clock));
        materials.insertVersion(v);
    }

    /** Who should act on a task now: its claimant, else everyone in its candidate groups. */
    private List<Person> holders(TaskInfo task) {
        if (task.assignee() != null) {
            Person p = orgService.personByUsername(task.assignee());
            return p == null ? List.of() : List.of(p);
        }
        Map<Long, Person> people = new LinkedHashMap<>();
        for (String group : workflow.candidateGroups(task.id())) {
            String[] parts = group.split(":");
            if (parts.length == 3 && parts[0].equals("org")) {
                orgService.holders(Long.parseLong(parts[1]), Role.valueOf(parts[2].toUpperCase(Locale.ROOT)))
                    .forEach(p -> people.putIfAbsent(p.getId(), p));
            }
        }
        return List.copyOf(people.values());
    }

    private void save(Material m) {
        m.setUpdatedAt(OffsetDateTime.now(clock));
        if (materials.update(m) == 0) {
            throw new OptimisticLockingFailureException("Material " + m.getId() + " changed meanwhile");
        }
        m.setVersion(m.getVersion() + 1);
    }

    static SubjectRef ref(Material m) {
        return new SubjectRef(MaterialReviewProcess.SUBJECT_TYPE, m.getId());
    }

    static String link(Material m) {
        return "/materials/" + m.getId();
    }

    /** Reminders lead reviewers to their task, and the author to the material. */
    private static String link(TaskInfo task) {
        return MaterialReviewProcess.TASK_SUBMIT.equals(task.step())
            ? "/materials/" + SubjectRef.parse(task.businessKey()).id()
            : "/tasks/" + task.id();
    }
}
