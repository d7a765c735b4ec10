package cn.studyflow.lecture;

import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

/** A scoring criterion of a campaign (内容、讲授、效果…) with its weight; every judge scores it 0 to 100. */
@Getter
@Setter
@NoArgsConstructor
@AllArgsConstructor
public class Criterion {

    public static final int MIN_SCORE = 0;
    public static final int MAX_SCORE = 100;

    private Long campaignId;
    private int position;
    private String name;
    private int weight;
}
