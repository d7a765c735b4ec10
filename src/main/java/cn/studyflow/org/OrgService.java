package cn.studyflow.org;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
public class OrgService {

    private final OrgMapper orgs;
    private final PersonMapper people;

    public Org get(long id) {
        return orgs.selectById(id);
    }

    /** Every organisation's name by id; the tree is small enough to read whole. */
    public Map<Long, String> names() {
        Map<Long, String> names = new HashMap<>();
        orgs.selectAll().forEach(o -> names.put(o.getId(), o.getName()));
        return names;
    }

    /** The names of these organisations only, by id. */
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            orgs.selectByIds(ids).forEach(o -> names.put(o.getId(), o.getName()));
        }
        return names;
    }

    /** These organisations by id, read in one statement; an id of no organisation is missing from the map. */
    public Map<Long, Org> byIds(Collection<Long> ids) {
        Map<Long, Org> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            orgs.selectByIds(ids).forEach(o -> byId.put(o.getId(), o));
        }
        return byId;
    }

    /** The organisation above {@code orgId}, or null at the top of the tree. */
    public Org parentOf(long orgId) {
        Org org = orgs.selectById(orgId);
        return org == null || org.getParentId() == null ? null : orgs.selectById(org.getParentId());
    }

    public List<Person> holders(long orgId, Role role) {
        return people.selectByOrgAndRole(orgId, role);
    }

    /** The enabled people of one organisation. */
    public List<Person> people(long orgId) {
        return people.selectByOrg(orgId).stream().filter(Person::isEnabled).toList();
    }

    /** Everyone of one organisation, the deactivated too. */
    public List<Person> peopleOf(long orgId) {
        return people.selectByOrg(orgId);
    }

    /** A person as they would be when logged in, to ask what they may see. */
    public CurrentUser asUser(Person person) {
        return new CurrentUser(person, orgs.selectById(person.getOrgId()));
    }

    public Person person(long id) {
        return people.selectById(id);
    }

    /** Everyone, in every organisation, who holds {@code role}. */
    public List<Person> holdersAnywhere(Role role) {
        return people.selectByRole(role);
    }

    /**
     * The person as they are now, with their roles and organisation, read by one query (what every request of a
     * logged-in person reads again); null when the person no longer exists.
     */
    public CurrentUser account(long personId) {
        Account account = people.selectAccount(personId);
        return account == null ? null : new CurrentUser(account.getPerson(), account.getOrg());
    }

    public Person personByUsername(String username) {
        return people.selectByUsername(username);
    }

    /** The organisation and everything below it, ordered as a tree. */
    public List<Org> subtree(Org top) {
        return orgs.selectSubtree(top.getPath());
    }

    public int countPeople() {
        return people.count();
    }

    /** The organisation with this code, or null. */
    public Org byCode(String code) {
        return orgs.selectByCode(code);
    }

    /** Every organisation, ordered as a tree (by path). */
    public List<Org> all() {
        return orgs.selectAll();
    }

    public int countOrgs() {
        return orgs.count();
    }

    /** The organisation with this path and everything below it, ordered as a tree. */
    public List<Org> subtree(String path) {
        return orgs.selectSubtree(path);
    }

    /**
     * A page of the people of a subtree (organisation path prefix), optionally only those whose name or user
     * name matches {@code like} (a LIKE pattern, null for all), ordered by organisation path and name.
     */
    public List<Person> peopleInSubtree(String path, String like, int offset, int limit) {
        return people.selectInSubtree(path, like, offset, limit);
    }

    public int countPeopleInSubtree(String path, String like) {
        return people.countInSubtree(path, like);
    }

    /** The people with these user names, with their roles. */
    public List<Person> peopleByUsernames(Collection<String> usernames) {
        return people.selectByUsernames(usernames);
    }

    @Transactional
    public Org create(String code, String name, OrgKind kind, Org parent) {
        Org org = new Org();
        org.setCode(code);
        org.setName(name);
        org.setKind(kind);
        org.setParentId(parent == null ? null : parent.getId());
        org.setPath("/");
        org.setCreatedAt(OffsetDateTime.now());
        orgs.insert(org);
        org.setPath((parent == null ? "/" : parent.getPath()) + org.getId() + "/");
        orgs.updatePath(org.getId(), org.getPath());
        return org;
    }

    @Transactional
    public Person createPerson(String username, String displayName, Org org, String passwordHash, List<Role> roles) {
        Person person = new Person();
        person.setUsername(username);
        person.setDisplayName(displayName);
        person.setOrgId(org.getId());
        person.setPasswordHash(passwordHash);
        person.setEnabled(true);
        person.setCreatedAt(OffsetDateTime.now());
        people.insert(person);
        roles.forEach(role -> people.insertRole(person.getId(), role));
        return person;
    }
}
