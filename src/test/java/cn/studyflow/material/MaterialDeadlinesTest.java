package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** When a material is due, counted from its session's start; and what its process waits for without a day. */
class MaterialDeadlinesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-10T02:00:00Z"), SHANGHAI);

    final MaterialDeadlines deadlines = deadlines(3, 2);

    @Test
    void aSessionAt25MarchHalfPastTwoMakesTheMaterialDueThreeDaysBeforeAtThatHourAndRemindsTwoDaysEarlier() {
        MaterialDeadlines.Due due = deadlines.from(LocalDateTime.of(2027, 3, 25, 14, 30));

        assertThat(due.deadline().toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 3, 22, 14, 30));
        assertThat(due.deadline().getZone()).isEqualTo(SHANGHAI);
        assertThat(due.reminderAt().toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 3, 20, 14, 30));
    }

    @Test
    void theConfiguredDaysAreWhatCounts() {
        MaterialDeadlines.Due due = deadlines(7, 1).from(LocalDateTime.of(2027, 3, 25, 9, 0));

        assertThat(due.deadline().toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 3, 18, 9, 0));
        assertThat(due.reminderAt().toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 3, 17, 9, 0));
    }

    @Test
    void theDeadlineCountsAcrossAMonthEnd() {
        MaterialDeadlines.Due due = deadlines.from(LocalDateTime.of(2027, 3, 2, 14, 30));

        assertThat(due.deadline().toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 2, 27, 14, 30));
        assertThat(due.reminderAt().toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 2, 25, 14, 30));
    }

    @Test
    void theProcessReadsTheDeadlineAndBothTimersFromTheDue() {
        MaterialDeadlines.Due due = deadlines.from(LocalDateTime.of(2027, 3, 25, 14, 30));

        Map<String, Object> vars = MaterialDeadlines.variables(Optional.of(due));

        Date deadline = Date.from(LocalDateTime.of(2027, 3, 22, 14, 30).atZone(SHANGHAI).toInstant());
        assertThat(vars).containsEntry(MaterialReviewProcess.VAR_DEADLINE, deadline)
            .containsEntry(MaterialReviewProcess.VAR_OVERDUE_AT, deadline)
            .containsEntry(MaterialReviewProcess.VAR_REMINDER_AT,
                Date.from(LocalDateTime.of(2027, 3, 20, 14, 30).atZone(SHANGHAI).toInstant()));
    }

    @Test
    void withoutADayTheStepsHaveNoDueDateAndTheTimersWaitForOne() {
        Map<String, Object> vars = MaterialDeadlines.variables(Optional.empty());

        assertThat(vars).containsEntry(MaterialReviewProcess.VAR_DEADLINE, null)
            .containsEntry(MaterialReviewProcess.VAR_REMINDER_AT, MaterialDeadlines.NO_DAY_YET)
            .containsEntry(MaterialReviewProcess.VAR_OVERDUE_AT, MaterialDeadlines.NO_DAY_YET);
        assertThat(MaterialDeadlines.NO_DAY_YET).isAfter(Date.from(Instant.parse("9000-01-01T00:00:00Z")));
    }

    private static MaterialDeadlines deadlines(int daysBefore, int reminderDays) {
        MaterialProperties properties = new MaterialProperties(DataSize.ofMegabytes(20), daysBefore, reminderDays);
        return new MaterialDeadlines(null, null, null, properties, null, null, null, CLOCK);
    }
}
