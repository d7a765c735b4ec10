package cn.studyflow.assessment;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Who sees and acts on assessments and bulletins: the publicity department (宣传部, role DEPT) assesses the
 * organisations below its own and issues bulletins for its subtree; an organisation's secretary and leader read
 * their own assessment; everyone else gets 404.
 */
@Component
@RequiredArgsConstructor
public class AssessmentAccess {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private final OrgService orgs;
    private final Clock clock;

    /** Whether {@code user} assesses {@code org}: the department of an organisation above it. */
    boolean canAssess(CurrentUser user, Org org) {
        return user.has(Role.DEPT) && !org.getId().equals(user.getOrgId()) && user.getOrg().contains(org);
    }

    boolean canRead(CurrentUser user, Org org) {
        return canAssess(user, org) || org.getId().equals(user.getOrgId())
            && (user.has(Role.SECRETARY) || user.has(Role.LEADER));
    }

    /** The organisation if {@code user} may read its assessment, else 404. */
    Org readable(CurrentUser user, long orgId) {
        Org org = orgs.get(orgId);
        if (org == null || !canRead(user, org)) {
            throw BusinessException.notFound();
        }
        return org;
    }

    /** The organisations the department assesses: those below its own, active ones, in tree order. */
    List<Org> assessed(CurrentUser user) {
        if (!user.has(Role.DEPT)) {
            throw BusinessException.notFound();
        }
        return orgs.subtree(user.getOrg()).stream().filter(o -> o.isActive() && canAssess(user, o)).toList();
    }

    /** Whether {@code user} issues bulletins for {@code org}'s subtree: the department of it or of one above. */
    boolean canIssue(CurrentUser user, Org org) {
        return user.has(Role.DEPT) && user.getOrg().contains(org);
    }

    /** The year asked for, this year when none; 400 outside the years StudyFlow keeps. */
    int year(Integer year) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw BusinessException.invalid("assessment.error.year", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
        }
        return y;
    }
}
