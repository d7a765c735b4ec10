package cn.studyflow.assessment;

import java.io.Serializable;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** An administrator's weight of one indicator, who set it and when. */
@Getter
@Setter
public class WeightRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private Indicator indicator;
    private int weight;
    private String updatedByName;
    private OffsetDateTime updatedAt;
}
