package cn.studyflow.support;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanKind;
import cn.studyflow.plan.PlanMapper;
import cn.studyflow.plan.PlanStatus;
import cn.studyflow.session.StudySession;
import cn.studyflow.session.StudySessionMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

    /** An approved annual plan of {@code org} for {@code year}, made by {@code by}. */
    public static Plan plan(PlanMapper plans, Org org, Person by, int year) {
        Plan plan = new Plan();
        plan.setOrgId(org.getId());
        plan.setKind(PlanKind.ANNUAL);
        plan.setPlanYear(year);
        plan.setAnnualKey(org.getId() + "-" + year);
        plan.setTitle(org.getName() + year + "年度理论学习中心组学习计划");
        plan.setStatus(PlanStatus.APPROVED);
        plan.setRevision(1);
        plan.setCreatedBy(by.getId());
        plan.setCreatedAt(OffsetDateTime.now());
        plan.setUpdatedAt(OffsetDateTime.now());
        plans.insert(plan);
        return plan;
    }

    /** One scheduled session of {@code plan} per month given, titled {@code 专题<month>}, in that order. */
    public static List<StudySession> sessions(StudySessionMapper mapper, Plan plan, int... months) {
        List<StudySession> sessions = new ArrayList<>();
        for (int i = 0; i < months.length; i++) {
            StudySession s = new StudySession();
            s.setOrgId(plan.getOrgId());
            s.setPlanId(plan.getId());
            s.setTopicKey(i + 1);
            s.setSessionYear(plan.getPlanYear());
            s.setSessionMonth(months[i]);
            s.setTitle("专题" + months[i]);
            s.setFormat("COLLECTIVE_STUDY");
            s.setSpeaker("王建国");
            s.setEnlarged(false);
            s.setStatus("SCHEDULED");
            s.setCreatedAt(OffsetDateTime.now());
            sessions.add(s);
        }
        mapper.insertAll(sessions);
        return mapper.selectByPlan(plan.getId());
    }
}
