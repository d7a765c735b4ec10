package cn.studyflow.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Percentiles read from a histogram of step durations, against answers worked out by hand and against the exact ones. */
class DurationBucketsTest {

    static final long MINUTE = 60_000;
    static final long HOUR = 3_600_000;
    static final long DAY = 24 * HOUR;

    @Test
    void durationsFallIntoRoughlyDoublingBucketsFromAMinuteToThirtyDays() {
        assertThat(DurationBuckets.COUNT).isEqualTo(16);
        assertThat(DurationBuckets.of(0)).isZero();
        assertThat(DurationBuckets.of(MINUTE - 1)).isZero();
        assertThat(DurationBuckets.of(MINUTE)).isEqualTo(1);
        assertThat(DurationBuckets.of(3 * HOUR)).as("[2 h, 4 h)").isEqualTo(6);
        assertThat(DurationBuckets.of(10 * HOUR)).as("[8 h, 12 h)").isEqualTo(8);
        assertThat(DurationBuckets.of(30 * DAY)).as("thirty days and more").isEqualTo(15);
        assertThat(DurationBuckets.ALL).hasSize(16);
        assertThat(DurationBuckets.ALL.get(0).lower()).isNull();
        assertThat(DurationBuckets.ALL.get(15).upper()).isNull();
    }

    /**
     * 1, 2, 3, 4 and 10 hours fall into [1 h, 2 h), [2 h, 4 h) twice, [4 h, 8 h) and [8 h, 12 h); placed evenly in
     * their buckets they are 1.5, 2.5, 3.5, 6 and 10 hours. The median is the third: 3.5 h (exactly 3 h). The 90th
     * percentile lies 0.6 of the way from the fourth to the fifth: 6 + 0.6 × 4 = 8.4 h (exactly 7.6 h).
     */
    @Test
    void medianAndNinetiethPercentileOfAHandWorkedHistogram() {
        long[] histogram = histogram(1 * HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 10 * HOUR);

        assertThat(DurationBuckets.percentile(histogram, 10 * HOUR, 0.5)).isCloseTo(3.5 * HOUR, within(1.0));
        assertThat(DurationBuckets.percentile(histogram, 10 * HOUR, 0.9)).isCloseTo(8.4 * HOUR, within(1.0));
    }

    @Test
    void aSingleDurationIsTheMiddleOfItsBucketAndTheLastBucketEndsAtTheLongest() {
        assertThat(DurationBuckets.percentile(histogram(90 * MINUTE), 90 * MINUTE, 0.5)).isCloseTo(1.5 * HOUR, within(1.0));
        assertThat(DurationBuckets.percentile(histogram(40 * DAY), 40 * DAY, 0.9)).as("between 30 and 40 days")
            .isCloseTo(35.0 * DAY, within(1.0));
        assertThat(DurationBuckets.percentile(new long[DurationBuckets.COUNT], 0, 0.5)).isNull();
    }

    @Test
    void aPercentileIsWithinTheWidthOfTheBucketsOfTheDecisionsItLiesBetween() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            long[] durations = new long[1 + random.nextInt(40)];
            for (int i = 0; i < durations.length; i++) {
                durations[i] = (long) Math.exp(random.nextDouble() * Math.log(60.0 * DAY));
            }
            Arrays.sort(durations);
            long max = durations[durations.length - 1];
            for (double p : new double[] {0.5, 0.9}) {
                double position = p * (durations.length - 1);
                int k = (int) position;
                int next = Math.min(k + 1, durations.length - 1);
                double exact = durations[k] + (position - k) * (durations[next] - durations[k]);
                double width = Math.max(width(durations[k], max), width(durations[next], max));
                assertThat(DurationBuckets.percentile(histogram(durations), max, p))
                    .as("p%s of %s", p, Arrays.toString(durations)).isCloseTo(exact, within(width));
            }
        }
    }

    private static double width(long duration, long max) {
        int bucket = DurationBuckets.of(duration);
        return DurationBuckets.upper(bucket, max) - DurationBuckets.lower(bucket);
    }

    static long[] histogram(long... durations) {
        long[] histogram = new long[DurationBuckets.COUNT];
        for (long d : durations) {
            histogram[DurationBuckets.of(d)]++;
        }
        return histogram;
    }
}
