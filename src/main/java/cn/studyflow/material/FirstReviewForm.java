package cn.studyflow.material;

import cn.studyflow.task.Decision;

/**
 * The office's first review (初审): approve or return, and to approve, the explicit confirmation that the
 * material holds no classified content (不涉密).
 */
public class FirstReviewForm {

    private Decision decision;
    private boolean notClassified;
    private String comment;

    public Decision getDecision() { return decision; }
    public void setDecision(Decision decision) { this.decision = decision; }
    public boolean isNotClassified() { return notClassified; }
    public void setNotClassified(boolean notClassified) { this.notClassified = notClassified; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
