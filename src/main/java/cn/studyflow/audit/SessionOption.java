package cn.studyflow.audit;

import java.time.LocalDate;
import java.time.LocalTime;
import lombok.Getter;
import lombok.Setter;

/** A study session as the audit forms and draws offer it: with its organisation, not yet audited. */
@Getter
@Setter
public class SessionOption {

    private Long id;
    private Long orgId;
    private String orgName;
    private String orgPath;
    private int sessionYear;
    private int sessionMonth;
    private String title;
    private String speaker;
    /** The session's day and hour once scheduled; null while it has only a month. */
    private LocalDate sessionDate;
    private LocalTime startTime;

    AuditDraw.SessionCandidate candidate() {
        return new AuditDraw.SessionCandidate(id, orgId, orgPath, sessionYear, sessionMonth);
    }
}
