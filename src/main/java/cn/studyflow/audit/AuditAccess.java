package cn.studyflow.audit;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.common.BusinessException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may see and run which audit. An audit is seen by its assigned auditors, by those who oversee the
 * programme (dept, manager, auditor and admin roles whose subtree holds the dept's organisation) and by
 * those who see the audited organisation, except that a random audit stays hidden from the latter until
 * its session day. {@code AuditMapper.xml#visibleFilter} applies the same rule in SQL.
 */
@Component
@RequiredArgsConstructor
class AuditAccess {

    private final AuditMapper audits;
    private final AuditSessions auditSessions;
    private final Scope scope;
    private final Clock clock;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether the random audit's session day has not come yet. */
    boolean isSecret(Audit audit) {
        return audit.getAuditMode() == AuditMode.RANDOM && isBeforeSession(audit);
    }

    /** Whether the day to sit in has not come yet: records are filed after the session. */
    boolean isBeforeSession(Audit audit) {
        return today().isBefore(audit.getSessionDate());
    }

    boolean oversees(CurrentUser user, long deptOrgId) {
        return user.seesSubtree() && scope.canSee(user, deptOrgId);
    }

    boolean canSee(CurrentUser user, Audit audit, List<AuditAssignment> assignments) {
        if (assignments.stream().anyMatch(a -> a.getPersonId() == user.getPersonId())) {
            return true;
        }
        if (oversees(user, audit.getDeptOrgId())) {
            return true;
        }
        return scope.canSee(user, audit.getOrgId()) && !isSecret(audit);
    }

    boolean canSee(CurrentUser user, long auditId) {
        Audit audit = auditSessions.audit(auditId);
        return audit != null && canSee(user, audit, audits.selectAssignments(auditId));
    }

    /** The dept that runs a programme acts for it: its people with the dept role. */
    boolean runs(CurrentUser user, long deptOrgId) {
        return user.has(Role.DEPT) && user.getOrgId() == deptOrgId;
    }

    void requireDept(CurrentUser user) {
        if (!user.has(Role.DEPT)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.deptOnly");
        }
    }

    void requireSecretary(CurrentUser user) {
        if (!user.has(Role.SECRETARY)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.secretaryOnly");
        }
    }

    void requireRuns(CurrentUser user, long deptOrgId) {
        if (!runs(user, deptOrgId)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "audit.error.deptOnly");
        }
    }
}
