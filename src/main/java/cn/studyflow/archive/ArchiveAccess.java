package cn.studyflow.archive;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Who may read, close and reopen an organisation's archive: its secretary, leader and deputy read their own
 * organisation's, a superior (publicity department, manager, auditor, administrator) its subtree's; anyone else
 * is answered 404 as if there were nothing. The secretary asks to close a year, the leader approves it (in the
 * tasklist) and may reopen it, and so may an administrator of the subtree.
 */
@Component
@RequiredArgsConstructor
class ArchiveAccess {

    private final Scope scope;

    boolean canRead(CurrentUser user, long orgId) {
        if (user.getOrgId() == orgId && (user.has(Role.SECRETARY) || user.has(Role.LEADER) || user.has(Role.DEPUTY))) {
            return true;
        }
        return user.seesSubtree() && scope.canSee(user, orgId);
    }

    /** 404 unless {@link #canRead}. */
    void requireRead(CurrentUser user, long orgId) {
        if (!canRead(user, orgId)) {
            throw BusinessException.notFound();
        }
    }

    boolean canRequestClosing(CurrentUser user, long orgId) {
        return user.getOrgId() == orgId && user.has(Role.SECRETARY);
    }

    boolean canReopen(CurrentUser user, long orgId) {
        return user.getOrgId() == orgId && user.has(Role.LEADER)
            || user.has(Role.ADMIN) && scope.canSee(user, orgId);
    }
}
