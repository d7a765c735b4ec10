package cn.studyflow.status;

import lombok.Getter;
import lombok.Setter;

/**
 * One process in a subtree: instances running now; started, returned for revision and completed in the
 * period; open steps past their due date.
 */
@Getter
@Setter
public class ProcessFigures {

    private String processKey;
    private long running;
    private long started;
    private long returned;
    private long completed;
    private long overdue;

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
