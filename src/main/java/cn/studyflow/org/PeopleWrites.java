package cn.studyflow.org;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Changes to people that administration makes (create, edit, roles, deactivate, passwords), so that
 * {@code org} alone owns its rows. The rules (who may, the trail, handing work on) stay with the caller.
 */
@Service
@RequiredArgsConstructor
public class PeopleWrites {

    private final PersonMapper people;

    /** Inserts the person and sets the generated id on it. */
    public void insert(Person person) {
        people.insert(person);
    }

    public void updateDetails(Person person) {
        people.updateDetails(person);
    }

    public void addRole(long personId, Role role) {
        people.insertRole(personId, role);
    }

    public void removeRole(long personId, Role role) {
        people.deleteRole(personId, role);
    }

    public void setEnabled(long personId, boolean enabled) {
        people.updateEnabled(personId, enabled);
    }

    public void setPassword(long personId, String hash, boolean mustChange) {
        people.updatePassword(personId, hash, mustChange);
    }
}
