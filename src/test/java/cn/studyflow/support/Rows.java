package cn.studyflow.support;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;

/** Rows for mapper tests, written straight through the mappers. */
public final class Rows {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Rows() {
    }

    public static Org org(OrgMapper orgs, String name, Org parent) {
        Org org = new Org();
        org.setCode("m" + SEQUENCE.incrementAndGet());
        org.setName(name);
        org.setKind(parent == null ? OrgKind.CITY : OrgKind.TOWN);
        org.setParentId(parent == null ? null : parent.getId());
        org.setPath("/");
        org.setCreatedAt(OffsetDateTime.now());
        orgs.insert(org);
        org.setPath((parent == null ? "/" : parent.getPath()) + org.getId() + "/");
        orgs.updatePath(org.getId(), org.getPath());
        return org;
    }

    public static Person person(PersonMapper people, Org org, String displayName, boolean enabled, Role... roles) {
        Person person = new Person();
        person.setUsername("u" + SEQUENCE.incrementAndGet());
        person.setDisplayName(displayName);
        person.setOrgId(org.getId());
        person.setPasswordHash("{noop}x");
        person.setEnabled(enabled);
        person.setCreatedAt(OffsetDateTime.now());
        people.insert(person);
        for (Role role : roles) {
            people.insertRole(person.getId(), role);
        }
        return person;
    }
}
