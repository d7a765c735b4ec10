package cn.studyflow.audit;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.plan.PlanMapper;
import cn.studyflow.session.StudySession;
import cn.studyflow.session.StudySessionMapper;
import cn.studyflow.support.Rows;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The base of the AuditMapper tests ({@code AuditMapperTest}, {@code AuditMapperPlanningTest}), each a
 * {@code @MapperTest}. The tree: a city over the programme's county (whose dept runs it) over two towns, and
 * another county beside it; the county's dept, the town's secretary, an auditor at the county and at each town;
 * three sessions of the town and two of its sibling in {@link #YEAR}. Rows the tests write: audits, assignments,
 * records and draws.
 */
abstract class AuditMapperFixture {

    static final int YEAR = 2031;

    @Autowired AuditMapper audits;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;
    @Autowired PlanMapper plans;
    @Autowired StudySessionMapper sessionMapper;

    Org county;
    Org town;
    Org sibling;
    Org otherCounty;
    Person dept;
    Person secretary;
    Person countyAuditor;
    Person townAuditor;
    Person siblingAuditor;
    List<StudySession> townSessions;
    List<StudySession> siblingSessions;
    final OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void tree() {
        Org city = Rows.org(orgs, "潍坊市委", null);
        county = Rows.org(orgs, "青州市委", city);
        town = Rows.org(orgs, "卞桥镇党委", county);
        sibling = Rows.org(orgs, "王坟镇党委", county);
        otherCounty = Rows.org(orgs, "临朐县委", city);
        dept = Rows.person(people, county, "赵明远", true, Role.DEPT);
        secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
        countyAuditor = Rows.person(people, county, "张海燕", true, Role.AUDITOR);
        townAuditor = Rows.person(people, town, "刘志强", true, Role.AUDITOR);
        siblingAuditor = Rows.person(people, sibling, "陈丽娟", true, Role.AUDITOR);
        townSessions = Rows.sessions(sessionMapper, Rows.plan(plans, town, secretary, YEAR), 3, 4, 5);
        siblingSessions = Rows.sessions(sessionMapper, Rows.plan(plans, sibling, secretary, YEAR), 3, 4);
    }

    // ---------------------------------------------------------------- rows

    Audit audit(StudySession session, AuditMode mode, AuditStatus status, LocalDate day) {
        return audit(session, mode, status, day, null);
    }

    Audit audit(StudySession session, AuditMode mode, AuditStatus status, LocalDate day, StoredDraw draw) {
        Audit a = new Audit();
        a.setDeptOrgId(county.getId());
        a.setOrgId(session.getOrgId());
        a.setSessionId(session.getId());
        a.setAuditMode(mode);
        a.setStatus(status);
        a.setSessionDate(day);
        a.setAuditYear(day.getYear());
        a.setTitle("巡听：" + session.getTitle());
        a.setDrawId(draw == null ? null : draw.getId());
        a.setCreatedBy(dept.getId());
        a.setCreatedAt(now);
        a.setUpdatedAt(now);
        audits.insertAudit(a);
        return a;
    }

    AuditAssignment assign(Audit audit, Person auditor, boolean lead, AssignmentStatus status, Long replaces) {
        AuditAssignment x = new AuditAssignment();
        x.setAuditId(audit.getId());
        x.setPersonId(auditor.getId());
        x.setLead(lead);
        x.setStatus(status);
        x.setReplacesId(replaces);
        x.setAssignedAt(now);
        audits.insertAssignment(x);
        return x;
    }

    AuditRecord record(Audit audit, Person auditor, int score, Verdict verdict) {
        AuditRecord r = new AuditRecord();
        r.setAuditId(audit.getId());
        r.setAuditorId(auditor.getId());
        r.setExpectedAttendance(12);
        r.setActualAttendance(11);
        r.setScorePreparation(score);
        r.setScoreDiscussion(score);
        r.setScoreDiscipline(score);
        r.setScoreApplication(score);
        r.setFindings("发现" + score);
        r.setVerdict(verdict);
        r.setCreatedAt(now);
        audits.insertRecord(r);
        return r;
    }

    StoredDraw draw(StoredDraw.Kind kind, Person by, OffsetDateTime at) {
        StoredDraw d = new StoredDraw();
        d.setDeptOrgId(county.getId());
        d.setKind(kind);
        d.setSeed(20310401L);
        d.setInputsJson("{}");
        d.setResultJson("{\"sessions\":[1]}");
        d.setCreatedBy(by == null ? null : by.getId());
        d.setCreatedAt(at);
        audits.insertDraw(d);
        return d;
    }
}
