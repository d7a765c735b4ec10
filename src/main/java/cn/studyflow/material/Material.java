package cn.studyflow.material;

import cn.studyflow.common.VersionedRow;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A study material; the author's and the session's names are read with it for lists and pages. */
public class Material implements VersionedRow {

    private Long id;
    private Long orgId;
    private Long sessionId;
    private Long authorId;
    private MaterialKind kind;
    private String title;
    private String summary;
    private MaterialStatus status;
    private int currentVersion;
    private String processInstanceId;
    private OffsetDateTime deadline;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;
    private OffsetDateTime archivedAt;
    private int version;

    private String authorName;
    private String sessionTitle;
    private Integer sessionYear;
    private Integer sessionMonth;
    private LocalDate sessionDate;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getSessionId() { return sessionId; }
    public void setSessionId(Long sessionId) { this.sessionId = sessionId; }
    public Long getAuthorId() { return authorId; }
    public void setAuthorId(Long authorId) { this.authorId = authorId; }
    public MaterialKind getKind() { return kind; }
    public void setKind(MaterialKind kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public MaterialStatus getStatus() { return status; }
    public void setStatus(MaterialStatus status) { this.status = status; }
    public int getCurrentVersion() { return currentVersion; }
    public void setCurrentVersion(int currentVersion) { this.currentVersion = currentVersion; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public OffsetDateTime getDeadline() { return deadline; }
    public void setDeadline(OffsetDateTime deadline) { this.deadline = deadline; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(OffsetDateTime updatedAt) { this.updatedAt = updatedAt; }
    public OffsetDateTime getArchivedAt() { return archivedAt; }
    public void setArchivedAt(OffsetDateTime archivedAt) { this.archivedAt = archivedAt; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public String getAuthorName() { return authorName; }
    public void setAuthorName(String authorName) { this.authorName = authorName; }
    public String getSessionTitle() { return sessionTitle; }
    public void setSessionTitle(String sessionTitle) { this.sessionTitle = sessionTitle; }
    public Integer getSessionYear() { return sessionYear; }
    public void setSessionYear(Integer sessionYear) { this.sessionYear = sessionYear; }
    public Integer getSessionMonth() { return sessionMonth; }
    public void setSessionMonth(Integer sessionMonth) { this.sessionMonth = sessionMonth; }
    public LocalDate getSessionDate() { return sessionDate; }
    public void setSessionDate(LocalDate sessionDate) { this.sessionDate = sessionDate; }

    /** Whether the deadline has passed before the material was archived. */
    public boolean isOverdue(OffsetDateTime now) {
        return status != MaterialStatus.ARCHIVED && deadline != null && deadline.isBefore(now);
    }
}
