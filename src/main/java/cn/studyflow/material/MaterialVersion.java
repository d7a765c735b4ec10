package cn.studyflow.material;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** One uploaded file of a material, frozen once submitted, with the reviews it received. */
public class MaterialVersion extends VersionRow {

    private String storedName;
    private String originalName;
    private FileType fileType;
    private long sizeBytes;
    private String sha256;
    private String note;
    private Long uploadedBy;
    private String uploadedByName;
    private OffsetDateTime uploadedAt;
    private OffsetDateTime submittedAt;
    private List<MaterialReview> reviews = new ArrayList<>();

    /** Where the file lies under the data directory; never shown to anyone. */
    @JsonIgnore
    public String getStoredName() { return storedName; }
    public void setStoredName(String storedName) { this.storedName = storedName; }
    public String getOriginalName() { return originalName; }
    public void setOriginalName(String originalName) { this.originalName = originalName; }
    public FileType getFileType() { return fileType; }
    public void setFileType(FileType fileType) { this.fileType = fileType; }
    public long getSizeBytes() { return sizeBytes; }
    public void setSizeBytes(long sizeBytes) { this.sizeBytes = sizeBytes; }
    public String getSha256() { return sha256; }
    public void setSha256(String sha256) { this.sha256 = sha256; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Long getUploadedBy() { return uploadedBy; }
    public void setUploadedBy(Long uploadedBy) { this.uploadedBy = uploadedBy; }
    public String getUploadedByName() { return uploadedByName; }
    public void setUploadedByName(String uploadedByName) { this.uploadedByName = uploadedByName; }
    public OffsetDateTime getUploadedAt() { return uploadedAt; }
    public void setUploadedAt(OffsetDateTime uploadedAt) { this.uploadedAt = uploadedAt; }
    public OffsetDateTime getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(OffsetDateTime submittedAt) { this.submittedAt = submittedAt; }
    public List<MaterialReview> getReviews() { return reviews; }
    public void setReviews(List<MaterialReview> reviews) { this.reviews = reviews; }

    /** Size for people: KB below one megabyte, MB with one decimal above. */
    public String getSizeText() {
        return sizeBytes < 1024 * 1024
            ? Math.max(1, (sizeBytes + 1023) / 1024) + " KB"
            : String.format("%.1f MB", sizeBytes / (1024.0 * 1024.0));
    }
}
