package cn.studyflow.status;

/** How long one step of a process took in a period: how many were decided, the median and the 90th percentile. */
public class StageFigures {

    private String processKey;
    private String step;
    private String stepName;
    private long decided;
    private Double medianMs;
    private Double p90Ms;
    /** Open now, waiting at this step. */
    private long waiting;

    public String getProcessKey() { return processKey; }
    public void setProcessKey(String processKey) { this.processKey = processKey; }
    public String getStep() { return step; }
    public void setStep(String step) { this.step = step; }
    public String getStepName() { return stepName; }
    public void setStepName(String stepName) { this.stepName = stepName; }
    public long getDecided() { return decided; }
    public void setDecided(long decided) { this.decided = decided; }
    public Double getMedianMs() { return medianMs; }
    public void setMedianMs(Double medianMs) { this.medianMs = medianMs; }
    public Double getP90Ms() { return p90Ms; }
    public void setP90Ms(Double p90Ms) { this.p90Ms = p90Ms; }
    public long getWaiting() { return waiting; }
    public void setWaiting(long waiting) { this.waiting = waiting; }
}
