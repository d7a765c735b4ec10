package cn.studyflow.material;

import cn.studyflow.org.ClosedYears;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.Step;
import cn.studyflow.task.StepRunner;
import cn.studyflow.upload.FileStore;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The author's side: uploading a material, which starts its review with the deadline and reminder counted
 * from its session's start (none while the session has no day, see {@link MaterialDeadlines}), revised versions while it is with the author, and submitting the newest version.
 */
@Service
@RequiredArgsConstructor
public class MaterialUploads {

    private static final Logger log = LoggerFactory.getLogger(MaterialUploads.class);

    private final MaterialMapper materials;
    private final MaterialReads reads;
    private final SessionService sessions;
    private final MaterialFiles files;
    private final MaterialService queries;
    private final MaterialAccess access;
    private final Workflow workflow;
    private final StepRunner steps;
    private final ActionLog actionLog;
    private final MaterialDeadlines deadlines;
    private final ClosedYears closedYears;
    private final Clock clock;

    /**
     * Uploads a material for one of the author's organisation's sessions, with its review process waiting
     * for the author to submit; with {@code submit} it is submitted at once.
     */
    @Transactional
    public Material create(CurrentUser user, MaterialForm form, MultipartFile file, boolean submit) {
        access.requireMember(user);
        form.validateNew();
        StudySession session = sessions.byId(form.getSessionId()).orElse(null);
        if (session == null || session.getOrgId() != user.getOrgId()) {
            throw BusinessException.invalid("material.error.session");
        }
        closedYears.requireOpen(session.getOrgId(), session.getSessionYear());
        if (access.isHeld(session)) {
            throw BusinessException.invalid("material.error.sessionHeld");
        }
        FileStore.Stored<FileType> stored = files.store(file);

        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<MaterialDeadlines.Due> due = deadlines.of(session.getId());
        Material m = new Material();
        m.setOrgId(user.getOrgId());
        m.setSessionId(session.getId());
        m.setAuthorId(user.getPersonId());
        m.setKind(form.getKind());
        m.setTitle(form.getTitle().strip());
        m.setSummary(MaterialForm.clean(form.getSummary()));
        m.setStatus(MaterialStatus.DRAFT);
        m.setCurrentVersion(1);
        m.setDeadline(due.map(d -> d.deadline().toOffsetDateTime()).orElse(null));
        m.setCreatedAt(now);
        m.setUpdatedAt(now);
        materials.insert(m);
        insertVersion(m, 1, stored, MaterialForm.clean(form.getNote()), user);

        Map<String, Object> vars = Workflow.startVariables(MaterialReviewProcess.VAR_MATERIAL_ID, m.getId(),
            m.getOrgId(), m.getTitle());
        vars.putAll(MaterialDeadlines.variables(due));
        vars.put(MaterialReviewProcess.VAR_AUTHOR_USERNAME, user.getUsername());
        m.setProcessInstanceId(workflow.start(MaterialReviewProcess.KEY, Materials.ref(m).businessKey(), vars));
        save(m);
        actionLog.record(Materials.ref(m), m.getProcessInstanceId(), null, "CREATE", user, null);
        log.info("Material {} uploaded by {} for session {} ({}, {} bytes)", Materials.ref(m).businessKey(),
            user.getUsername(), session.getId(), stored.type(), stored.size());
        if (submit) {
            submitCurrent(m, steps.step(authorStep(m), user));
        }
        return m;
    }

    /**
     * Adds a revised version while the material is with its author, optionally changing title, kind and
     * summary, and with {@code submit} sends it into review at once.
     */
    public Material addVersion(long id, CurrentUser user, MaterialForm form, MultipartFile file, boolean submit) {
        form.validateRevision();
        steps.runAt(withAuthor(id, user).getProcessInstanceId(), MaterialReviewProcess.TASK_SUBMIT, user, step -> {
            Material m = withAuthor(id, user);
            requireFresh(m, form.getVersion());
            FileStore.Stored<FileType> stored = files.store(file);
            int next = m.getCurrentVersion() + 1;
            String note = MaterialForm.clean(form.getNote());
            insertVersion(m, next, stored, note, user);
            m.setCurrentVersion(next);
            applyEdits(m, form);
            save(m);
            actionLog.record(Materials.ref(m), m.getProcessInstanceId(), null, "UPLOAD", user, note);
            if (submit) {
                submitCurrent(m, step);
            }
        });
        return reads.byId(id);
    }

    /** Sends the newest version into review; a returned material needs a revised version first. */
    public void submit(long id, CurrentUser user, Integer version) {
        steps.runAt(withAuthor(id, user).getProcessInstanceId(), MaterialReviewProcess.TASK_SUBMIT, user, step -> {
            Material m = withAuthor(id, user);
            requireFresh(m, version);
            submitCurrent(m, step);
        });
    }

    /** Marks the newest version submitted and completes the author's step with it. */
    private void submitCurrent(Material m, Step step) {
        MaterialVersion current = materials.selectVersion(m.getId(), m.getCurrentVersion());
        if (current.getSubmittedAt() != null) {
            throw BusinessException.conflict("material.error.newVersionRequired");
        }
        boolean resubmission = m.getStatus() == MaterialStatus.RETURNED;
        materials.markVersionSubmitted(m.getId(), m.getCurrentVersion(), OffsetDateTime.now(clock));
        m.setStatus(MaterialStatus.SUBMITTED);
        save(m);
        step.complete(resubmission ? "RESUBMIT" : "SUBMIT", null, Map.of());
        log.info("Material {} version {} submitted by {}", Materials.ref(m).businessKey(), m.getCurrentVersion(),
            step.user().getUsername());
    }

    private Material withAuthor(long id, CurrentUser user) {
        Material m = queries.get(id, user);
        if (m.getAuthorId() != user.getPersonId()) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "material.error.notAuthor");
        }
        closedYears.requireOpen(m.getOrgId(), m.getSessionYear());
        if (!m.getStatus().isWithAuthor()) {
            throw BusinessException.conflict("material.error.notWithAuthor");
        }
        return m;
    }

    private static void requireFresh(Material m, Integer version) {
        if (version == null || version != m.getVersion()) {
            throw BusinessException.conflict("material.error.stale");
        }
    }

    private TaskInfo authorStep(Material m) {
        return steps.openTask(m.getProcessInstanceId(), MaterialReviewProcess.TASK_SUBMIT)
            .orElseThrow(() -> BusinessException.conflict("task.changed"));
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

    private void insertVersion(Material m, int versionNo, FileStore.Stored<FileType> stored, String note,
                               CurrentUser user) {
        MaterialVersion v = MaterialFiles.asVersion(stored, m.getId(), versionNo, user.getPersonId(), OffsetDateTime.now(clock));
        v.setNote(note);
        materials.insertVersion(v);
    }

    private void save(Material m) {
        VersionedRow.save(m, materials::update, clock);
    }
}
