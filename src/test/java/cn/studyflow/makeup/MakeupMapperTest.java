package cn.studyflow.makeup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.studyflow.journal.JournalOwner;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.plan.PlanMapper;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.StudySession;
import cn.studyflow.session.StudySessionMapper;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

/**
 * Every statement of MakeupMapper.xml: a make-up read with the member's, the checker's and the waiver's names, its
 * notes, file and decisions saved only at the version it was read at; one make-up per person and session; a
 * session's make-ups by name (its page and the year's archive); who lists which (a member their own, a keeper their
 * organisation's, an overseer several), newest first and paged; and whose make-up instances are, for the journal.
 */
@MapperTest
class MakeupMapperTest {

    @Autowired MakeupMapper makeups;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;
    @Autowired PlanMapper plans;
    @Autowired StudySessionMapper sessionMapper;

    final OffsetDateTime held = OffsetDateTime.parse("2031-03-18T16:00:00+08:00");

    Org town;
    Org sibling;
    Person leader;
    Person secretary;
    Person member;
    Person colleague;
    List<StudySession> sessions;
    StudySession siblingSession;

    @BeforeEach
    void rows() {
        town = Rows.org(orgs, "卞桥镇党委", null);
        sibling = Rows.org(orgs, "王坟镇党委", null);
        leader = Rows.person(people, town, "王建国", true, Role.LEADER);
        secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
        member = Rows.person(people, town, "孙玉兰", true, Role.MEMBER);
        colleague = Rows.person(people, town, "张海燕", true, Role.MEMBER);
        sessions = Rows.sessions(sessionMapper, Rows.plan(plans, town, secretary, 2031), 3, 4);
        siblingSession = Rows.sessions(sessionMapper, Rows.plan(plans, sibling, leader, 2031), 3).get(0);
    }

    @Test
    void aMakeupIsReadWithItsNamesAndSavedOnlyAtTheVersionItWasReadAt() {
        Makeup assigned = makeup(member, sessions.get(0), Attendance.LEAVE, held);

        Makeup read = makeups.selectById(assigned.getId());
        assertThat(read.getOrgId()).isEqualTo(town.getId());
        assertThat(read.getSessionId()).isEqualTo(sessions.get(0).getId());
        assertThat(read.getPersonId()).isEqualTo(member.getId());
        assertThat(read.getAbsence()).isEqualTo(Attendance.LEAVE);
        assertThat(read.getStatus()).isEqualTo(MakeupStatus.ASSIGNED);
        assertThat(read.getDueAt()).isAtSameInstantAs(held.plusDays(30));
        assertThat(read.getCreatedAt()).isAtSameInstantAs(held);
        assertThat(read.getUpdatedAt()).isAtSameInstantAs(held);
        assertThat(read.getVersion()).isZero();
        assertThat(read.getMemberName()).isEqualTo("孙玉兰");
        assertThat(read.getMemberUsername()).isEqualTo(member.getUsername());
        assertThat(read.getNotes()).isNull();
        assertThat(read.getFileName()).isNull();
        assertThat(read.getDeciderName()).as("unchecked: no checker joined").isNull();
        assertThat(read.getWaiverName()).isNull();
        Makeup stale = makeups.selectById(assigned.getId());

        read.setStatus(MakeupStatus.ACCEPTED);
        read.setNotes("通过自学原文，进一步理解了专题精神。");
        read.setFileStoredName("3f2a9c.pdf");
        read.setFileName("补学心得.pdf");
        read.setFileType(MakeupFileType.PDF);
        read.setFileSize(2048L);
        read.setFileSha256("ab".repeat(32));
        read.setFileCrc32(3_141_592_653L);
        read.setProcessInstanceId("pi-makeup-1");
        read.setSubmittedAt(held.plusDays(3));
        read.setDecidedBy(secretary.getId());
        read.setDecidedAt(held.plusDays(4));
        read.setDecisionComment("心得详实");
        read.setWaivedBy(leader.getId());
        read.setWaivedAt(held.plusDays(5));
        read.setWaiveReason("长期外派");
        read.setUpdatedAt(held.plusDays(5));
        assertThat(makeups.update(read)).isOne();
        stale.setStatus(MakeupStatus.SUBMITTED);
        stale.setNotes("旧表单的心得");
        assertThat(makeups.update(stale)).as("a form read at the old version").isZero();

        Makeup after = makeups.selectById(assigned.getId());
        assertThat(after.getVersion()).isEqualTo(1);
        assertThat(after.getStatus()).isEqualTo(MakeupStatus.ACCEPTED);
        assertThat(after.getNotes()).isEqualTo("通过自学原文，进一步理解了专题精神。");
        assertThat(after.getFileStoredName()).isEqualTo("3f2a9c.pdf");
        assertThat(after.getFileName()).isEqualTo("补学心得.pdf");
        assertThat(after.getFileType()).isEqualTo(MakeupFileType.PDF);
        assertThat(after.getFileSize()).isEqualTo(2048L);
        assertThat(after.getFileSha256()).isEqualTo("ab".repeat(32));
        assertThat(after.getFileCrc32()).as("a CRC-32 above 2^31 kept whole").isEqualTo(3_141_592_653L);
        assertThat(after.getProcessInstanceId()).isEqualTo("pi-makeup-1");
        assertThat(after.getSubmittedAt()).isAtSameInstantAs(held.plusDays(3));
        assertThat(after.getDecidedAt()).isAtSameInstantAs(held.plusDays(4));
        assertThat(after.getDecisionComment()).isEqualTo("心得详实");
        assertThat(after.getWaivedAt()).isAtSameInstantAs(held.plusDays(5));
        assertThat(after.getWaiveReason()).isEqualTo("长期外派");
        assertThat(after.getUpdatedAt()).isAtSameInstantAs(held.plusDays(5));
        assertThat(after.getDueAt()).as("never rewritten").isAtSameInstantAs(held.plusDays(30));
        assertThat(after.getAbsence()).isEqualTo(Attendance.LEAVE);
        assertThat(after).extracting(Makeup::getDecidedBy, Makeup::getDeciderName, Makeup::getWaivedBy,
            Makeup::getWaiverName, Makeup::getMemberName)
            .containsExactly(secretary.getId(), "李文华", leader.getId(), "王建国", "孙玉兰");
        assertThat(makeups.selectById(-1)).isNull();
    }

