package cn.studyflow.lecture;

import java.time.OffsetDateTime;
import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

/** One judge's score of one entry on one criterion; absent when the round closed without it. */
@Getter
@Setter
@NoArgsConstructor
@AllArgsConstructor
public class Score {

    private Long roundId;
    private Long entryId;
    private Long judgeId;
    private int position;
    private Integer score;
    private boolean absent;
    private OffsetDateTime scoredAt;
}
