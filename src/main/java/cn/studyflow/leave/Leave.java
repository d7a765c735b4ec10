package cn.studyflow.leave;

import cn.studyflow.session.SessionPersonRow;
import java.time.OffsetDateTime;

/** One person's request for leave from one session (table sf_leave). */
public class Leave extends SessionPersonRow {

    private LeaveReason reason;
    private String detail;
    private LeaveStatus status;
    /** When the session starts, as it was last scheduled. */
    private OffsetDateTime startsAt;
    // read with the row: names for pages
    private String applicantName;
    private String applicantUsername;

    public LeaveReason getReason() { return reason; }
    public void setReason(LeaveReason reason) { this.reason = reason; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
    public LeaveStatus getStatus() { return status; }
    public void setStatus(LeaveStatus status) { this.status = status; }
    public OffsetDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(OffsetDateTime startsAt) { this.startsAt = startsAt; }
    public String getApplicantName() { return applicantName; }
    public void setApplicantName(String applicantName) { this.applicantName = applicantName; }
    public String getApplicantUsername() { return applicantUsername; }
    public void setApplicantUsername(String applicantUsername) { this.applicantUsername = applicantUsername; }
}
