package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.studyflow.org.ClosedYears;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Scope;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.support.MapperTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sessions as audits see them, asked of {@code session}'s API: every read of audits carries its session's title
 * and day; the sessions open to an audit are the scheduled ones of the months without an audit that stands, in the
 * order of month and the organisation's place in the tree; a booking has its session's hours only when the audit
 * sits in on the session's own day.
 */
@MapperTest
@Import({AuditSessions.class, SessionService.class, OrgService.class, Scope.class, AuditSessionsTest.OpenYears.class})
class AuditSessionsTest extends AuditMapperFixture {

    @Autowired AuditSessions auditSessions;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyReadOfAuditsCarriesItsSessionsTitleAndDay() {
        StudySession dated = townSessions.get(0);
        held(dated, LocalDate.of(YEAR, 3, 10), LocalTime.of(9, 0), LocalTime.of(11, 0));
        StoredDraw draw = draw(StoredDraw.Kind.SESSIONS, dept, now);
        Audit ofDated = audit(dated, AuditMode.RANDOM, AuditStatus.ASSIGNING, LocalDate.of(YEAR, 3, 10), draw);
        Audit ofUndated = audit(townSessions.get(1), AuditMode.RANDOM, AuditStatus.ASSIGNING, LocalDate.of(YEAR, 4, 1), draw);

        Audit read = auditSessions.audit(ofDated.getId());
        assertThat(read.getSessionTitle()).isEqualTo("专题3");
        assertThat(read.getSessionDay()).isEqualTo(LocalDate.of(YEAR, 3, 10));
        assertThat(read.getOrgName()).isEqualTo("卞桥镇党委");
        assertThat(auditSessions.audit(ofUndated.getId()).getSessionDay()).as("a session with no day yet").isNull();
        assertThat(auditSessions.audit(-1L)).isNull();
        assertThat(auditSessions.visible(new AuditQuery(dept.getId(), county.getId(), county.getPath(), true,
            LocalDate.of(YEAR, 1, 1), null, null, null, null, false, 0, 10)))
            .extracting(Audit::getId, Audit::getSessionTitle, Audit::getSessionDay).as("newest first")
            .containsExactly(tuple(ofUndated.getId(), "专题4", null),
                tuple(ofDated.getId(), "专题3", LocalDate.of(YEAR, 3, 10)));
        assertThat(auditSessions.ofDraw(draw.getId()))
            .extracting(Audit::getId, Audit::getSessionTitle, Audit::getSessionDay).as("in the order drawn")
            .containsExactly(tuple(ofDated.getId(), "专题3", LocalDate.of(YEAR, 3, 10)),
                tuple(ofUndated.getId(), "专题4", null));
    }

