package cn.studyflow.org;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The scope of a person's own records about a session (a leave request, a make-up study): the person sees their
 * own; the {@code keepers} of the record's organisation (those who decide or check it) see its records; those who
 * oversee organisations from above see their subtree's, read-only. Everyone else is outside it (404).
 */
public record PersonalScope(Set<Role> keepers) {

    public static PersonalScope keptBy(Role first, Role... more) {
        return new PersonalScope(Set.copyOf(EnumSet.of(first, more)));
    }

    /** Whether this person may read the record of {@code personId} in organisation {@code orgId}. */
    public boolean canSee(CurrentUser user, long personId, long orgId, Scope scope) {
        return personId == user.getPersonId()
            || (user.getOrgId() == orgId && keeps(user))
            || (user.seesSubtree() && scope.canSee(user, orgId));
    }

    /** Whether this person keeps the records of their own organisation. */
    public boolean keeps(CurrentUser user) {
        return user.getRoles().stream().anyMatch(keepers::contains);
    }

    /** The organisations whose records this person reads besides their own: their own as a keeper, their subtree from above. */
    public Set<Long> orgIds(CurrentUser user, Scope scope) {
        Set<Long> orgIds = new LinkedHashSet<>();
        if (keeps(user)) {
            orgIds.add(user.getOrgId());
        }
        if (user.seesSubtree()) {
            scope.visibleOrgs(user).stream().map(Org::getId).forEach(orgIds::add);
        }
        return orgIds;
    }
}
