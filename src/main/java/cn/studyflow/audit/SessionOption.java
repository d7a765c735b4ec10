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
    private LocalTime endTime;

    AuditDraw.SessionCandidate candidate() {
        return new AuditDraw.SessionCandidate(id, orgId, orgPath, sessionYear, sessionMonth);
    }

    /** The session as a draw candidate whose audit sits in on {@code day}. */
    AuditDraw.SessionCandidate candidate(LocalDate day) {
        return new AuditDraw.SessionCandidate(id, orgId, orgPath, sessionYear, sessionMonth, slotOn(day));
    }

    /** An audit of this session on {@code day}: with the session's hours when the session is held that day. */
    AuditDraw.Slot slotOn(LocalDate day) {
        boolean held = day != null && day.equals(sessionDate);
        return new AuditDraw.Slot(day, held ? startTime : null, held ? endTime : null);
    }
}
