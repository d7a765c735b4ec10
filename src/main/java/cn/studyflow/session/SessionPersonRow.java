package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.org.CurrentUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/**
 * A row about one person at one session that a process carries and someone decides: a leave request, a make-up
 * study. What they share: whose and which session it is, the organisation that decides it, its process, who decided
 * last with which comment, and the versioned save ({@link VersionedRow}). The session's title is added for pages.
 */
@Getter
@Setter
public abstract class SessionPersonRow implements VersionedRow {

    private Long id;
    private long orgId;
    private long sessionId;
    private long personId;
    private String processInstanceId;
    private Long decidedBy;
    private OffsetDateTime decidedAt;
    private String decisionComment;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;
    private int version;
    // read with the row: the decider's name; added from the session for pages
    private String deciderName;
    private String sessionTitle;

    /** Records who decided, now, and their comment (stripped; none when blank). */
    public void decided(CurrentUser decider, String comment, Clock clock) {
        decidedBy = decider.getPersonId();
        decidedAt = OffsetDateTime.now(clock);
        decisionComment = comment == null || comment.isBlank() ? null : comment.strip();
    }

    /** The row if it is this person's own; 404 for anyone else's and for no row at all. */
    public static <T extends SessionPersonRow> T own(T row, CurrentUser user) {
        if (row == null || row.getPersonId() != user.getPersonId()) {
            throw BusinessException.notFound();
        }
        return row;
    }

    /** Starts a new row of this person at this session for the organisation that decides it. */
    public void start(long forOrg, long atSession, long ofPerson, Clock clock) {
        orgId = forOrg;
        sessionId = atSession;
        personId = ofPerson;
        createdAt = OffsetDateTime.now(clock);
        updatedAt = createdAt;
    }

}
