package cn.studyflow.material;

import cn.studyflow.upload.StoredFileRow;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** One uploaded file of a material, frozen once submitted, with the reviews it received. */
@Getter
@Setter
public class MaterialVersion extends VersionRow implements StoredFileRow<FileType> {

    private String storedName;
    private String originalName;
    private FileType fileType;
    private long sizeBytes;
    private String sha256;
    /** Of the file's bytes, for the year's archive; none for files stored before it was kept. */
    @JsonIgnore
    private Long crc32;
    private String note;
    private Long uploadedBy;
    private String uploadedByName;
    private OffsetDateTime uploadedAt;
    private OffsetDateTime submittedAt;
    private List<MaterialReview> reviews = new ArrayList<>();

    /** Where the file lies under the data directory; never shown to anyone. */
    @JsonIgnore
    public String getStoredName() { return storedName; }

    /** Size for people: KB below one megabyte, MB with one decimal above. */
    public String getSizeText() {
        return sizeBytes < 1024 * 1024
            ? Math.max(1, (sizeBytes + 1023) / 1024) + " KB"
            : String.format("%.1f MB", sizeBytes / (1024.0 * 1024.0));
    }
}
