package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.org.CurrentUser;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * A row about one person at one session that a process carries and someone decides: a leave request, a make-up
 * study. What they share: whose and which session it is, the organisation that decides it, its process, who decided
 * last with which comment, and the versioned save ({@link VersionedRow}). The session's title is added for pages.
 */
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

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getOrgId() { return orgId; }
    public void setOrgId(long orgId) { this.orgId = orgId; }
    public long getSessionId() { return sessionId; }
    public void setSessionId(long sessionId) { this.sessionId = sessionId; }
    public long getPersonId() { return personId; }
    public void setPersonId(long personId) { this.personId = personId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public Long getDecidedBy() { return decidedBy; }
    public void setDecidedBy(Long decidedBy) { this.decidedBy = decidedBy; }
    public OffsetDateTime getDecidedAt() { return decidedAt; }
    public void setDecidedAt(OffsetDateTime decidedAt) { this.decidedAt = decidedAt; }
    public String getDecisionComment() { return decisionComment; }
    public void setDecisionComment(String decisionComment) { this.decisionComment = decisionComment; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    @Override public void setUpdatedAt(OffsetDateTime updatedAt) { this.updatedAt = updatedAt; }
    @Override public int getVersion() { return version; }
    @Override public void setVersion(int version) { this.version = version; }
    public String getDeciderName() { return deciderName; }
    public void setDeciderName(String deciderName) { this.deciderName = deciderName; }
    public String getSessionTitle() { return sessionTitle; }
    public void setSessionTitle(String sessionTitle) { this.sessionTitle = sessionTitle; }
}