    @Test
    void openSessionsAreScheduledOnesInTheMonthsWithoutAStandingAuditByMonthThenByTheOrganisationsPath() {
        StudySession audited = townSessions.get(0);
        StudySession declinedOnce = townSessions.get(1);
        audit(audited, AuditMode.FIXED, AuditStatus.ASSIGNING, LocalDate.of(YEAR, 3, 10));
        audit(declinedOnce, AuditMode.INVITED, AuditStatus.DECLINED, LocalDate.of(YEAR, 4, 10));
        held(declinedOnce, LocalDate.of(YEAR, 4, 10), LocalTime.of(14, 0), LocalTime.of(16, 30));
        jdbc.update("UPDATE sf_study_session SET status = 'CANCELLED' WHERE id = ?", townSessions.get(2).getId());
        List<Long> both = List.of(sibling.getId(), town.getId());

        List<SessionOption> open = auditSessions.open(both, YearMonth.of(YEAR, 3), YearMonth.of(YEAR, 4));

        boolean townFirst = town.getPath().compareTo(sibling.getPath()) < 0;
        StudySession siblingsApril = siblingSessions.get(1);

        assertThat(open).extracting(SessionOption::getId)
            .as("March before April, in April by the organisations' paths; the audited one left out, the declined one"
                + " offered again")
            .containsExactly(siblingSessions.get(0).getId(), townFirst ? declinedOnce.getId() : siblingsApril.getId(),
                townFirst ? siblingsApril.getId() : declinedOnce.getId());
        assertThat(open).extracting(SessionOption::getOrgName, SessionOption::getOrgPath).contains(
            tuple("王坟镇党委", sibling.getPath()), tuple("卞桥镇党委", town.getPath()));
        assertThat(open.get(townFirst ? 1 : 2)).satisfies(o -> {
            assertThat(o.getTitle()).isEqualTo("专题4");
            assertThat(o.getSessionDate()).isEqualTo(LocalDate.of(YEAR, 4, 10));
            assertThat(o.getStartTime()).isEqualTo(LocalTime.of(14, 0));
            assertThat(o.getEndTime()).isEqualTo(LocalTime.of(16, 30));
        });
        audit(siblingSessions.get(0), AuditMode.FIXED, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 3, 12));
        assertThat(auditSessions.open(both, YearMonth.of(YEAR, 1), YearMonth.of(YEAR, 12)))
            .extracting(SessionOption::getId).as("the cancelled May one is not offered")
            .containsExactly(townFirst ? declinedOnce.getId() : siblingsApril.getId(),
                townFirst ? siblingsApril.getId() : declinedOnce.getId());
        assertThat(auditSessions.open(List.of(town.getId()), YearMonth.of(YEAR + 1, 1), YearMonth.of(YEAR + 1, 12)))
            .isEmpty();
        assertThat(auditSessions.open(List.of(), YearMonth.of(YEAR, 1), YearMonth.of(YEAR, 12))).isEmpty();
    }

    @Test
    void oneSessionIsOfferedWithItsOrganisationWhateverItsAudits() {
        StudySession audited = townSessions.get(1);
        audit(audited, AuditMode.FIXED, AuditStatus.ASSIGNING, LocalDate.of(YEAR, 4, 10));

        SessionOption option = auditSessions.option(audited.getId());

        assertThat(option.getOrgId()).isEqualTo(town.getId());
        assertThat(option.getOrgName()).isEqualTo("卞桥镇党委");
        assertThat(option.getOrgPath()).isEqualTo(town.getPath());
        assertThat(option.getSessionYear()).isEqualTo(YEAR);
        assertThat(option.getSessionMonth()).isEqualTo(4);
        assertThat(option.getTitle()).isEqualTo("专题4");
        assertThat(option.getSpeaker()).isEqualTo("王建国");
        assertThat(option.getSessionDate()).isNull();
        assertThat(auditSessions.option(-1L)).isNull();
    }

    @Test
    void aBookingHasItsSessionsHoursOnlyWhenTheAuditSitsInOnTheSessionsOwnDay() {
        held(townSessions.get(0), LocalDate.of(YEAR, 3, 10), LocalTime.of(9, 0), LocalTime.of(11, 0));
        held(townSessions.get(1), LocalDate.of(YEAR, 4, 10), LocalTime.of(14, 0), LocalTime.of(16, 0));
        Audit onItsDay = audit(townSessions.get(0), AuditMode.FIXED, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 3, 10));
        Audit onAnotherDay = audit(townSessions.get(1), AuditMode.FIXED, AuditStatus.SCHEDULED, LocalDate.of(YEAR, 4, 9));
        Audit ofAnUndatedSession = audit(siblingSessions.get(0), AuditMode.RANDOM, AuditStatus.SCHEDULED,
            LocalDate.of(YEAR, 3, 20));
        for (Audit audit : List.of(onItsDay, onAnotherDay, ofAnUndatedSession)) {
            assign(audit, countyAuditor, true, AssignmentStatus.ACCEPTED, null);
        }

        Map<Long, AuditMapper.Booked> booked = auditSessions.bookings(LocalDate.of(YEAR, 3, 1), LocalDate.of(YEAR, 4, 30))
            .stream().collect(Collectors.toMap(AuditMapper.Booked::getAuditId, b -> b));

        assertThat(booked).containsOnlyKeys(onItsDay.getId(), onAnotherDay.getId(), ofAnUndatedSession.getId());
        assertThat(booked.get(onItsDay.getId()).slot())
            .isEqualTo(new AuditDraw.Slot(LocalDate.of(YEAR, 3, 10), LocalTime.of(9, 0), LocalTime.of(11, 0)));
        assertThat(booked.get(onAnotherDay.getId()).slot()).as("the session is held the day after")
            .isEqualTo(new AuditDraw.Slot(LocalDate.of(YEAR, 4, 9), null, null));
        assertThat(booked.get(ofAnUndatedSession.getId()).slot())
            .isEqualTo(new AuditDraw.Slot(LocalDate.of(YEAR, 3, 20), null, null));
        assertThat(auditSessions.bookings(LocalDate.of(YEAR, 5, 1), LocalDate.of(YEAR, 5, 31))).isEmpty();
    }

    private void held(StudySession session, LocalDate day, LocalTime start, LocalTime end) {
        jdbc.update("UPDATE sf_study_session SET session_date = ?, start_time = ?, end_time = ? WHERE id = ?", day, start,
            end, session.getId());
    }

    /** No year is closed: the sessions read here are never written. */
    static class OpenYears implements ClosedYears {

        @Override
        public boolean isClosed(long orgId, int year) {
            return false;
        }

        @Override
        public void requireOpen(long orgId, int year) {
        }
    }
}
