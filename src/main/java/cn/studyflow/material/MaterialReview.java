package cn.studyflow.material;

import cn.studyflow.task.Decision;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A reviewer's decision on one version of a material, with the checklist of the second review. */
public class MaterialReview extends VersionRow {

    private String taskId;
    private String step;
    private Long reviewerId;
    private String reviewerName;
    private Decision decision;
    private String comment;
    private Boolean notClassified;
    private OffsetDateTime createdAt;
    private List<MaterialCheck> checks = new ArrayList<>();

    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public String getStep() { return step; }
    public void setStep(String step) { this.step = step; }
    public Long getReviewerId() { return reviewerId; }
    public void setReviewerId(Long reviewerId) { this.reviewerId = reviewerId; }
    public String getReviewerName() { return reviewerName; }
    public void setReviewerName(String reviewerName) { this.reviewerName = reviewerName; }
    public Decision getDecision() { return decision; }
    public void setDecision(Decision decision) { this.decision = decision; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public Boolean getNotClassified() { return notClassified; }
    public void setNotClassified(Boolean notClassified) { this.notClassified = notClassified; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public List<MaterialCheck> getChecks() { return checks; }
    public void setChecks(List<MaterialCheck> checks) { this.checks = checks; }
}
