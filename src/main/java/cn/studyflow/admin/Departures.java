package cn.studyflow.admin;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.PeopleWrites;
import cn.studyflow.org.Person;
import cn.studyflow.common.BusinessException;
import cn.studyflow.workflow.Handover.HandedTask;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person leaves: in one transaction they are disabled, their claimed and delegated tasks go back to their groups
 * (or to the successor the administrator names) and whoever holds each task now is notified; after the commit their
 * sessions end. The person's row stays, so every history still names them.
 */
@Service
@RequiredArgsConstructor
class Departures {

    private final PeopleWrites people;
    private final AdminAccess access;
    private final TaskHandover handover;
    private final SessionEnder sessions;
    private final Trail trail;

    /** Deactivates a person; {@code successorId} (may be null) takes over what they held. Returns what was handed on. */
    @Transactional
    List<HandedTask> deactivate(CurrentUser user, long id, Long successorId) {
        Person person = access.person(user, id);
        if (person.getId().equals(user.getPersonId())) {
            throw BusinessException.invalid("admin.person.notSelf");
        }
        Person successor = null;
        if (successorId != null) {
            successor = access.person(user, successorId);
            if (!successor.isEnabled() || successor.getId().equals(person.getId())) {
                throw BusinessException.invalid("admin.person.badSuccessor");
            }
        }
        if (!person.isEnabled()) {
            return List.of();
        }
        people.setEnabled(id, false);
        List<HandedTask> handed = handover.handOver(person, successor);
        Org org = access.org(user, person.getOrgId());
        trail.record(user, "PERSON_DEACTIVATE", Trail.PERSON, id, person.getDisplayName(), org.getPath(), "active",
            "inactive" + (handed.isEmpty() ? "" : " · " + handed.size() + " task(s) → "
                + (successor == null ? "groups" : successor.getDisplayName())));
        sessions.endAfterCommit(person.getUsername());
        return handed;
    }
}
