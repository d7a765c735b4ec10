package cn.studyflow.leave;

import cn.studyflow.common.BusinessException;
import java.io.Serializable;

/** What an applicant writes: the reason, and words on it (required for {@link LeaveReason#OTHER}). */
public class LeaveForm implements Serializable {

    private LeaveReason reason;
    private String detail;

    public LeaveForm() {
    }

    public LeaveForm(LeaveReason reason, String detail) {
        this.reason = reason;
        this.detail = detail;
    }

    public LeaveReason getReason() { return reason; }
    public void setReason(LeaveReason reason) { this.reason = reason; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }

    /** The detail as stored: stripped, null when blank. */
    String cleanDetail() {
        return detail == null || detail.isBlank() ? null : detail.strip();
    }

    /** A reason is chosen, "other" is explained, and the words fit. */
    void validate(int maxDetail) {
        if (reason == null) {
            throw BusinessException.invalid("leave.error.reasonRequired");
        }
        String clean = cleanDetail();
        if (reason == LeaveReason.OTHER && clean == null) {
            throw BusinessException.invalid("leave.error.detailRequired");
        }
        if (clean != null && clean.length() > maxDetail) {
            throw BusinessException.invalid("leave.error.detailTooLong", maxDetail);
        }
    }
}
