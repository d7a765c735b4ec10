package cn.studyflow.leave;

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
 * Every statement of LeaveMapper.xml: a request read with the applicant's and the decider's names and saved only
 * at the version it was read at; one request per person and session; who lists which requests (a member their
 * own, wherever they asked; a keeper their organisation's; an overseer several), newest first and paged; the
 * requests of a session whose process still runs; and whose leave instances are, for the status journal.
 */
@MapperTest
class LeaveMapperTest {

    @Autowired LeaveMapper leaves;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;
    @Autowired PlanMapper plans;
    @Autowired StudySessionMapper sessionMapper;

    final OffsetDateTime start = OffsetDateTime.parse("2031-03-01T09:00:00+08:00");

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
    void aRequestIsReadWithTheApplicantsAndTheDecidersNamesAndSavedOnlyAtTheVersionItWasReadAt() {
        Leave asked = leave(member, sessions.get(0), LeaveStatus.PENDING, start);

        Leave read = leaves.selectById(asked.getId());
        assertThat(read.getOrgId()).isEqualTo(town.getId());
        assertThat(read.getSessionId()).isEqualTo(sessions.get(0).getId());
        assertThat(read.getPersonId()).isEqualTo(member.getId());
        assertThat(read.getReason()).isEqualTo(LeaveReason.WORK_TRIP);
        assertThat(read.getDetail()).isEqualTo("赴市委党校参加培训");
        assertThat(read.getStatus()).isEqualTo(LeaveStatus.PENDING);
        assertThat(read.getStartsAt()).isAtSameInstantAs(start.plusDays(10));
        assertThat(read.getCreatedAt()).isAtSameInstantAs(start);
        assertThat(read.getUpdatedAt()).isAtSameInstantAs(start);
        assertThat(read.getVersion()).isZero();
        assertThat(read.getApplicantName()).isEqualTo("孙玉兰");
        assertThat(read.getApplicantUsername()).isEqualTo(member.getUsername());
        assertThat(read.getProcessInstanceId()).isNull();
        assertThat(read.getDecidedBy()).isNull();
        assertThat(read.getDeciderName()).as("undecided: no decider joined").isNull();
        Leave stale = leaves.selectById(asked.getId());

        read.setReason(LeaveReason.OTHER);
        read.setDetail("家中有急事");
        read.setStatus(LeaveStatus.APPROVED);
        read.setProcessInstanceId("pi-leave-1");
        read.setStartsAt(start.plusDays(12));
        read.setDecidedBy(leader.getId());
        read.setDecidedAt(start.plusHours(2));
        read.setDecisionComment("同意");
        read.setUpdatedAt(start.plusHours(2));
        assertThat(leaves.update(read)).isOne();
        stale.setStatus(LeaveStatus.CANCELLED);
        stale.setUpdatedAt(start.plusHours(3));
        assertThat(leaves.update(stale)).as("a form read at the old version").isZero();

        Leave after = leaves.selectById(asked.getId());
        assertThat(after.getVersion()).isEqualTo(1);
        assertThat(after.getReason()).isEqualTo(LeaveReason.OTHER);
        assertThat(after.getDetail()).isEqualTo("家中有急事");
        assertThat(after.getStatus()).isEqualTo(LeaveStatus.APPROVED);
        assertThat(after.getProcessInstanceId()).isEqualTo("pi-leave-1");
        assertThat(after.getStartsAt()).isAtSameInstantAs(start.plusDays(12));
        assertThat(after.getDecidedBy()).isEqualTo(leader.getId());
        assertThat(after.getDecidedAt()).isAtSameInstantAs(start.plusHours(2));
        assertThat(after.getDecisionComment()).isEqualTo("同意");
        assertThat(after.getUpdatedAt()).isAtSameInstantAs(start.plusHours(2));
        assertThat(after.getCreatedAt()).as("never rewritten").isAtSameInstantAs(start);
        assertThat(after.getDeciderName()).isEqualTo("王建国");
        assertThat(after.getApplicantName()).as("still the applicant, not the decider").isEqualTo("孙玉兰");
        assertThat(leaves.selectById(-1)).isNull();
    }

    @Test
    void aPersonHasOneRequestPerSessionFoundByBoth() {
        Leave own = leave(member, sessions.get(0), LeaveStatus.RETURNED, start);
        Leave otherSession = leave(member, sessions.get(1), LeaveStatus.PENDING, start);
        Leave othersRequest = leave(colleague, sessions.get(0), LeaveStatus.PENDING, start);

        assertThat(leaves.selectBySessionAndPerson(sessions.get(0).getId(), member.getId()).getId()).isEqualTo(own.getId());
        assertThat(leaves.selectBySessionAndPerson(sessions.get(1).getId(), member.getId()).getId())
            .isEqualTo(otherSession.getId());
        assertThat(leaves.selectBySessionAndPerson(sessions.get(0).getId(), colleague.getId()))
            .extracting(Leave::getId, Leave::getApplicantName).containsExactly(othersRequest.getId(), "张海燕");
        assertThat(leaves.selectBySessionAndPerson(sessions.get(1).getId(), colleague.getId())).isNull();
        assertThat(leaves.selectBySessionAndPerson(sessions.get(0).getId(), leader.getId())).isNull();

        // last: on PostgreSQL the refused statement spoils the rest of the transaction
        assertThatThrownBy(() -> leave(member, sessions.get(0), LeaveStatus.PENDING, start.plusDays(1)))
            .as("a returned request is sent again, not filed twice").isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aMemberListsTheirOwnRequestsWhereverTheyAskedNewestFirst() {
        Leave first = leave(member, sessions.get(0), LeaveStatus.APPROVED, start);
        Leave asGuest = leave(member, siblingSession, LeaveStatus.PENDING, start.plusHours(1));
        Leave latest = leave(member, sessions.get(1), LeaveStatus.PENDING, start.plusHours(2));
        leave(colleague, sessions.get(0), LeaveStatus.PENDING, start.plusHours(3));

        assertThat(leaves.selectVisible(member.getId(), Set.of(), 0, 10)).extracting(Leave::getId)
            .as("their own only, the one to another organisation's session too")
            .containsExactly(latest.getId(), asGuest.getId(), first.getId());
        assertThat(leaves.countVisible(member.getId(), Set.of())).isEqualTo(3);
        assertThat(leaves.selectVisible(leader.getId(), Set.of(), 0, 10)).as("a leader asked for nothing").isEmpty();
        assertThat(leaves.countVisible(leader.getId(), Set.of())).isZero();
    }

    @Test
    void aKeeperListsTheirOrganisationsRequestsAndAnOverseerSeveralNewestFirstAndPaged() {
        Leave first = leave(member, sessions.get(0), LeaveStatus.APPROVED, start);
        Leave second = leave(colleague, sessions.get(0), LeaveStatus.PENDING, start.plusHours(1));
        Leave sameTime = leave(member, sessions.get(1), LeaveStatus.PENDING, start.plusHours(1));
        Leave secretarysOwn = leave(secretary, siblingSession, LeaveStatus.PENDING, start.plusHours(2));
        Leave elsewhere = leave(Rows.person(people, sibling, "陈丽娟", true, Role.MEMBER), siblingSession,
            LeaveStatus.PENDING, start.plusHours(3));

        assertThat(leaves.selectVisible(secretary.getId(), Set.of(town.getId()), 0, 10)).extracting(Leave::getId)
            .as("the town's, one time broken by the later id, and the secretary's own in the sibling town")
            .containsExactly(secretarysOwn.getId(), sameTime.getId(), second.getId(), first.getId());
        assertThat(leaves.countVisible(secretary.getId(), Set.of(town.getId()))).isEqualTo(4);
        assertThat(leaves.selectVisible(secretary.getId(), Set.of(town.getId()), 1, 2)).extracting(Leave::getId)
            .containsExactly(sameTime.getId(), second.getId());
        assertThat(leaves.selectVisible(secretary.getId(), Set.of(town.getId()), 4, 2)).isEmpty();

        assertThat(leaves.selectVisible(leader.getId(), Set.of(town.getId()), 0, 10)).extracting(Leave::getId)
            .containsExactly(sameTime.getId(), second.getId(), first.getId());
        assertThat(leaves.selectVisible(leader.getId(), Set.of(town.getId(), sibling.getId()), 0, 2))
            .extracting(Leave::getId).containsExactly(elsewhere.getId(), secretarysOwn.getId());
        assertThat(leaves.countVisible(leader.getId(), Set.of(town.getId(), sibling.getId()))).isEqualTo(5);
        assertThat(leaves.countVisible(leader.getId(), Set.of(sibling.getId()))).isEqualTo(2);
    }

    @Test
    void theOpenRequestsOfASessionAreThoseWhoseProcessStillRuns() {
        Leave pending = leave(member, sessions.get(0), LeaveStatus.PENDING, start);
        leave(colleague, sessions.get(0), LeaveStatus.APPROVED, start);
        Leave returned = leave(secretary, sessions.get(0), LeaveStatus.RETURNED, start);
        leave(Rows.person(people, town, "赵丽萍", true, Role.MEMBER), sessions.get(0), LeaveStatus.CANCELLED, start);
        Leave withdrawn = leave(leader, sessions.get(0), LeaveStatus.WITHDRAWN, start);
        leave(Rows.person(people, town, "刘志强", true, Role.MEMBER), sessions.get(0), LeaveStatus.LAPSED, start);
        leave(member, sessions.get(1), LeaveStatus.PENDING, start);

        List<Leave> open = leaves.selectOpenBySession(sessions.get(0).getId());
        assertThat(open).extracting(Leave::getId)
            .containsExactly(pending.getId(), returned.getId(), withdrawn.getId());
        assertThat(open).extracting(Leave::getApplicantName).containsExactly("孙玉兰", "李文华", "王建国");
        assertThat(leaves.selectOpenBySession(siblingSession.getId())).isEmpty();
    }

    @Test
    void theJournalLearnsWhoseLeaveInstancesAreFromTheRequestThatNamesThem() {
        Leave atHome = leave(member, sessions.get(0), LeaveStatus.PENDING, start);
        Leave asGuest = leave(colleague, siblingSession, LeaveStatus.APPROVED, start);
        atHome.setProcessInstanceId("pi-town");
        asGuest.setProcessInstanceId("pi-guest");
        assertThat(leaves.update(atHome)).isOne();
        assertThat(leaves.update(asGuest)).isOne();
        leave(secretary, sessions.get(0), LeaveStatus.PENDING, start);

        List<JournalOwner> owners = leaves.selectJournalOwners(List.of("pi-town", "pi-guest", "pi-plan"));
        assertThat(owners).extracting(JournalOwner::getProcessInstanceId, JournalOwner::getOrgId)
            .as("the organisation that decides the request, not the applicant's")
            .containsExactlyInAnyOrder(tuple("pi-town", town.getId()), tuple("pi-guest", sibling.getId()));
        assertThat(owners).filteredOn(o -> o.getProcessInstanceId().equals("pi-guest")).singleElement()
            .satisfies(o -> assertThat(o.getTitle()).as("named by the applicant").startsWith("张海燕"));
        assertThat(leaves.selectJournalOwners(List.of("pi-plan"))).isEmpty();
    }

    private Leave leave(Person who, StudySession session, LeaveStatus status, OffsetDateTime at) {
        Leave l = new Leave();
        l.setOrgId(session.getOrgId());
        l.setSessionId(session.getId());
        l.setPersonId(who.getId());
        l.setReason(LeaveReason.WORK_TRIP);
        l.setDetail("赴市委党校参加培训");
        l.setStatus(status);
        l.setStartsAt(start.plusDays(10));
        l.setCreatedAt(at);
        l.setUpdatedAt(at);
        leaves.insert(l);
        return l;
    }
}
