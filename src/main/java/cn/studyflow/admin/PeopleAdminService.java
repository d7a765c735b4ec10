package cn.studyflow.admin;

import cn.studyflow.org.CadreRank;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.Person;
import cn.studyflow.org.LoginLocks;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.PeopleWrites;
import cn.studyflow.org.Role;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Like;
import cn.studyflow.common.PageOf;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People and their roles, for system administrators and, within their subtree, organisation administrators.
 * A role change takes effect at the person's next request (every request reloads the person); a lost role's
 * claimed tasks go back to the role's group at once.
 */
@Service
@RequiredArgsConstructor
class PeopleAdminService {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{2,60}");
    static final Pattern PHONE = Pattern.compile("[0-9+() -]{3,30}");
    static final int MAX_NAME = 60;
    /** Stored instead of a hash until an administrator sets a temporary password: matches no password. */
    static final String NO_PASSWORD = "!";

    private final OrgService orgs;
    private final PeopleWrites people;
    private final AdminAccess access;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final TaskHandover handover;
    private final Trail trail;
    private final LoginLocks locks;

    /** A page of the people this administrator manages, optionally below one organisation and matching a text. */
    PageOf<Person> page(CurrentUser user, Long orgId, String text, int page, int size) {
        String path = orgId == null ? access.managedPath(user) : access.org(user, orgId).getPath();
        String like = Like.containing(text);
        int total = orgs.countPeopleInSubtree(path, like);
        int p = PageOf.page(page, size);
        List<Person> items = total == 0 ? List.of() : orgs.peopleInSubtree(path, like, p * size, size);
        return new PageOf<>(items, total, p, size);
    }

    Person get(CurrentUser user, long id) {
        Person person = orgs.person(id);
        if (person == null) {
            throw BusinessException.notFound();
        }
        access.org(user, person.getOrgId());
        return person;
    }

    @Transactional
    Person create(CurrentUser user, PersonForm form) {
        access.requireAdministrator(user);
        Org org = activeOrg(user, form.orgId());
        Set<Role> roles = roles(form.roles());
        access.requireGrantable(user, roles);
        String username = username(form.username());
        if (orgs.personByUsername(username) != null) {
            throw BusinessException.conflict("admin.person.usernameTaken", username);
        }
        Person person = new Person();
        person.setUsername(username);
        person.setDisplayName(displayName(form.displayName()));
        person.setOrgId(org.getId());
        person.setPhone(phone(form.phone()));
        person.setEnabled(true);
        person.setCreatedAt(OffsetDateTime.now());
        boolean hasPassword = form.password() != null && !form.password().isEmpty();
        if (hasPassword) {
            policy.check(username, form.password());
        }
        person.setPasswordHash(hasPassword ? encoder.encode(form.password()) : NO_PASSWORD);
        person.setMustChangePassword(hasPassword);
        try {
            people.insert(person);
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("admin.person.usernameTaken", username);
        }
        roles.forEach(r -> people.addRole(person.getId(), r));
        trail.record(user, "PERSON_CREATE", Trail.PERSON, person.getId(), person.getDisplayName(), org.getPath(), null,
            describe(person, org, roles));
        return orgs.person(person.getId());
    }

    /**
     * Name, organisation, phone and cadre rank (none keeps the rank); moving to another organisation hands back what
     * the person held in the old one.
     */
    @Transactional
    Person update(CurrentUser user, long id, String displayName, Long orgId, String phone, CadreRank rank) {
        Person person = access.person(user, id);
        Org oldOrg = access.org(user, person.getOrgId());
        Org org = orgId == null || orgId.equals(person.getOrgId()) ? oldOrg : activeOrg(user, orgId);
        String before = describe(person, oldOrg, person.getRoles());
        person.setDisplayName(displayName(displayName));
        person.setPhone(phone(phone));
        if (rank != null) {
            person.setCadreRank(rank);
        }
        boolean moved = !org.getId().equals(oldOrg.getId());
        person.setOrgId(org.getId());
        people.updateDetails(person);
        if (moved) {
            handover.handOver(orgs.person(id), null);
        }
        trail.record(user, "PERSON_UPDATE", Trail.PERSON, id, person.getDisplayName(), org.getPath(), before,
            describe(person, org, person.getRoles()));
        return orgs.person(id);
    }

