package cn.studyflow.leave;

import cn.studyflow.session.SessionPersonRow;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One person's request for leave from one session (table sf_leave). */
@Getter
@Setter
public class Leave extends SessionPersonRow {

    private LeaveReason reason;
    private String detail;
    private LeaveStatus status;
    /** When the session starts, as it was last scheduled. */
    private OffsetDateTime startsAt;
    // read with the row: names for pages
    private String applicantName;
    private String applicantUsername;
}
