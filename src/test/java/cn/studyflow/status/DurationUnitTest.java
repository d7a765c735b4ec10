package cn.studyflow.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The step-duration chart is drawn in a unit its data reads well in, and a short step still has a bar. */
class DurationUnitTest {

    private static final double MINUTE = 60_000;
    private static final double HOUR = 60 * MINUTE;
    private static final double DAY = 24 * HOUR;

    @Test
    void stepsUnderAnHourAreDrawnInMinutesWithABarEach() {
        DurationUnit unit = DurationUnit.forLongest(Arrays.asList(3 * MINUTE, 40 * MINUTE, null));
        assertThat(unit).isEqualTo(DurationUnit.MINUTES);
        assertThat(unit.label()).isEqualTo("status.minutes");
        assertThat(unit.of(3 * MINUTE)).isEqualTo(3.0);
        assertThat(unit.of(20_000.0)).as("twenty seconds").isEqualTo(0.33);
    }

    @Test
    void stepsOfHoursAreDrawnInHoursAndLongOnesInDays() {
        assertThat(DurationUnit.forLongest(Arrays.asList(10 * MINUTE, 5 * HOUR))).isEqualTo(DurationUnit.HOURS);
        assertThat(DurationUnit.HOURS.of(90 * MINUTE)).isEqualTo(1.5);
        assertThat(DurationUnit.forLongest(Arrays.asList(2 * HOUR, 9 * DAY))).isEqualTo(DurationUnit.DAYS);
        assertThat(DurationUnit.DAYS.of(36 * HOUR)).isEqualTo(1.5);
    }

    @Test
    void aShortStepBesideLongOnesIsNeverZero() {
        assertThat(DurationUnit.DAYS.of(2 * MINUTE)).as("two minutes among days").isEqualTo(0.01);
        assertThat(DurationUnit.DAYS.of(0.0)).isEqualTo(0.0);
        assertThat(DurationUnit.DAYS.of(null)).isNull();
    }

    @Test
    void stepsUnderAMinuteAreDrawnInSecondsAndNoDataToo() {
        DurationUnit unit = DurationUnit.forLongest(Arrays.asList(800.0, 42_000.0));
        assertThat(unit).isEqualTo(DurationUnit.SECONDS);
        assertThat(unit.of(800.0)).isEqualTo(0.8);
        assertThat(DurationUnit.forLongest(Arrays.asList())).isEqualTo(DurationUnit.SECONDS);
    }
}
