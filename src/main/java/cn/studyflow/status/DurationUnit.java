package cn.studyflow.status;

import java.util.Collection;
import java.util.Objects;

/**
 * The unit a chart of durations is drawn in, chosen from its data: seconds when the longest is under a minute,
 * minutes under an hour, hours under two days, days above (as {@link StatusLabels#duration} writes a single one). A duration that is
 * not zero never rounds down to a bar of nothing.
 */
enum DurationUnit {
    SECONDS(1_000L, "status.seconds"), MINUTES(60_000L, "status.minutes"), HOURS(3_600_000L, "status.hours"), DAYS(86_400_000L, "status.days");

    private final long ms;
    private final String label;

    DurationUnit(long ms, String label) {
        this.ms = ms;
        this.label = label;
    }

    /** The unit that suits the longest of these durations (in milliseconds; nulls are skipped). */
    static DurationUnit forLongest(Collection<Double> durations) {
        double longest = durations.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
        if (longest < MINUTES.ms) {
            return SECONDS;
        }
        if (longest < HOURS.ms) {
            return MINUTES;
        }
        return longest < 2 * DAYS.ms ? HOURS : DAYS;
    }

    /** A duration in this unit to two decimals; at least 0.01 when it is not zero, so its bar shows. */
    Double of(Double durationMs) {
        if (durationMs == null) {
            return null;
        }
        double value = Math.round(durationMs / ms * 100) / 100.0;
        return value == 0 && durationMs > 0 ? 0.01 : value;
    }

    String label() {
        return label;
    }
}
