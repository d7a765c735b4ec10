package cn.studyflow.status;

import lombok.Getter;
import lombok.Setter;

/** How long one step of a process took in a period: how many were decided, the median and the 90th percentile. */
@Getter
@Setter
public class StageFigures {

    private String processKey;
    private String step;
    private String stepName;
    private long decided;
    private Double medianMs;
    private Double p90Ms;
    /** Open now, waiting at this step. */
    private long waiting;
}
