package cn.studyflow.status;

/**
 * One process in a subtree: instances running now; started, returned for revision and completed in the
 * period; open steps past their due date.
 */
public class ProcessFigures {

    private String processKey;
    private long running;
    private long started;
    private long returned;
    private long completed;
    private long overdue;

    public String getProcessKey() { return processKey; }
    public void setProcessKey(String processKey) { this.processKey = processKey; }
    public long getRunning() { return running; }
    public void setRunning(long running) { this.running = running; }
    public long getStarted() { return started; }
    public void setStarted(long started) { this.started = started; }
    public long getReturned() { return returned; }
    public void setReturned(long returned) { this.returned = returned; }
    public long getCompleted() { return completed; }
    public void setCompleted(long completed) { this.completed = completed; }
    public long getOverdue() { return overdue; }
    public void setOverdue(long overdue) { this.overdue = overdue; }

    /** The share of the instances started in the period that were returned for revision, 0 to 1; null if none started. */
    public Double getReturnedShare() {
        return started == 0 ? null : (double) returned / started;
    }

    void add(ProcessFigures other) {
        running += other.running;
        started += other.started;
        returned += other.returned;
        completed += other.completed;
        overdue += other.overdue;
    }
}
