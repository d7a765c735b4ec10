package cn.studyflow.session;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import cn.studyflow.common.VersionedRow;
import lombok.Getter;
import lombok.Setter;

@Getter
@Setter
public class StudySession extends SessionHours implements VersionedRow {

    private Long id;
    private Long orgId;
    private Long planId;
    private int topicKey;
    private int sessionYear;
    private int sessionMonth;
    /** The day of the session once it is fixed; null while only its month is known. */
    private LocalDate sessionDate;
    private String title;
    private String format;
    private String speaker;
    private boolean enlarged;
    private String participants;
    private String status;
    private OffsetDateTime createdAt;
    private Long chairId;
    private String minutes;
    private OffsetDateTime heldAt;
    private String cancelReason;
    private OffsetDateTime signinOpenedAt;
    private OffsetDateTime signinClosedAt;
    /** The secret the rotating sign-in code is derived from while sign-in is open; never shown. */
    private String signinSecret;
    private int version;
    /** Who proposed a session that no plan topic holds, and the leader who approved or refused it. */
    private Long proposedBy;
    private Long decidedBy;
    private OffsetDateTime updatedAt;
}
