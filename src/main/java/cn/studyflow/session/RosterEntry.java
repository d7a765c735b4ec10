package cn.studyflow.session;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One person on a session's roster and how they attended. */
@Getter
@Setter
public class RosterEntry {

    private long sessionId;
    private long personId;
    private Part part;
    private Attendance attendance;
    private OffsetDateTime signedAt;
    private Long markedBy;
    private String markReason;
    private boolean madeUp;
}
