package cn.studyflow.material;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.Scope;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.Decision;
import cn.studyflow.common.PageOf;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/**
 * Reading materials under their access rules: one material with its versions and reviews, lists, files, and
 * the sessions to upload for. Materials are written by {@link MaterialUploads}, reviewed through
 * {@link MaterialReviews} and moved by the process through {@link MaterialCallbacks}.
 */
@Service
@RequiredArgsConstructor
public class MaterialService {

    private final MaterialMapper materials;
    private final MaterialReads reads;
    private final SessionService sessions;
    private final MaterialFiles files;
    private final MaterialAccess access;
    private final MaterialReviews reviews;
    private final Scope scope;
    private final Workflow workflow;
    private final ActionLog actionLog;
    private final MaterialProperties properties;
    private final Clock clock;

    /** The material, if this person may read it: 404 when there is none, 403 when it is not theirs to see. */
    public Material get(long id, CurrentUser user) {
        Material m = reads.byId(id);
        if (m == null) {
            throw BusinessException.notFound();
        }
        scope.requireSee(user, m.getOrgId());
        if (!canRead(m, user)) {
            // another member's material is as unknown to a member as one that does not exist
            throw BusinessException.notFound();
        }
        return m;
    }

    /**
     * Everyone in the group reads archived materials; before that, the author, the organisation's reviewers
     * and secretary, and those who supervise it from above.
     */
    public boolean canRead(Material m, CurrentUser user) {
        return access.canRead(m, user);
    }

    public PageOf<Material> list(CurrentUser user, Long sessionId, MaterialStatus status, boolean mineOnly,
                                 int page, int size) {
        List<Long> orgIds = scope.visibleOrgs(user).stream().map(Org::getId).toList();
        List<Long> fullOrgIds = user.seesSubtree() ? orgIds
            : access.isReviewer(user) ? List.of(user.getOrgId()) : List.of();
        MaterialFilter filter = new MaterialFilter(orgIds, fullOrgIds, user.getPersonId(), sessionId, status, mineOnly);
        int total = materials.countVisible(filter);
        return new PageOf<>(total == 0 ? List.of() : reads.visible(filter, page * size, size), total, page, size);
    }

    /** Every version, oldest first, each with the reviews it received. */
    public List<MaterialVersion> versions(Material m) {
        List<MaterialVersion> versions = materials.selectVersions(m.getId());
        Map<Long, List<MaterialCheck>> checks = materials.selectChecks(m.getId()).stream()
            .collect(Collectors.groupingBy(MaterialCheck::getReviewId));
        Map<Integer, List<MaterialReview>> reviewsByVersion = new LinkedHashMap<>();
        for (MaterialReview r : materials.selectReviews(m.getId())) {
            List<MaterialCheck> own = new ArrayList<>(checks.getOrDefault(r.getId(), List.of()));
            own.sort((a, b) -> a.getItem().compareTo(b.getItem()));
            r.setChecks(own);
            reviewsByVersion.computeIfAbsent(r.getVersionNo(), k -> new ArrayList<>()).add(r);
        }
        versions.forEach(v -> v.setReviews(reviewsByVersion.getOrDefault(v.getVersionNo(), List.of())));
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
        return workflow.activeTasks(m.getProcessInstanceId());
    }

    public List<Action> timeline(Material m) {
        return actionLog.timeline(Materials.ref(m));
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
        return sessions.ofOrgFrom(user.getOrgId(), LocalDate.now(clock).getYear() - 1);
    }

    /** The sessions of the person's organisation that have not yet taken place. */
    public List<StudySession> openSessions(CurrentUser user) {
        return sessions.ofOrgFrom(user.getOrgId(), LocalDate.now(clock).getYear()).stream()
            .filter(s -> !access.isHeld(s))
            .toList();
    }

    public boolean mayUpload(CurrentUser user) {
        return access.mayUpload(user);
    }

    public MaterialProperties properties() {
        return properties;
    }

    /**
     * A decision from the generic tasklist (the sign-off, or a batch approval of second reviews), which
     * {@link MaterialSubjects} hands here; the review itself is {@link MaterialReviews}'.
     */
    void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        reviews.onDecision(id, task, decision, comment, user);
    }
}
