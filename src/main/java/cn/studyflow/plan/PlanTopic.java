package cn.studyflow.plan;

/** One topic (专题) of one revision of a plan. */
public class PlanTopic extends TopicContent {

    private Long id;
    private Long planId;
    private int revision;
    private int topicKey;
    private int seq;
    private int topicMonth;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getPlanId() { return planId; }
    public void setPlanId(Long planId) { this.planId = planId; }
    public int getRevision() { return revision; }
    public void setRevision(int revision) { this.revision = revision; }
    public int getTopicKey() { return topicKey; }
    public void setTopicKey(int topicKey) { this.topicKey = topicKey; }
    public int getSeq() { return seq; }
    public void setSeq(int seq) { this.seq = seq; }
    public int getTopicMonth() { return topicMonth; }
    public void setTopicMonth(int topicMonth) { this.topicMonth = topicMonth; }
}
