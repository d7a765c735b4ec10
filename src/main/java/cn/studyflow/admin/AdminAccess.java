package cn.studyflow.admin;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.common.BusinessException;
import java.util.Collection;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Who may administer what. System administrators (ADMIN) everything; organisation administrators (ORG_ADMIN) the
 * people and roles of their own organisation's subtree, never above it and never a system administrator; everyone
 * else nothing (403). An organisation or person outside an organisation administrator's subtree is 404, as if it
 * did not exist.
 */
@Service
@RequiredArgsConstructor
class AdminAccess {

    private final OrgService orgs;

    static boolean isSystemAdmin(CurrentUser user) {
        return user != null && user.has(Role.ADMIN);
    }

    static boolean isAdministrator(CurrentUser user) {
        return user != null && (user.has(Role.ADMIN) || user.has(Role.ORG_ADMIN));
    }

    /** 403 unless a system or organisation administrator. */
    void requireAdministrator(CurrentUser user) {
        if (!isAdministrator(user)) {
            throw BusinessException.forbidden();
        }
    }

    /** 403 unless a system administrator: the tree itself, the trail. */
    void requireSystemAdmin(CurrentUser user) {
        if (!isSystemAdmin(user)) {
            throw BusinessException.forbidden();
        }
    }

    /** The path prefix of everything this administrator manages: the whole tree, or their organisation's subtree. */
    String managedPath(CurrentUser user) {
        requireAdministrator(user);
        return isSystemAdmin(user) ? "/" : user.getOrg().getPath();
    }

    /** The organisation, if this administrator manages it; 404 otherwise. */
    Org org(CurrentUser user, long orgId) {
        String path = managedPath(user);
        Org org = orgs.get(orgId);
        if (org == null || !org.getPath().startsWith(path)) {
            throw BusinessException.notFound();
        }
        return org;
    }

    /** The person, if this administrator may change them; 404 outside the subtree, 403 for a system administrator. */
    Person person(CurrentUser user, long personId) {
        Person person = orgs.person(personId);
        if (person == null) {
            throw BusinessException.notFound();
        }
        org(user, person.getOrgId());
        if (person.getRoles().contains(Role.ADMIN) && !isSystemAdmin(user)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "admin.error.systemAdminOnly");
        }
        return person;
    }

    /** Only system administrators give or take the system administrator role. */
    void requireGrantable(CurrentUser user, Collection<Role> changed) {
        if (changed.contains(Role.ADMIN) && !isSystemAdmin(user)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "admin.error.systemAdminOnly");
        }
    }
}
