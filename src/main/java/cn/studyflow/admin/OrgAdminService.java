package cn.studyflow.admin;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.OrgWrites;
import cn.studyflow.org.Person;
import cn.studyflow.common.BusinessException;
import cn.studyflow.journal.JournalPaths;
import cn.studyflow.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree, kept by system administrators: create, rename, move under another parent (the paths of
 * the whole subtree follow, the status journal's copies included, in one transaction), deactivate and reactivate.
 * Organisation administrators read their own subtree.
 */
@Service
@RequiredArgsConstructor
class OrgAdminService {

    static final int MAX_NAME = 100;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final int MAX_BLOCKERS = 20;

    private final OrgWrites orgs;
    private final OrgService orgService;
    private final AdminAccess access;
    private final Workflow workflow;
    private final JournalPaths journalPaths;
    private final Trail trail;

    /** The organisations this administrator manages, as a tree in path order. */
    List<Org> tree(CurrentUser user) {
        return orgService.subtree(access.managedPath(user));
    }

    Org get(CurrentUser user, long id) {
        return access.org(user, id);
    }

    @Transactional
    Org create(CurrentUser user, Long parentId, String code, String name, OrgKind kind) {
        access.requireSystemAdmin(user);
        Org parent = parentId == null ? null : access.org(user, parentId);
        if (parent == null && orgService.countOrgs() > 0) {
            throw BusinessException.invalid("admin.org.parentRequired");
        }
        if (parent != null && !parent.isActive()) {
            throw BusinessException.invalid("admin.org.parentInactive", parent.getName());
        }
        String cleanName = name(name);
        String cleanCode = code == null || code.isBlank() ? generatedCode() : code.trim();
        if (!CODE.matcher(cleanCode).matches()) {
            throw BusinessException.invalid("admin.org.badCode");
        }
        if (orgService.byCode(cleanCode) != null) {
            throw BusinessException.conflict("admin.org.codeTaken", cleanCode);
        }
        Org org;
        try {
            org = orgService.create(cleanCode, cleanName, kind(kind), parent);
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("admin.org.codeTaken", cleanCode);
        }
        trail.record(user, "ORG_CREATE", Trail.ORG, org.getId(), org.getName(), org.getPath(), null,
            describe(org, parent));
        return org;
    }

    @Transactional
    Org rename(CurrentUser user, long id, String name, OrgKind kind) {
        access.requireSystemAdmin(user);
        Org org = access.org(user, id);
        String before = org.getName() + " · " + org.getKind();
        orgs.rename(id, name(name), kind(kind));
        Org after = orgService.get(id);
        trail.record(user, "ORG_RENAME", Trail.ORG, id, after.getName(), after.getPath(), before,
            after.getName() + " · " + after.getKind());
        return after;
    }

    /**
     * Moves an organisation and its subtree under {@code newParentId}. Refused when the new parent is the
     * organisation itself or below it (a cycle). Moves are serialised, so two crossing moves cannot make a cycle.
     */
    @Transactional
    Org move(CurrentUser user, long id, long newParentId) {
        access.requireSystemAdmin(user);
        orgs.lockTree();
        Org org = access.org(user, id);
        Org parent = access.org(user, newParentId);
        if (parent.getPath().startsWith(org.getPath())) {
            throw BusinessException.invalid("admin.org.cycle", org.getName(), parent.getName());
        }
        if (!parent.isActive()) {
            throw BusinessException.invalid("admin.org.parentInactive", parent.getName());
        }
        if (org.getParentId() != null && org.getParentId() == newParentId) {
            return org;
        }
        Org oldParent = org.getParentId() == null ? null : orgService.get(org.getParentId());
        String oldPath = org.getPath();
        String newPath = parent.getPath() + org.getId() + "/";
        orgs.move(id, newParentId, oldPath, newPath);
        journalPaths.move(oldPath, newPath);
        trail.movePaths(oldPath, newPath);
        trail.record(user, "ORG_MOVE", Trail.ORG, id, org.getName(), newPath,
            oldParent == null ? null : oldParent.getName(), parent.getName());
        return orgService.get(id);
    }

    /** Refused while the organisation has running processes, enabled people or active organisations below it. */
    @Transactional
    void deactivate(CurrentUser user, long id) {
        access.requireSystemAdmin(user);
        Org org = access.org(user, id);
        if (org.getParentId() == null) {
            throw BusinessException.invalid("admin.org.topStays");
        }
        List<String> blockers = blockers(org);
        if (!blockers.isEmpty()) {
            throw BusinessException.conflict("admin.org.blocked", org.getName(), String.join("；", blockers));
        }
        orgs.setActive(id, false);
        trail.record(user, "ORG_DEACTIVATE", Trail.ORG, id, org.getName(), org.getPath(), "active", "inactive");
    }

    @Transactional
    void reactivate(CurrentUser user, long id) {
        access.requireSystemAdmin(user);
        Org org = access.org(user, id);
        Org parent = org.getParentId() == null ? null : orgService.get(org.getParentId());
        if (parent != null && !parent.isActive()) {
            throw BusinessException.invalid("admin.org.parentInactive", parent.getName());
        }
        orgs.setActive(id, true);
        trail.record(user, "ORG_REACTIVATE", Trail.ORG, id, org.getName(), org.getPath(), "inactive", "active");
    }

    /** What keeps an organisation from being deactivated: running processes, enabled people, active children. */
    List<String> blockers(Org org) {
        List<String> blockers = new ArrayList<>();
        workflow.runningTitles(org.getId(), MAX_BLOCKERS).forEach(t -> blockers.add("⟳ " + t));
        orgService.peopleOf(org.getId()).stream().filter(Person::isEnabled).limit(MAX_BLOCKERS)
            .forEach(p -> blockers.add("☺ " + p.getDisplayName()));
        orgService.subtree(org.getPath()).stream()
            .filter(o -> !o.getId().equals(org.getId()) && o.isActive()).limit(MAX_BLOCKERS)
            .forEach(o -> blockers.add("▣ " + o.getName()));
        return blockers;
    }

    private String generatedCode() {
        String code;
        do {
            code = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        } while (orgService.byCode(code) != null);
        return code;
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw BusinessException.invalid("admin.org.nameRequired");
        }
        if (name.trim().length() > MAX_NAME) {
            throw BusinessException.invalid("admin.org.nameTooLong", MAX_NAME);
        }
        return name.trim();
    }

    private static OrgKind kind(OrgKind kind) {
        if (kind == null) {
            throw BusinessException.invalid("admin.org.kindRequired");
        }
        return kind;
    }

    private static String describe(Org org, Org parent) {
        return org.getName() + " · " + org.getKind() + (parent == null ? "" : " ⊂ " + parent.getName());
    }
}
