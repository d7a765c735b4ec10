package cn.studyflow.status;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One process instance as the managers' lists show it. */
@Getter
@Setter
public class InstanceRow {

    private String id;
    private String processKey;
    private String businessKey;
    private Long orgId;
    private String orgName;
    private String title;
    private String state;
    private int returns;
    private int withdrawals;
    private OffsetDateTime startedAt;
    private OffsetDateTime endedAt;
    /** The names of the steps it waits at, joined; filled for a page of rows at once. */
    private String currentSteps;
}
