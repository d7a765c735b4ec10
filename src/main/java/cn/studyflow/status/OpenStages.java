package cn.studyflow.status;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;

/**
 * The open steps of a scope at one step of one process in one organisation
 * ({@link StatusMapper#selectOpenStageCounts}): how many wait there, how many of them are past their due date now,
 * and since when the oldest waits. The dashboard reads these rows once and sums its live figures from them: overdue
 * steps per process, waiting per step, and the work waiting in each organisation.
 */
@Getter
@Setter
public class OpenStages {

    private String processKey;
    private String step;
    private String stepName;
    private long orgId;
    private long waiting;
    private long overdue;
    private OffsetDateTime since;

    /** The steps past their due date, per process. */
    static Map<String, Long> overdueByProcess(List<OpenStages> rows) {
        Map<String, Long> overdue = new LinkedHashMap<>();
        rows.forEach(r -> overdue.merge(r.processKey, r.overdue, Long::sum));
        return overdue;
    }

    /** What waits at each step of each process, the organisations summed (as {@link StatusMapper#selectWaiting}). */
    static List<StageFigures> waitingBySteps(List<OpenStages> rows) {
        Map<String, StageFigures> bySteps = new LinkedHashMap<>();
        for (OpenStages r : rows) {
            StageFigures f = bySteps.computeIfAbsent(r.processKey + "/" + r.step, k -> {
                StageFigures s = new StageFigures();
                s.setProcessKey(r.processKey);
                s.setStep(r.step);
                return s;
            });
            f.setWaiting(f.getWaiting() + r.waiting);
            if (f.getStepName() == null || r.stepName != null && r.stepName.compareTo(f.getStepName()) > 0) {
                f.setStepName(r.stepName);
            }
        }
        return List.copyOf(bySteps.values());
    }
}
