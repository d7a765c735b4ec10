package cn.studyflow.lecture;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One thing the progress view counts at an organisation: an entry (when entered, when given at home) or a round opened. */
@Getter
@Setter
public class ProgressFact {

    private Long orgId;
    private OffsetDateTime happenedAt;
    /** For an entry, the day the lecture was given at home (本级实讲); null for a round. */
    private LocalDate homeDay;
}
