package cn.studyflow.task;

import java.time.OffsetDateTime;

/** One person copied in (抄送) on one business object: the record of the copy and their read grant. */
public class Copy {

    private Long id;
    private String subjectType;
    private Long subjectId;
    private String processInstanceId;
    private String step;
    private String stepName;
    private String title;
    private Long personId;
    private Long copiedBy;
    private String copiedByName;
    private String comment;
    private OffsetDateTime createdAt;
    /** The object's page; filled in when listed, from the object's provider. */
    private String link;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getSubjectType() { return subjectType; }
    public void setSubjectType(String subjectType) { this.subjectType = subjectType; }
    public Long getSubjectId() { return subjectId; }
    public void setSubjectId(Long subjectId) { this.subjectId = subjectId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public String getStep() { return step; }
    public void setStep(String step) { this.step = step; }
    public String getStepName() { return stepName; }
    public void setStepName(String stepName) { this.stepName = stepName; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Long getPersonId() { return personId; }
    public void setPersonId(Long personId) { this.personId = personId; }
    public Long getCopiedBy() { return copiedBy; }
    public void setCopiedBy(Long copiedBy) { this.copiedBy = copiedBy; }
    public String getCopiedByName() { return copiedByName; }
    public void setCopiedByName(String copiedByName) { this.copiedByName = copiedByName; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public String getLink() { return link; }
    public void setLink(String link) { this.link = link; }
}
