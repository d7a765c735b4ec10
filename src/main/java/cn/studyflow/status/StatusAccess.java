package cn.studyflow.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.common.BusinessException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may see the managers' views, and of which organisations: leaders and deputies their own, the dept,
 * managers and administrators their subtree (SPEC.md's scope rule), narrowed to one organisation on request.
 */
@Component
@RequiredArgsConstructor
class StatusAccess {

    static final Set<Role> VIEWERS = EnumSet.of(Role.LEADER, Role.DEPUTY, Role.DEPT, Role.MANAGER, Role.ADMIN);

    private final Scope scope;
    private final OrgService orgs;
    private final Clock clock;

    static boolean isViewer(CurrentUser user) {
        return user.getRoles().stream().anyMatch(VIEWERS::contains);
    }

    /** The scope of a request about {@code orgId} and what is below it, or about the user's own view when null. */
    StatusScope scope(CurrentUser user, Long orgId) {
        Org top = top(user, orgId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!user.seesSubtree()) {
            return new StatusScope(top.getId(), null, null, now);
        }
        return new StatusScope(top.getId(), top.getPath() + "%", user.getOrg().getPath() + "%", now);
    }

    Org top(CurrentUser user, Long orgId) {
        if (!isViewer(user)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "status.error.notViewer");
        }
        if (orgId == null || orgId == user.getOrgId()) {
            return user.getOrg();
        }
        scope.requireSee(user, orgId);
        return orgs.get(orgId);
    }

    /** The organisations a view of {@code top} lists, {@code top} first. */
    List<Org> orgsOf(CurrentUser user, Org top) {
        return user.seesSubtree() ? orgs.subtree(top) : List.of(top);
    }

    /** The organisations the user may pick as the top of a view. */
    List<Org> choices(CurrentUser user) {
        return scope.visibleOrgs(user);
    }

    Clock clock() {
        return clock;
    }
}
