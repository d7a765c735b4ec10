package cn.studyflow.support;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import java.util.List;

/**
 * A town of a browser test's own under 青州市委, so that no demo session or task of the same day gets in its way:
 * its people log in with the demo password, their logins made unique per run.
 */
public final class OwnTown {

    private final OrgService orgs;
    private final Org org;
    private final String suffix;
    private final String passwordHash;

    private OwnTown(OrgService orgs, Org org, String suffix, String passwordHash) {
        this.orgs = orgs;
        this.org = org;
        this.suffix = suffix;
        this.passwordHash = passwordHash;
    }

    public static OwnTown create(OrgService orgs, String code, String name) {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Org county = orgs.get(orgs.personByUsername("qz_dept").getOrgId());
        Org town = orgs.create(code + suffix, name, OrgKind.TOWN, county);
        return new OwnTown(orgs, town, suffix, orgs.personByUsername("bq_member").getPasswordHash());
    }

    public Org org() {
        return org;
    }

    /** A person of the town in one role; the login is {@code login} with this run's suffix. */
    public Person person(String login, String name, Role role) {
        return orgs.createPerson(login + suffix, name, org, passwordHash, List.of(role));
    }
}
