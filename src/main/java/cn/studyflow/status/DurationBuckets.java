package cn.studyflow.status;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The buckets of the step-duration histograms in the rollups (columns {@code h0}..{@code h15} of
 * {@code sf_rollup_stage}), roughly doubling from a minute to thirty days, and percentiles read from them.
 * A percentile is {@code PERCENTILE_CONT}'s interpolation between two neighbouring decisions, each placed
 * evenly inside its bucket (the j-th of c decisions at {@code lower + (j + 0.5) / c × width}): since each
 * placed decision stays in the bucket of the real one, the figure is off by less than the wider of the
 * two buckets.
 */
final class DurationBuckets {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    /** The upper bound (exclusive) of every bucket but the last, which is open. */
    static final List<Long> BOUNDS = List.of(MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 4 * HOUR,
        8 * HOUR, 12 * HOUR, DAY, 2 * DAY, 4 * DAY, 7 * DAY, 14 * DAY, 30 * DAY);

    /** How many buckets a histogram has. */
    static final int COUNT = BOUNDS.size() + 1;

    /** A bucket's bounds in milliseconds, lower inclusive, upper exclusive; null where it is open. */
    record Bucket(Long lower, Long upper) {
    }

    /** Every bucket in order, as the rollup job counts them. */
    static final List<Bucket> ALL = IntStream.range(0, COUNT)
        .mapToObj(b -> new Bucket(b == 0 ? null : BOUNDS.get(b - 1), b < BOUNDS.size() ? BOUNDS.get(b) : null)).toList();

    private DurationBuckets() {
    }

    /** The bucket of a duration in milliseconds. */
    static int of(long ms) {
        int bucket = 0;
        while (bucket < BOUNDS.size() && ms >= BOUNDS.get(bucket)) {
            bucket++;
        }
        return bucket;
    }

    static long lower(int bucket) {
        return bucket == 0 ? 0 : BOUNDS.get(bucket - 1);
    }

    /** The upper bound of a bucket; the last one's is the longest duration it holds. */
    static long upper(int bucket, long maxMs) {
        return bucket < BOUNDS.size() ? BOUNDS.get(bucket) : Math.max(maxMs, lower(bucket));
    }

    /**
     * The {@code p}-th quantile (0 to 1) of the durations counted in {@code histogram}, the longest of which
     * took {@code maxMs}; null when it counts none.
     */
    static Double percentile(long[] histogram, long maxMs, double p) {
        long n = 0;
        for (long c : histogram) {
            n += c;
        }
        if (n == 0) {
            return null;
        }
        double position = p * (n - 1);
        long k = (long) Math.floor(position);
        double below = placed(histogram, maxMs, k);
        return k + 1 < n ? below + (position - k) * (placed(histogram, maxMs, k + 1) - below) : below;
    }

    /** Where the {@code rank}-th shortest duration (from 0) is placed: evenly spread inside its bucket. */
    private static double placed(long[] histogram, long maxMs, long rank) {
        long before = 0;
        int bucket = 0;
        while (before + histogram[bucket] <= rank) {
            before += histogram[bucket];
            bucket++;
        }
        long lower = lower(bucket);
        double width = upper(bucket, maxMs) - lower;
        return lower + (rank - before + 0.5) / histogram[bucket] * width;
    }
}
