package cn.studyflow.plan;

import java.time.OffsetDateTime;

/** A revision of a plan; frozen once {@code submittedAt} is set. */
public class PlanRevision {

    private Long planId;
    private int revision;
    private Long submittedBy;
    private String submittedByName;
    private OffsetDateTime submittedAt;

    public Long getPlanId() { return planId; }
    public void setPlanId(Long planId) { this.planId = planId; }
    public int getRevision() { return revision; }
    public void setRevision(int revision) { this.revision = revision; }
    public Long getSubmittedBy() { return submittedBy; }
    public void setSubmittedBy(Long submittedBy) { this.submittedBy = submittedBy; }
    public String getSubmittedByName() { return submittedByName; }
    public void setSubmittedByName(String submittedByName) { this.submittedByName = submittedByName; }
    public OffsetDateTime getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(OffsetDateTime submittedAt) { this.submittedAt = submittedAt; }
}
