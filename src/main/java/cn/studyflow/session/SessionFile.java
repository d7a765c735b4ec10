package cn.studyflow.session;

import java.time.OffsetDateTime;

/** A photo or the sign-in sheet of a session, stored under a generated name; {@code uploaderName} for the page. */
public class SessionFile {

    private Long id;
    private long sessionId;
    private SessionFileKind kind;
    private String storedName;
    private String originalName;
    private SessionFileType fileType;
    private long sizeBytes;
    private String sha256;
    private long uploadedBy;
    private String uploaderName;
    private OffsetDateTime uploadedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getSessionId() { return sessionId; }
    public void setSessionId(long sessionId) { this.sessionId = sessionId; }
    public SessionFileKind getKind() { return kind; }
    public void setKind(SessionFileKind kind) { this.kind = kind; }
    public String getStoredName() { return storedName; }
    public void setStoredName(String storedName) { this.storedName = storedName; }
    public String getOriginalName() { return originalName; }
    public void setOriginalName(String originalName) { this.originalName = originalName; }
    public SessionFileType getFileType() { return fileType; }
    public void setFileType(SessionFileType fileType) { this.fileType = fileType; }
    public long getSizeBytes() { return sizeBytes; }
    public void setSizeBytes(long sizeBytes) { this.sizeBytes = sizeBytes; }
    public String getSha256() { return sha256; }
    public void setSha256(String sha256) { this.sha256 = sha256; }
    public long getUploadedBy() { return uploadedBy; }
    public void setUploadedBy(long uploadedBy) { this.uploadedBy = uploadedBy; }
    public String getUploaderName() { return uploaderName; }
    public void setUploaderName(String uploaderName) { this.uploaderName = uploaderName; }
    public OffsetDateTime getUploadedAt() { return uploadedAt; }
    public void setUploadedAt(OffsetDateTime uploadedAt) { this.uploadedAt = uploadedAt; }
}
