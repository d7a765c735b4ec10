package cn.studyflow.plan;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** A revision of a plan; frozen once {@code submittedAt} is set. */
@Getter
@Setter
public class PlanRevision {

    private Long planId;
    private int revision;
    private Long submittedBy;
    private String submittedByName;
    private OffsetDateTime submittedAt;
}
