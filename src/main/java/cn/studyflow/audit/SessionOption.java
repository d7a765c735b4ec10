package cn.studyflow.audit;

import cn.studyflow.org.Org;
import cn.studyflow.session.StudySession;
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

    /** The session as an option, with its organisation's name and path. */
    static SessionOption of(StudySession session, Org org) {
        SessionOption option = new SessionOption();
        option.setId(session.getId());
        option.setOrgId(session.getOrgId());
        option.setOrgName(org.getName());
        option.setOrgPath(org.getPath());
        option.setSessionYear(session.getSessionYear());
        option.setSessionMonth(session.getSessionMonth());
        option.setTitle(session.getTitle());
        option.setSpeaker(session.getSpeaker());
        option.setSessionDate(session.getSessionDate());
        option.setStartTime(session.getStartTime());
        option.setEndTime(session.getEndTime());
        return option;
    }

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
