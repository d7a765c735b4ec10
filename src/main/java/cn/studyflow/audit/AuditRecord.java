package cn.studyflow.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** The audit record (巡听记录) one auditor filed after sitting in. */
@Getter
@Setter
public class AuditRecord {

    private Long id;
    private Long auditId;
    private Long auditorId;
    private int expectedAttendance;
    private int actualAttendance;
    private int scorePreparation;
    private int scoreDiscussion;
    private int scoreDiscipline;
    private int scoreApplication;
    private String findings;
    private String onSiteComment;
    private Verdict verdict;
    private OffsetDateTime createdAt;
    private String auditorName;
    private List<RecordPoint> points = new ArrayList<>();

    /** One audit point (旁听要点) of the checklist and whether the auditor found it met. */
    public static class RecordPoint {

        private Long recordId;
        private String pointCode;
        private boolean checked;

        public RecordPoint() {
        }

        public RecordPoint(String pointCode, boolean checked) {
            this.pointCode = pointCode;
            this.checked = checked;
        }

        public Long getRecordId() { return recordId; }
        public void setRecordId(Long recordId) { this.recordId = recordId; }
        public String getPointCode() { return pointCode; }
        public void setPointCode(String pointCode) { this.pointCode = pointCode; }
        public boolean isChecked() { return checked; }
        public void setChecked(boolean checked) { this.checked = checked; }
    }
}
