package cn.studyflow.org;

import cn.studyflow.common.BusinessException;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The scope rule of SPEC.md: a person sees their own organisation's work, and holders of dept, manager,
 * auditor and admin roles also see the organisations below.
 */
@Service
@RequiredArgsConstructor
public class Scope {

    private final OrgMapper orgs;

    public boolean canSee(CurrentUser user, long orgId) {
        if (user.getOrgId() == orgId) {
            return true;
        }
        if (!user.seesSubtree()) {
            return false;
        }
        Org org = orgs.selectById(orgId);
        return org != null && user.getOrg().contains(org);
    }

    /**
     * Throws 404 when {@code orgId} is outside the user's scope: what one may not see answers as if it did not
     * exist, so that ids cannot be probed.
     */
    public void requireSee(CurrentUser user, long orgId) {
        if (!canSee(user, orgId)) {
            throw BusinessException.notFound();
        }
    }

    /** The organisations whose work this person may see, their own first. */
    public List<Org> visibleOrgs(CurrentUser user) {
        return user.seesSubtree() ? orgs.selectSubtree(user.getOrg().getPath()) : List.of(user.getOrg());
    }
}
