package cn.studyflow.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The audit record (巡听记录) one auditor filed after sitting in. */
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

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getAuditId() { return auditId; }
    public void setAuditId(Long auditId) { this.auditId = auditId; }
    public Long getAuditorId() { return auditorId; }
    public void setAuditorId(Long auditorId) { this.auditorId = auditorId; }
    public int getExpectedAttendance() { return expectedAttendance; }
    public void setExpectedAttendance(int expectedAttendance) { this.expectedAttendance = expectedAttendance; }
    public int getActualAttendance() { return actualAttendance; }
    public void setActualAttendance(int actualAttendance) { this.actualAttendance = actualAttendance; }
    public int getScorePreparation() { return scorePreparation; }
    public void setScorePreparation(int scorePreparation) { this.scorePreparation = scorePreparation; }
    public int getScoreDiscussion() { return scoreDiscussion; }
    public void setScoreDiscussion(int scoreDiscussion) { this.scoreDiscussion = scoreDiscussion; }
    public int getScoreDiscipline() { return scoreDiscipline; }
    public void setScoreDiscipline(int scoreDiscipline) { this.scoreDiscipline = scoreDiscipline; }
    public int getScoreApplication() { return scoreApplication; }
    public void setScoreApplication(int scoreApplication) { this.scoreApplication = scoreApplication; }
    public String getFindings() { return findings; }
    public void setFindings(String findings) { this.findings = findings; }
    public String getOnSiteComment() { return onSiteComment; }
    public void setOnSiteComment(String onSiteComment) { this.onSiteComment = onSiteComment; }
    public Verdict getVerdict() { return verdict; }
    public void setVerdict(Verdict verdict) { this.verdict = verdict; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public String getAuditorName() { return auditorName; }
    public void setAuditorName(String auditorName) { this.auditorName = auditorName; }
    public List<RecordPoint> getPoints() { return points; }
    public void setPoints(List<RecordPoint> points) { this.points = points; }

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
