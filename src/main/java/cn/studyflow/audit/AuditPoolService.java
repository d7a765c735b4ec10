package cn.studyflow.audit;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.ActionLog;
import cn.studyflow.common.SubjectRef;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auditor pool (巡听人员库) of a dept: people with the auditor role in the dept's organisation or below
 * it, whether they are active, and their specialty. Only the dept of that organisation changes it.
 */
@Service
@RequiredArgsConstructor
public class AuditPoolService {

    /** Pool changes are recorded in the action log under this subject type, by pool member id. */
    static final String SUBJECT_TYPE = "AUDIT_POOL";
    static final int MAX_SPECIALTY = 100;

    private final AuditMapper audits;
    private final AuditAccess access;
    private final OrgService orgService;
    private final ActionLog actionLog;
    private final Clock clock;

    /** The pool of the dept's own organisation. */
    public List<PoolMember> pool(CurrentUser user) {
        access.requireDept(user);
        return audits.selectPool(user.getOrgId());
    }

    /** People who could join the pool: auditors of the dept's organisation or below, not in it yet. */
    public List<PoolMember> candidates(CurrentUser user) {
        access.requireDept(user);
        return audits.selectPoolCandidates(user.getOrgId(), user.getOrg().getPath());
    }

    @Transactional
    public PoolMember add(CurrentUser user, Long personId, String specialty) {
        access.requireDept(user);
        Person person = personId == null ? null : orgService.person(personId);
        if (person == null) {
            throw BusinessException.invalid("audit.pool.error.person");
        }
        if (!person.getRoles().contains(Role.AUDITOR) || !person.isEnabled()) {
            throw BusinessException.invalid("audit.pool.error.notAuditor", person.getDisplayName());
        }
        if (!user.getOrg().contains(orgService.get(person.getOrgId()))) {
            throw BusinessException.invalid("audit.pool.error.outOfScope", person.getDisplayName());
        }
        if (audits.selectPool(user.getOrgId()).stream().anyMatch(m -> m.getPersonId().equals(personId))) {
            throw BusinessException.conflict("audit.pool.error.exists", person.getDisplayName());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        PoolMember member = new PoolMember();
        member.setDeptOrgId(user.getOrgId());
        member.setPersonId(personId);
        member.setSpecialty(specialty(specialty));
        member.setActive(true);
        member.setCreatedAt(now);
        member.setUpdatedAt(now);
        audits.insertPoolMember(member);
        actionLog.record(new SubjectRef(SUBJECT_TYPE, member.getId()), null, null, "AUDIT_POOL_ADD", user,
            person.getDisplayName());
        return audits.selectPoolMember(member.getId());
    }

    @Transactional
    public PoolMember update(CurrentUser user, long memberId, boolean active, String specialty) {
        access.requireDept(user);
        PoolMember member = audits.selectPoolMember(memberId);
        if (member == null) {
            throw BusinessException.notFound();
        }
        access.requireRuns(user, member.getDeptOrgId());
        member.setActive(active);
        member.setSpecialty(specialty(specialty));
        member.setUpdatedAt(OffsetDateTime.now(clock));
        audits.updatePoolMember(member);
        actionLog.record(new SubjectRef(SUBJECT_TYPE, memberId), null, null,
            active ? "AUDIT_POOL_ACTIVE" : "AUDIT_POOL_INACTIVE", user, member.getDisplayName());
        return audits.selectPoolMember(memberId);
    }

    private static String specialty(String specialty) {
        if (specialty == null || specialty.isBlank()) {
            return null;
        }
        if (specialty.trim().length() > MAX_SPECIALTY) {
            throw BusinessException.invalid("audit.pool.error.specialty", MAX_SPECIALTY);
        }
        return specialty.trim();
    }
}
