package cn.studyflow.admin;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.PeopleWrites;
import cn.studyflow.org.Person;
import cn.studyflow.common.BusinessException;
import lombok.RequiredArgsConstructor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person changes their own password: the old one first, then a new one that meets {@link PasswordPolicy}. */
@Service
@RequiredArgsConstructor
class AccountService {

    private final OrgService orgs;
    private final PeopleWrites people;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final Trail trail;

    @Transactional
    void changePassword(CurrentUser user, String oldPassword, String newPassword, String repeated) {
        Person person = orgs.person(user.getPersonId());
        if (oldPassword == null || !encoder.matches(oldPassword, person.getPasswordHash())) {
            throw BusinessException.invalid("admin.password.oldWrong");
        }
        if (newPassword == null || !newPassword.equals(repeated)) {
            throw BusinessException.invalid("admin.password.mismatch");
        }
        if (newPassword.equals(oldPassword)) {
            throw BusinessException.invalid("admin.password.same");
        }
        policy.check(person.getUsername(), newPassword);
        people.setPassword(person.getId(), encoder.encode(newPassword), false);
        trail.record(user, "PASSWORD_CHANGE", Trail.PERSON, person.getId(), person.getDisplayName(),
            user.getOrg().getPath(), null, null);
    }
}
