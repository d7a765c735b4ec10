package cn.studyflow.audit;

import cn.studyflow.org.CurrentUser;
import java.time.LocalDate;

/**
 * Which audits a person may list, as SQL parameters: those of programmes they oversee (their organisation's
 * subtree, for dept, manager, auditor and admin roles), those they are assigned to, and those of
 * organisations they see, except random audits whose session day has not come yet. Optional filters narrow it.
 */
public record AuditQuery(long personId, long orgId, String orgPath, boolean subtree, LocalDate today,
                         Integer year, AuditStatus status, AuditMode mode, Long auditedOrgId,
                         boolean assignedOnly, int offset, int limit) {

    static AuditQuery of(CurrentUser user, LocalDate today, Integer year, AuditStatus status, AuditMode mode,
                         Long auditedOrgId, boolean assignedOnly, int offset, int limit) {
        return new AuditQuery(user.getPersonId(), user.getOrgId(), user.getOrg().getPath(), user.seesSubtree(), today,
            year, status, mode, auditedOrgId, assignedOnly, offset, limit);
    }
}
