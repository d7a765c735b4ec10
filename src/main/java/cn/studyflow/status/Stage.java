package cn.studyflow.status;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One user-task instance of a process instance: a stage it went through or waits at. */
@Getter
@Setter
public class Stage {

    private String taskId;
    private String instanceId;
    private String processKey;
    private String step;
    private String stepName;
    private Long orgId;
    private OffsetDateTime createdAt;
    private OffsetDateTime dueAt;
    private OffsetDateTime endedAt;
    private Long durationMs;
    private String outcome;
}
