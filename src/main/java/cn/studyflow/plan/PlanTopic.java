package cn.studyflow.plan;

import lombok.Getter;
import lombok.Setter;

/** One topic (专题) of one revision of a plan. */
@Getter
@Setter
public class PlanTopic extends TopicContent {

    private Long id;
    private Long planId;
    private int revision;
    private int topicKey;
    private int seq;
    private Integer topicMonth;
}
