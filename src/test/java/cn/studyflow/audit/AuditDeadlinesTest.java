package cn.studyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit's day and acceptance window, counted from the audited session's own day and hour. */
class AuditDeadlinesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2027, 3, 25);

    final AuditDeadlines deadlines = new AuditDeadlines(null, null, null, null, null,
        new AuditProperties(30, List.of("plan"), 20, 5, 366, 2),
        Clock.fixed(Instant.parse("2027-01-10T02:00:00Z"), SHANGHAI));

    @Test
    void onTheSessionsOwnDayTheAuditorsSitInAtItsStartAndMustAnswerTwoDaysBefore() {
        LocalDateTime sitIn = AuditDeadlines.sitInAt(DAY, DAY, LocalTime.of(14, 30));

        assertThat(sitIn).isEqualTo(LocalDateTime.of(2027, 3, 25, 14, 30));
        assertThat(deadlines.acceptBy(sitIn)).isEqualTo(LocalDateTime.of(2027, 3, 23, 14, 30));
    }

    @Test
    void aSessionWithNoDayOrAnotherDayCountsFromThePlannedDayAtTheUsualHour() {
        assertThat(AuditDeadlines.sitInAt(DAY, null, null)).isEqualTo(LocalDateTime.of(2027, 3, 25, 9, 0));
        assertThat(AuditDeadlines.sitInAt(DAY, DAY.plusDays(1), LocalTime.of(14, 30)))
            .isEqualTo(LocalDateTime.of(2027, 3, 25, 9, 0));
    }

    @Test
    void aRandomAuditStaysHiddenUntilItsDayAndEveryAuditWaitsForAcceptanceUntilAcceptBy() {
        Audit random = new Audit();
        random.setAuditMode(AuditMode.RANDOM);
        random.setSessionDate(DAY);

        Map<String, Object> vars = deadlines.variables(random, LocalDateTime.of(2027, 3, 25, 14, 30));

        assertThat(vars).containsEntry(AuditSitInProcess.VAR_ACCEPT_BY, shanghai(LocalDateTime.of(2027, 3, 23, 14, 30)))
            .containsEntry(Workflow.VAR_HIDDEN_UNTIL, shanghai(DAY.atStartOfDay()));
        random.setAuditMode(AuditMode.FIXED);
        assertThat(deadlines.variables(random, LocalDateTime.of(2027, 3, 25, 14, 30)))
            .doesNotContainKey(Workflow.VAR_HIDDEN_UNTIL);
    }

    @Test
    void aRandomAuditFallsOnTheDrawnSessionsDayWhenItLiesInTheWindow() {
        SessionOption session = session(DAY);

        assertThat(AuditPlanning.randomDay(session, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31))).isEqualTo(DAY);
        assertThat(AuditPlanning.randomDay(session, DAY, DAY)).isEqualTo(DAY);
    }

    @Test
    void outsideTheWindowOrWithoutADayItFallsOnTheWindowsFirstDayInTheSessionsMonth() {
        assertThat(AuditPlanning.randomDay(session(DAY), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 20)))
            .isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(AuditPlanning.randomDay(session(null), LocalDate.of(2027, 2, 10), LocalDate.of(2027, 4, 30)))
            .isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(AuditPlanning.randomDay(session(null), LocalDate.of(2027, 3, 10), LocalDate.of(2027, 4, 30)))
            .isEqualTo(LocalDate.of(2027, 3, 10));
    }

    private static SessionOption session(LocalDate day) {
        SessionOption s = new SessionOption();
        s.setSessionYear(2027);
        s.setSessionMonth(3);
        s.setSessionDate(day);
        s.setStartTime(day == null ? null : LocalTime.of(14, 30));
        return s;
    }

    private static Date shanghai(LocalDateTime time) {
        return Date.from(time.atZone(SHANGHAI).toInstant());
    }
}
