package cn.studyflow.status;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** The earliest and latest time that the changed journal rows of one organisation count at. */
@Getter
@Setter
class ChangedSpan {

    private long orgId;
    private OffsetDateTime firstAt;
    private OffsetDateTime lastAt;
}