    @Test
    void aPersonHasOneMakeupPerSessionFoundByBoth() {
        Makeup own = makeup(member, sessions.get(0), Attendance.ABSENT, held);
        Makeup otherSession = makeup(member, sessions.get(1), Attendance.LEAVE, held);
        Makeup others = makeup(colleague, sessions.get(0), Attendance.LEAVE, held);

        assertThat(makeups.selectBySessionAndPerson(sessions.get(0).getId(), member.getId()))
            .extracting(Makeup::getId, Makeup::getAbsence).containsExactly(own.getId(), Attendance.ABSENT);
        assertThat(makeups.selectBySessionAndPerson(sessions.get(1).getId(), member.getId()).getId())
            .isEqualTo(otherSession.getId());
        assertThat(makeups.selectBySessionAndPerson(sessions.get(0).getId(), colleague.getId()))
            .extracting(Makeup::getId, Makeup::getMemberName).containsExactly(others.getId(), "张海燕");
        assertThat(makeups.selectBySessionAndPerson(sessions.get(1).getId(), colleague.getId())).isNull();
        assertThat(makeups.selectBySessionAndPerson(sessions.get(0).getId(), leader.getId())).isNull();

        // last: on PostgreSQL the refused statement spoils the rest of the transaction
        assertThatThrownBy(() -> makeup(member, sessions.get(0), Attendance.ABSENT, held.plusDays(1)))
            .as("marking the session held twice assigns nothing twice").isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aSessionsMakeupsAreListedByTheMembersNames() {
        // names whose order is the same by code point and by pinyin, so that any collation agrees
        Person zhao = Rows.person(people, town, "赵丽萍", true, Role.MEMBER);
        Person wang = Rows.person(people, town, "王海燕", true, Role.MEMBER);
        makeup(zhao, sessions.get(0), Attendance.ABSENT, held);
        makeup(member, sessions.get(0), Attendance.LEAVE, held);
        makeup(wang, sessions.get(0), Attendance.LEAVE, held);
        makeup(colleague, sessions.get(1), Attendance.LEAVE, held);
        makeup(Rows.person(people, sibling, "陈丽娟", true, Role.MEMBER), siblingSession, Attendance.ABSENT, held);

        List<Makeup> ofSession = makeups.selectBySession(sessions.get(0).getId());
        assertThat(ofSession).extracting(Makeup::getMemberName).containsExactly("孙玉兰", "王海燕", "赵丽萍");
        assertThat(ofSession).extracting(Makeup::getPersonId).containsExactly(member.getId(), wang.getId(), zhao.getId());
        assertThat(ofSession).extracting(Makeup::getAbsence)
            .containsExactly(Attendance.LEAVE, Attendance.LEAVE, Attendance.ABSENT);
        assertThat(makeups.selectBySession(siblingSession.getId())).extracting(Makeup::getMemberName)
            .containsExactly("陈丽娟");
    }

    @Test
    void aMemberListsTheirOwnMakeupsWhereverTheyMissedASessionNewestFirst() {
        Makeup first = makeup(member, sessions.get(0), Attendance.LEAVE, held);
        Makeup asGuest = makeup(member, siblingSession, Attendance.ABSENT, held.plusDays(1));
        Makeup latest = makeup(member, sessions.get(1), Attendance.ABSENT, held.plusDays(2));
        makeup(colleague, sessions.get(0), Attendance.LEAVE, held.plusDays(3));

        assertThat(makeups.selectVisible(member.getId(), Set.of(), 0, 10)).extracting(Makeup::getId)
            .as("their own only, the one of another organisation's session too")
            .containsExactly(latest.getId(), asGuest.getId(), first.getId());
        assertThat(makeups.countVisible(member.getId(), Set.of())).isEqualTo(3);
        assertThat(makeups.selectVisible(secretary.getId(), Set.of(), 0, 10)).as("a secretary missed nothing").isEmpty();
        assertThat(makeups.countVisible(secretary.getId(), Set.of())).isZero();
    }

    @Test
    void aKeeperListsTheirOrganisationsMakeupsAndAnOverseerSeveralNewestFirstAndPaged() {
        Makeup first = makeup(member, sessions.get(0), Attendance.LEAVE, held);
        Makeup second = makeup(colleague, sessions.get(0), Attendance.ABSENT, held.plusHours(1));
        Makeup sameTime = makeup(member, sessions.get(1), Attendance.LEAVE, held.plusHours(1));
        Makeup leadersOwn = makeup(leader, siblingSession, Attendance.ABSENT, held.plusHours(2));
        Makeup elsewhere = makeup(Rows.person(people, sibling, "陈丽娟", true, Role.MEMBER), siblingSession,
            Attendance.LEAVE, held.plusHours(3));

        assertThat(makeups.selectVisible(leader.getId(), Set.of(town.getId()), 0, 10)).extracting(Makeup::getId)
            .as("the town's, one time broken by the later id, and the leader's own in the sibling town")
            .containsExactly(leadersOwn.getId(), sameTime.getId(), second.getId(), first.getId());
        assertThat(makeups.countVisible(leader.getId(), Set.of(town.getId()))).isEqualTo(4);
        assertThat(makeups.selectVisible(leader.getId(), Set.of(town.getId()), 1, 2)).extracting(Makeup::getId)
            .containsExactly(sameTime.getId(), second.getId());
        assertThat(makeups.selectVisible(leader.getId(), Set.of(town.getId()), 4, 2)).isEmpty();

        assertThat(makeups.selectVisible(secretary.getId(), Set.of(town.getId()), 0, 10)).extracting(Makeup::getId)
            .containsExactly(sameTime.getId(), second.getId(), first.getId());
        assertThat(makeups.selectVisible(secretary.getId(), Set.of(town.getId(), sibling.getId()), 0, 2))
            .extracting(Makeup::getId).containsExactly(elsewhere.getId(), leadersOwn.getId());
        assertThat(makeups.countVisible(secretary.getId(), Set.of(town.getId(), sibling.getId()))).isEqualTo(5);
        assertThat(makeups.countVisible(secretary.getId(), Set.of(sibling.getId()))).isEqualTo(2);
    }

    @Test
    void theJournalLearnsWhoseMakeupInstancesAreFromTheMakeupThatNamesThem() {
        Makeup atHome = makeup(member, sessions.get(0), Attendance.LEAVE, held);
        Makeup asGuest = makeup(colleague, siblingSession, Attendance.ABSENT, held);
        atHome.setProcessInstanceId("pi-town");
        asGuest.setProcessInstanceId("pi-guest");
        assertThat(makeups.update(atHome)).isOne();
        assertThat(makeups.update(asGuest)).isOne();
        makeup(secretary, sessions.get(0), Attendance.ABSENT, held);

        List<JournalOwner> owners = makeups.selectJournalOwners(List.of("pi-town", "pi-guest", "pi-plan"));
        assertThat(owners).extracting(JournalOwner::getProcessInstanceId, JournalOwner::getOrgId)
            .as("the organisation whose session was missed, not the member's")
            .containsExactlyInAnyOrder(tuple("pi-town", town.getId()), tuple("pi-guest", sibling.getId()));
        assertThat(owners).filteredOn(o -> o.getProcessInstanceId().equals("pi-guest")).singleElement()
            .satisfies(o -> assertThat(o.getTitle()).as("named by the member").startsWith("张海燕"));
        assertThat(makeups.selectJournalOwners(List.of("pi-plan"))).isEmpty();
    }

    private Makeup makeup(Person who, StudySession session, Attendance absence, OffsetDateTime at) {
        Makeup m = new Makeup();
        m.setOrgId(session.getOrgId());
        m.setSessionId(session.getId());
        m.setPersonId(who.getId());
        m.setAbsence(absence);
        m.setStatus(MakeupStatus.ASSIGNED);
        m.setDueAt(held.plusDays(30));
        m.setCreatedAt(at);
        m.setUpdatedAt(at);
        makeups.insert(m);
        return m;
    }
}
