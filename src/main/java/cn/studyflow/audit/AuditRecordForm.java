package cn.studyflow.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.Errors;
import lombok.Getter;
import lombok.Setter;

/**
 * An audit record as the record page and the JSON API post it: attendance, the four scores (1 to 5),
 * findings, an optional on-the-spot comment, the audit points found met and the verdict.
 */
@Getter
@Setter
public class AuditRecordForm {

    static final int MIN_SCORE = 1;
    static final int MAX_SCORE = 5;
    static final int MAX_ATTENDANCE = 10_000;
    static final int MAX_FINDINGS = 4000;
    static final int MAX_COMMENT = 2000;

    private Integer expectedAttendance;
    private Integer actualAttendance;
    private Integer scorePreparation;
    private Integer scoreDiscussion;
    private Integer scoreDiscipline;
    private Integer scoreApplication;
    private String findings;
    private String onSiteComment;
    private List<String> checkedPoints = new ArrayList<>();
    private Verdict verdict;

    public void setCheckedPoints(List<String> checkedPoints) { this.checkedPoints = checkedPoints == null ? new ArrayList<>() : checkedPoints; }

    /** Checks the form; problems are reported per field with message keys of the audit bundle. */
    public void validate(List<String> checklist, Errors errors) {
        if (expectedAttendance == null || expectedAttendance < 0 || expectedAttendance > MAX_ATTENDANCE) {
            errors.rejectValue("expectedAttendance", "audit.record.error.expected", new Object[] {MAX_ATTENDANCE}, null);
        }
        if (actualAttendance == null || actualAttendance < 0) {
            errors.rejectValue("actualAttendance", "audit.record.error.actual");
        } else if (expectedAttendance != null && actualAttendance > expectedAttendance) {
            errors.rejectValue("actualAttendance", "audit.record.error.attendance",
                new Object[] {actualAttendance, expectedAttendance}, null);
        }
        score("scorePreparation", scorePreparation, errors);
        score("scoreDiscussion", scoreDiscussion, errors);
        score("scoreDiscipline", scoreDiscipline, errors);
        score("scoreApplication", scoreApplication, errors);
        if (findings == null || findings.isBlank()) {
            errors.rejectValue("findings", "audit.record.error.findings");
        } else if (findings.trim().length() > MAX_FINDINGS) {
            errors.rejectValue("findings", "audit.error.tooLong", new Object[] {MAX_FINDINGS}, null);
        }
        if (onSiteComment != null && onSiteComment.trim().length() > MAX_COMMENT) {
            errors.rejectValue("onSiteComment", "audit.error.tooLong", new Object[] {MAX_COMMENT}, null);
        }
        if (checkedPoints.stream().anyMatch(p -> !checklist.contains(p))) {
            errors.rejectValue("checkedPoints", "audit.record.error.point");
        }
        if (verdict == null) {
            errors.rejectValue("verdict", "audit.record.error.verdict");
        }
    }

    private static void score(String field, Integer value, Errors errors) {
        if (value == null || value < MIN_SCORE || value > MAX_SCORE) {
            errors.rejectValue(field, "audit.record.error.score", new Object[] {MIN_SCORE, MAX_SCORE}, null);
        }
    }
}
