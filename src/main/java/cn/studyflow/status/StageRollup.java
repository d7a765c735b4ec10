package cn.studyflow.status;

import lombok.Getter;
import lombok.Setter;

/** The rollups of one step summed over a scope: how many were decided, and their durations' histogram. */
@Getter
@Setter
class StageRollup {

    private String processKey;
    private String step;
    private String stepName;
    private long decided;
    private Long maxMs;
    private long h0, h1, h2, h3, h4, h5, h6, h7, h8, h9, h10, h11, h12, h13, h14, h15;

    long[] histogram() {
        return new long[] {h0, h1, h2, h3, h4, h5, h6, h7, h8, h9, h10, h11, h12, h13, h14, h15};
    }

    /** The step's figures: the median and 90th percentile read from the histogram. */
    StageFigures figures() {
        StageFigures f = new StageFigures();
        f.setProcessKey(processKey);
        f.setStep(step);
        f.setStepName(stepName);
        f.setDecided(decided);
        long max = maxMs == null ? 0 : maxMs;
        f.setMedianMs(DurationBuckets.percentile(histogram(), max, 0.5));
        f.setP90Ms(DurationBuckets.percentile(histogram(), max, 0.9));
        return f;
    }
}
