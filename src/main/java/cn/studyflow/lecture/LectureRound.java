package cn.studyflow.lecture;

import cn.studyflow.common.VersionedRow;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One round of a campaign at one level, held by one organisation; one process instance. */
@Getter
@Setter
public class LectureRound implements VersionedRow {

    private Long id;
    private Long campaignId;
    private int levelNo;
    private Long orgId;
    private OffsetDateTime entriesCloseAt;
    private OffsetDateTime deadline;
    private RoundStatus status;
    private String processInstanceId;
    private String tieReason;
    private Long createdBy;
    private OffsetDateTime createdAt;
    private OffsetDateTime closedAt;
    private OffsetDateTime finishedAt;
    private OffsetDateTime updatedAt;
    private int version;

    private String orgName;
    private String orgPath;
    private String campaignTitle;
    private int studyYear;

    /** Whether the judges' scores may be shown (to anyone who may read the round). */
    public boolean isClosed() {
        return status == RoundStatus.RANKING || status == RoundStatus.FINISHED;
    }
}
