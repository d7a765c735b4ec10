package cn.studyflow.credits;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CadreRank;
import cn.studyflow.org.ClosedYears;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Part;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Credits accrue from each source under the default rule of application.yml (session 1, half a day of three hours or
 * more 2, chairing or speaking 1 besides, a research report 2, a make-up half of the session's), worked out by hand.
 */
class CreditAccrualTest extends CreditFixture {

    static final int YEAR = 2025;

    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;

    long shortSession;
    long halfDay;

    @Override
    protected String townName() {
        return "学分累计镇党委";
    }

    @BeforeEach
    void year() {
        rank(group.leader(), CadreRank.SENIOR);
        rank(group.member(), CadreRank.SECTION);
        rank(group.member2(), CadreRank.SECTION);
        // two hours: a session; three and a half: half a day
        shortSession = held(LocalDate.of(YEAR, 3, 10), LocalTime.of(9, 0), LocalTime.of(11, 0));
        attended(shortSession, group.leader(), Part.CHAIR, Attendance.PRESENT);
        attended(shortSession, group.member(), Part.MEMBER, Attendance.PRESENT);
        attended(shortSession, group.member2(), Part.MEMBER, Attendance.ABSENT);
        halfDay = held(LocalDate.of(YEAR, 5, 12), LocalTime.of(9, 0), LocalTime.of(12, 30));
        attended(halfDay, group.leader(), Part.SPEAKER, Attendance.PRESENT);
        attended(halfDay, group.member(), Part.MEMBER, Attendance.LATE);
        attended(halfDay, group.member2(), Part.MEMBER, Attendance.LEAVE);
        // a scheduled session (not held) earns nothing, whoever is on its roster
        long notHeld = group.sessions().at(LocalDate.of(YEAR, 6, 2).atTime(9, 0));
        attended(notHeld, group.member(), Part.MEMBER, Attendance.PRESENT);
        material(halfDay, group.member(), "RESEARCH_REPORT", "ARCHIVED", LocalDate.of(YEAR, 6, 1));
        material(halfDay, group.member2(), "SPEECH", "SUBMITTED", null);
        makeup(halfDay, group.member2(), "ACCEPTED", LocalDate.of(YEAR, 5, 13), LocalDate.of(YEAR, 6, 20));
        makeup(shortSession, group.member2(), "SUBMITTED", LocalDate.of(YEAR, 3, 11), null);
    }

    @Test
    void creditsAccrueFromAttendanceLeadingMaterialsAndMakeUpsAsWorkedOutByHand() {
        ledger.refresh(group.org().getId(), YEAR);

        // leader: chaired the short session 1 + 1, spoke at the half day 2 + 1
        assertThat(standing(group.leader(), YEAR).earned()).isEqualByComparingTo("5");
        // member: present 1, late at the half day 2, a research report 2
        assertThat(standing(group.member(), YEAR).earned()).isEqualByComparingTo("5");
        // member2: absent and on leave earn nothing; the accepted make-up of the half day earns 0.5 × 2
        assertThat(standing(group.member2(), YEAR).earned()).isEqualByComparingTo("1");
        assertThat(standing(group.leader(), YEAR).target()).isEqualByComparingTo("18");
        assertThat(standing(group.leader(), YEAR).shortBy()).isEqualByComparingTo("13");
        assertThat(standing(group.member(), YEAR).shortBy()).isEqualByComparingTo("7");
        assertThat(standing(group.office(), YEAR).isShort()).as("no rank, no target").isFalse();
    }

    @Test
    void everyLineSaysWhereItCameFrom() {
        ledger.refresh(group.org().getId(), YEAR);

        List<CreditLine> member = standings.lines(group.member().getPersonId(), YEAR);
        assertThat(member).extracting(CreditLine::getKind, CreditLine::getLink, CreditLine::getCredits)
            .extracting(t -> t.toList().get(0) + " " + t.toList().get(1) + " " + ((BigDecimal) t.toList().get(2)).stripTrailingZeros().toPlainString())
            .containsExactly("ATTENDANCE /sessions/" + shortSession + " 1", "ATTENDANCE /sessions/" + halfDay + " 2",
                "MATERIAL " + member.get(2).getLink() + " 2");
        assertThat(member.get(2).getLink()).startsWith("/materials/");
        List<CreditLine> member2 = standings.lines(group.member2().getPersonId(), YEAR);
        assertThat(member2).singleElement().satisfies(l -> {
            assertThat(l.getKind()).isEqualTo(CreditFact.Kind.MAKEUP);
            assertThat(l.getLink()).startsWith("/makeups/");
            assertThat(l.getFactDay()).isEqualTo(LocalDate.of(YEAR, 6, 20));
        });
        assertThat(standings.lines(group.leader().getPersonId(), YEAR)).extracting(CreditLine::getDetail)
            .containsExactly("PRESENT", "CHAIR", "PRESENT", "SPEAKER");
    }

    @Test
    void aClosedYearKeepsItsLinesUntilItIsReopened() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> events.publishEvent(
            new ClosedYears.Closed(group.org().getId(), YEAR, group.leader().getPersonId())));
        // what happens after the closing (a late approval) does not change the closed year
        material(halfDay, group.member(), "RESEARCH_REPORT", "ARCHIVED", LocalDate.of(YEAR, 11, 2));

        assertThat(ledger.refresh(group.org().getId(), YEAR)).isFalse();
        assertThat(standing(group.member(), YEAR).earned()).isEqualByComparingTo("5");
        assertThat(standing(group.member(), YEAR).frozen()).isTrue();
        assertThat(standings.lines(group.member().getPersonId(), YEAR)).hasSize(3);

        tx.executeWithoutResult(s -> events.publishEvent(
            new ClosedYears.Reopened(group.org().getId(), YEAR, group.leader().getPersonId(), "补录材料")));

        assertThat(standing(group.member(), YEAR).earned()).isEqualByComparingTo("7");
        assertThat(standing(group.member(), YEAR).frozen()).isFalse();
    }
}
