package cn.studyflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.journal.JournalOwner;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

/**
 * Every statement of YearClosingMapper.xml: a request to close a year read back with the names of its organisation,
 * requester, decider and reopener; an organisation's requests of one year, newest first; the states a request goes
 * through (the leader decides only a waiting one, only an approved one is closed, only a closed one reopened) and the
 * one waiting request a year; the closed year found per organisation and year, closed once and opened again once;
 * and whose process instances the journal names. Two towns of one county.
 */
@MapperTest
class YearClosingMapperTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-01-10T09:00:00+08:00");

    @Autowired YearClosingMapper closings;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;

    Org town;
    Org otherTown;
    Person secretary;
    Person leader;
    Person admin;

    @BeforeEach
    void tree() {
        Org county = Rows.org(orgs, "青州市委", null);
        town = Rows.org(orgs, "卞桥镇党委", county);
        otherTown = Rows.org(orgs, "王坟镇党委", county);
        secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
        leader = Rows.person(people, town, "王建国", true, Role.LEADER);
        admin = Rows.person(people, county, "孙海涛", true, Role.ADMIN);
    }

    @Test
    void aRequestIsReadBackWithItsNamesAndItsProcessInstance() {
        YearClosing c = request(town, 2025, T0);
        YearClosing other = request(otherTown, 2025, T0);
        assertThat(closings.updateProcessInstance(c.getId(), "pi-closing-1")).isOne();

        YearClosing read = closings.selectById(c.getId());
        assertThat(read.getOrgId()).isEqualTo(town.getId());
        assertThat(read.getOrgName()).isEqualTo("卞桥镇党委");
        assertThat(read.getClosingYear()).isEqualTo(2025);
        assertThat(read.getStatus()).isEqualTo(ClosingStatus.REQUESTED);
        assertThat(read.getPendingKey()).isEqualTo(town.getId() + ":2025");
        assertThat(read.getProcessInstanceId()).isEqualTo("pi-closing-1");
        assertThat(read.getRequestedBy()).isEqualTo(secretary.getId());
        assertThat(read.getRequesterName()).isEqualTo("李文华");
        assertThat(read.getRequestedAt()).isAtSameInstantAs(T0);
        assertThat(read.getRequestNote()).isEqualTo("2025年学习资料已整理齐全，请审定归档。");
        assertThat(read.getDecidedBy()).isNull();
        assertThat(read.getDeciderName()).as("not decided yet, and read all the same").isNull();
        assertThat(read.getReopenerName()).isNull();
        assertThat(closings.selectById(other.getId()).getProcessInstanceId()).as("only the row of that id").isNull();
        assertThat(closings.selectById(other.getId()).getOrgName()).isEqualTo("王坟镇党委");
        assertThat(closings.selectById(c.getId() + 1000)).isNull();
    }

    @Test
    void theRequestsOfAnOrganisationsYearAreListedNewestFirst() {
        YearClosing returned = request(town, 2025, T0);
        assertThat(decide(returned, ClosingStatus.RETURNED, "学习记录缺少第三季度的签到表")).isOne();
        YearClosing again = request(town, 2025, T0.plusDays(3));
        request(town, 2024, T0);
        request(otherTown, 2025, T0);

        assertThat(closings.selectByYear(town.getId(), 2025)).extracting(YearClosing::getId)
            .containsExactly(again.getId(), returned.getId());
        assertThat(closings.selectByYear(town.getId(), 2025)).extracting(YearClosing::getStatus)
            .containsExactly(ClosingStatus.REQUESTED, ClosingStatus.RETURNED);
        assertThat(closings.selectByYear(town.getId(), 2025).get(1).getDeciderName()).isEqualTo("王建国");
        assertThat(closings.selectByYear(town.getId(), 2023)).isEmpty();
        assertThat(closings.selectByYear(otherTown.getId(), 2025)).singleElement()
            .satisfies(c -> assertThat(c.getOrgName()).isEqualTo("王坟镇党委"));
    }

    @Test
    void theLeaderDecidesAWaitingRequestOnceAndAReturnedOneIsNeverClosed() {
        YearClosing c = request(town, 2025, T0);

        assertThat(decide(c, ClosingStatus.RETURNED, "请补充第四季度学习记录")).isOne();
        assertThat(decide(c, ClosingStatus.REQUESTED, "同意归档")).as("it no longer waits").isZero();
        YearClosing read = closings.selectById(c.getId());
        assertThat(read.getStatus()).isEqualTo(ClosingStatus.RETURNED);
        assertThat(read.getPendingKey()).as("no longer waiting").isNull();
        assertThat(read.getDecidedBy()).isEqualTo(leader.getId());
        assertThat(read.getDeciderName()).isEqualTo("王建国");
        assertThat(read.getDecidedAt()).isAtSameInstantAs(T0.plusDays(1));
        assertThat(read.getDecisionComment()).isEqualTo("请补充第四季度学习记录");
        assertThat(closings.updateClosed(c.getId())).as("a returned request closes nothing").isZero();
        assertThat(closings.selectById(c.getId()).getStatus()).isEqualTo(ClosingStatus.RETURNED);

        YearClosing next = request(town, 2025, T0.plusDays(2));
        assertThat(closings.updateClosed(next.getId())).as("not decided yet").isZero();
        assertThat(closings.selectById(next.getId()).getStatus()).isEqualTo(ClosingStatus.REQUESTED);
        assertThatThrownBy(() -> request(town, 2025, T0.plusDays(3))).as("one waiting request a year")
            .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void anApprovedRequestIsClosedAndOnlyAClosedOneIsReopened() {
        YearClosing c = request(town, 2025, T0);
        YearClosing waiting = request(otherTown, 2025, T0);
        assertThat(closings.updateReopened(c.getId(), leader.getId(), T0, "误操作")).as("not closed").isZero();

        assertThat(decide(c, ClosingStatus.REQUESTED, "同意归档")).isOne();
        assertThat(closings.selectById(c.getId()).getPendingKey()).as("approved: waiting no more").isNull();
        assertThat(closings.updateClosed(c.getId())).isOne();
        assertThat(closings.updateClosed(c.getId())).as("run again, the same").isOne();
        YearClosing closed = closings.selectById(c.getId());
        assertThat(closed.getStatus()).isEqualTo(ClosingStatus.CLOSED);
        assertThat(closed.getDecisionComment()).isEqualTo("同意归档");
        assertThat(closings.selectById(waiting.getId()).getStatus()).as("only the row of that id")
            .isEqualTo(ClosingStatus.REQUESTED);

        assertThat(closings.updateReopened(c.getId(), admin.getId(), T0.plusDays(5), "发现漏报的学习会记录")).isOne();
        assertThat(closings.updateReopened(c.getId(), leader.getId(), T0.plusDays(6), "再次重开")).as("reopened once")
            .isZero();
        assertThat(closings.updateClosed(c.getId())).as("a reopened request is not closed again").isZero();
        YearClosing reopened = closings.selectById(c.getId());
        assertThat(reopened.getStatus()).isEqualTo(ClosingStatus.REOPENED);
        assertThat(reopened.getReopenedBy()).isEqualTo(admin.getId());
        assertThat(reopened.getReopenerName()).isEqualTo("孙海涛");
        assertThat(reopened.getReopenedAt()).isAtSameInstantAs(T0.plusDays(5));
        assertThat(reopened.getReopenReason()).isEqualTo("发现漏报的学习会记录");
        assertThat(reopened.getDeciderName()).as("the decision stays on record").isEqualTo("王建国");
    }

    @Test
    void aClosedYearIsFoundPerOrganisationAndYearAndOpenedAgainOnce() {
        YearClosing c = request(town, 2025, T0);
        YearClosing other = request(otherTown, 2024, T0);
        closings.insertClosed(town.getId(), 2025, c.getId(), leader.getId(), T0.plusDays(1));
        closings.insertClosed(otherTown.getId(), 2024, other.getId(), admin.getId(), T0.plusDays(2));

        ClosedYear closed = closings.selectClosed(town.getId(), 2025);
        assertThat(closed).isNotNull();
        assertThat(closed.orgId()).isEqualTo(town.getId());
        assertThat(closed.closedYear()).isEqualTo(2025);
        assertThat(closed.closingId()).isEqualTo(c.getId());
        assertThat(closed.closedBy()).isEqualTo(leader.getId());
        assertThat(closed.closedByName()).isEqualTo("王建国");
        assertThat(closed.closedAt()).isAtSameInstantAs(T0.plusDays(1));
        assertThat(closings.selectClosed(town.getId(), 2024)).as("another year").isNull();
        assertThat(closings.selectClosed(otherTown.getId(), 2025)).as("another organisation").isNull();
        assertThat(closings.selectClosed(otherTown.getId(), 2024).closedByName()).isEqualTo("孙海涛");

        assertThat(closings.deleteClosed(town.getId(), 2024)).isZero();
        assertThat(closings.deleteClosed(town.getId(), 2025)).isOne();
        assertThat(closings.deleteClosed(town.getId(), 2025)).as("only one call opens it").isZero();
        assertThat(closings.selectClosed(town.getId(), 2025)).isNull();
        assertThat(closings.selectClosed(otherTown.getId(), 2024)).as("the other town's year stays closed").isNotNull();

        closings.insertClosed(town.getId(), 2025, c.getId(), leader.getId(), T0.plusDays(9));
        assertThat(closings.selectClosed(town.getId(), 2025).closedAt()).as("closed again")
            .isAtSameInstantAs(T0.plusDays(9));
        assertThatThrownBy(() -> closings.insertClosed(town.getId(), 2025, c.getId(), admin.getId(), T0.plusDays(10)))
            .as("a year is closed once").isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void theJournalNamesTheOrganisationAndYearOfEachProcessInstanceAsked() {
        YearClosing a = request(town, 2025, T0);
        YearClosing b = request(otherTown, 2024, T0);
        YearClosing notAsked = request(town, 2024, T0);
        closings.updateProcessInstance(a.getId(), "pi-a");
        closings.updateProcessInstance(b.getId(), "pi-b");
        closings.updateProcessInstance(notAsked.getId(), "pi-c");

        List<JournalOwner> owners = closings.selectJournalOwners(List.of("pi-a", "pi-b", "pi-unknown"));
        assertThat(owners).extracting(o -> o.getProcessInstanceId() + " " + o.getOrgId() + " " + o.getTitle())
            .containsExactlyInAnyOrder("pi-a " + town.getId() + " 卞桥镇党委 · 2025",
                "pi-b " + otherTown.getId() + " 王坟镇党委 · 2024");
        assertThat(owners).allSatisfy(o -> {
            assertThat(o.getOverseerOrgId()).isNull();
            assertThat(o.getHiddenDay()).isNull();
        });
        assertThat(closings.selectJournalOwners(List.of("pi-c"))).singleElement()
            .satisfies(o -> assertThat(o.getTitle()).isEqualTo("卞桥镇党委 · 2024"));
    }

    private int decide(YearClosing c, ClosingStatus status, String comment) {
        return closings.updateDecision(c.getId(), status, leader.getId(), T0.plusDays(1), comment);
    }

    /** The secretary's waiting request to close {@code org}'s {@code year}. */
    private YearClosing request(Org org, int year, OffsetDateTime at) {
        YearClosing c = new YearClosing();
        c.setOrgId(org.getId());
        c.setClosingYear(year);
        c.setStatus(ClosingStatus.REQUESTED);
        c.setPendingKey(YearClosing.pendingKey(org.getId(), year));
        c.setRequestedBy(secretary.getId());
        c.setRequestedAt(at);
        c.setRequestNote(year + "年学习资料已整理齐全，请审定归档。");
        closings.insert(c);
        return c;
    }
}
