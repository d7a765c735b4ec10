package cn.studyflow.makeup;

import cn.studyflow.session.Attendance;
import cn.studyflow.session.SessionPersonRow;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;

/** One person's make-up study of one held session (table sf_makeup); decided by the secretary, waived by the leader. */
public class Makeup extends SessionPersonRow {

    /** How the roster had them when the session was marked held: LEAVE or ABSENT. */
    private Attendance absence;
    private MakeupStatus status;
    private String notes;
    private String fileStoredName;
    private String fileName;
    private MakeupFileType fileType;
    private Long fileSize;
    private String fileSha256;
    private OffsetDateTime dueAt;
    private OffsetDateTime submittedAt;
    private Long waivedBy;
    private OffsetDateTime waivedAt;
    private String waiveReason;
    // read with the row: names for pages
    private String memberName;
    private String memberUsername;
    private String waiverName;

    /** Past its due date and still open. */
    public boolean isOverdue() {
        return status != null && status.isOpen() && dueAt != null && dueAt.isBefore(OffsetDateTime.now());
    }

    public Attendance getAbsence() { return absence; }
    public void setAbsence(Attendance absence) { this.absence = absence; }
    public MakeupStatus getStatus() { return status; }
    public void setStatus(MakeupStatus status) { this.status = status; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    /** Where the file lies under the data directory: never shown. */
    @JsonIgnore
    public String getFileStoredName() { return fileStoredName; }
    public void setFileStoredName(String fileStoredName) { this.fileStoredName = fileStoredName; }
    public String getFileName() { return fileName; }
    public void setFileName(String fileName) { this.fileName = fileName; }
    public MakeupFileType getFileType() { return fileType; }
    public void setFileType(MakeupFileType fileType) { this.fileType = fileType; }
    public Long getFileSize() { return fileSize; }
    public void setFileSize(Long fileSize) { this.fileSize = fileSize; }
    public String getFileSha256() { return fileSha256; }
    public void setFileSha256(String fileSha256) { this.fileSha256 = fileSha256; }
    public OffsetDateTime getDueAt() { return dueAt; }
    public void setDueAt(OffsetDateTime dueAt) { this.dueAt = dueAt; }
    public OffsetDateTime getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(OffsetDateTime submittedAt) { this.submittedAt = submittedAt; }
    public Long getWaivedBy() { return waivedBy; }
    public void setWaivedBy(Long waivedBy) { this.waivedBy = waivedBy; }
    public OffsetDateTime getWaivedAt() { return waivedAt; }
    public void setWaivedAt(OffsetDateTime waivedAt) { this.waivedAt = waivedAt; }
    public String getWaiveReason() { return waiveReason; }
    public void setWaiveReason(String waiveReason) { this.waiveReason = waiveReason; }
    public String getMemberName() { return memberName; }
    public void setMemberName(String memberName) { this.memberName = memberName; }
    public String getMemberUsername() { return memberUsername; }
    public void setMemberUsername(String memberUsername) { this.memberUsername = memberUsername; }
    public String getWaiverName() { return waiverName; }
    public void setWaiverName(String waiverName) { this.waiverName = waiverName; }
}
