package cn.studyflow.archive;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One request to close an organisation's year, its leader's decision and, once closed, its reopening; names for pages. */
@Getter
@Setter
public class YearClosing {

    private Long id;
    private long orgId;
    private int closingYear;
    private ClosingStatus status;
    private String pendingKey;
    private String processInstanceId;
    private long requestedBy;
    private OffsetDateTime requestedAt;
    private String requestNote;
    private Long decidedBy;
    private OffsetDateTime decidedAt;
    private String decisionComment;
    private Long reopenedBy;
    private OffsetDateTime reopenedAt;
    private String reopenReason;
    private String orgName;
    private String requesterName;
    private String deciderName;
    private String reopenerName;

    static String pendingKey(long orgId, int year) {
        return orgId + ":" + year;
    }
}
