package cn.studyflow.makeup;

import cn.studyflow.session.Attendance;
import cn.studyflow.session.SessionPersonRow;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One person's make-up study of one held session (table sf_makeup); decided by the secretary, waived by the leader. */
@Getter
@Setter
public class Makeup extends SessionPersonRow {

    /** How the roster had them when the session was marked held: LEAVE or ABSENT. */
    private Attendance absence;
    private MakeupStatus status;
    private String notes;
    /** Where the file lies under the data directory: never shown. */
    @JsonIgnore
    private String fileStoredName;
    private String fileName;
    private MakeupFileType fileType;
    private Long fileSize;
    private String fileSha256;
    /** Of the file's bytes, for the year's archive; none for files stored before it was kept. */
    @JsonIgnore
    private Long fileCrc32;
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
}
