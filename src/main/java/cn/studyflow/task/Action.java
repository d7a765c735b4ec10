package cn.studyflow.task;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One recorded action: who did what to which business object, when, at which step, with which comment. */
@Getter
@Setter
public class Action {

    private Long id;
    private String subjectType;
    private Long subjectId;
    private String processInstanceId;
    /** The process the step belongs to; null for actions outside a step. */
    private String processKey;
    private String taskId;
    private String step;
    private String stepName;
    private String action;
    private Long actorId;
    private String actorName;
    private String comment;
    /** Whom the action went to: a person, people or a step; null for most actions. */
    private String target;
    private OffsetDateTime createdAt;
}