    /** Gives and takes roles so that the person holds exactly {@code wanted}. */
    @Transactional
    Person setRoles(CurrentUser user, long id, Set<Role> wanted) {
        Person person = access.person(user, id);
        Set<Role> target = roles(wanted);
        Set<Role> added = EnumSet.copyOf(target);
        added.removeAll(person.getRoles());
        Set<Role> removed = person.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(person.getRoles());
        removed.removeAll(target);
        Set<Role> changed = EnumSet.copyOf(added);
        changed.addAll(removed);
        access.requireGrantable(user, changed);
        if (changed.isEmpty()) {
            return person;
        }
        if (removed.contains(Role.ADMIN) && person.getId().equals(user.getPersonId())) {
            throw BusinessException.invalid("admin.role.notOwnAdmin");
        }
        removed.forEach(r -> people.removeRole(id, r));
        added.forEach(r -> people.addRole(id, r));
        for (Role lost : removed) {
            handover.release(person, lost, target);
        }
        Org org = access.org(user, person.getOrgId());
        trail.record(user, "PERSON_ROLES", Trail.PERSON, id, person.getDisplayName(), org.getPath(),
            names(person.getRoles()), names(target));
        return orgs.person(id);
    }

    /** A temporary password, to be changed by the person at their next login. */
    @Transactional
    void setTemporaryPassword(CurrentUser user, long id, String password) {
        Person person = access.person(user, id);
        policy.check(person.getUsername(), password);
        people.setPassword(id, encoder.encode(password), true);
        unlock(person);
        trail.record(user, "PERSON_PASSWORD", Trail.PERSON, id, person.getDisplayName(), orgPath(user, person), null,
            null);
    }

    /** Lifts a lock left by failed logins. */
    @Transactional
    void unlockAccount(CurrentUser user, long id) {
        Person person = access.person(user, id);
        unlock(person);
        trail.record(user, "PERSON_UNLOCK", Trail.PERSON, id, person.getDisplayName(), orgPath(user, person), null,
            null);
    }

    /** Whether logins as this person are being refused at the moment (the login throttle). */
    boolean isLocked(Person person) {
        return locks.isThrottled(person.getUsername());
    }

    /** The one place that unlocks an account: the login throttle forgets the person's failed logins. */
    void unlock(Person person) {
        locks.reset(person.getUsername());
    }

    @Transactional
    void reactivate(CurrentUser user, long id) {
        Person person = access.person(user, id);
        Org org = activeOrg(user, person.getOrgId());
        if (person.isEnabled()) {
            return;
        }
        people.setEnabled(id, true);
        trail.record(user, "PERSON_REACTIVATE", Trail.PERSON, id, person.getDisplayName(), org.getPath(), "inactive",
            "active");
    }

    private Org activeOrg(CurrentUser user, Long orgId) {
        if (orgId == null) {
            throw BusinessException.invalid("admin.person.orgRequired");
        }
        Org org = access.org(user, orgId);
        if (!org.isActive()) {
            throw BusinessException.invalid("admin.org.inactive", org.getName());
        }
        return org;
    }

    private String orgPath(CurrentUser user, Person person) {
        return access.org(user, person.getOrgId()).getPath();
    }

    static String username(String username) {
        if (username == null || !USERNAME.matcher(username.trim()).matches()) {
            throw BusinessException.invalid("admin.person.badUsername");
        }
        return username.trim();
    }

    static String displayName(String name) {
        if (name == null || name.isBlank()) {
            throw BusinessException.invalid("admin.person.nameRequired");
        }
        if (name.trim().length() > MAX_NAME) {
            throw BusinessException.invalid("admin.person.nameTooLong", MAX_NAME);
        }
        return name.trim();
    }

    static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        if (!PHONE.matcher(phone.trim()).matches()) {
            throw BusinessException.invalid("admin.person.badPhone");
        }
        return phone.trim();
    }

    private static Set<Role> roles(Set<Role> roles) {
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(", "));
    }

    static String describe(Person person, Org org, Set<Role> roles) {
        return person.getDisplayName() + " (" + person.getUsername() + ") · " + org.getName()
            + (person.getPhone() == null ? "" : " · " + person.getPhone()) + " · [" + names(roles) + "]";
    }
}
