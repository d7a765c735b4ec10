package cn.studyflow.task;

import java.time.OffsetDateTime;

/** One recorded action: who did what to which business object, when, at which step, with which comment. */
public class Action {

    private Long id;
    private String subjectType;
    private Long subjectId;
    private String processInstanceId;
    private String taskId;
    private String step;
    private String stepName;
    private String action;
    private Long actorId;
    private String actorName;
    private String comment;
    private String target;
    private OffsetDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getSubjectType() { return subjectType; }
    public void setSubjectType(String subjectType) { this.subjectType = subjectType; }
    public Long getSubjectId() { return subjectId; }
    public void setSubjectId(Long subjectId) { this.subjectId = subjectId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public String getStep() { return step; }
    public void setStep(String step) { this.step = step; }
    public String getStepName() { return stepName; }
    public void setStepName(String stepName) { this.stepName = stepName; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public Long getActorId() { return actorId; }
    public void setActorId(Long actorId) { this.actorId = actorId; }
    public String getActorName() { return actorName; }
    public void setActorName(String actorName) { this.actorName = actorName; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    /** Whom the action went to: a person, people or a step; null for most actions. */
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
}
