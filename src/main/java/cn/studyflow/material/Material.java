package cn.studyflow.material;

import cn.studyflow.common.VersionedRow;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** A study material; the author's and the session's names are read with it for lists and pages. */
@Getter
@Setter
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

    /** Whether the deadline has passed before the material was archived. */
    public boolean isOverdue(OffsetDateTime now) {
        return status != MaterialStatus.ARCHIVED && deadline != null && deadline.isBefore(now);
    }
}
