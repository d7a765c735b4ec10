package cn.studyflow.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * What the audit pages and the JSON API post; checked by {@link AuditPlanning}, {@link AuditAssignmentSteps} and
 * {@link AuditRecordSteps}.
 */
public final class AuditRequests {

    private AuditRequests() {
    }

    /** A fixed audit (固定巡听): a session, the day to sit in, the auditors and which of them leads. */
    public record Fixed(Long sessionId, LocalDate sessionDate, List<Long> auditorIds, Long leadId) {
    }

    /** A random draw (随机巡听): a window of days, organisations, how many sessions, auditors for each. */
    public record Draw(LocalDate from, LocalDate to, List<Long> orgIds, Integer sessions, Integer auditorsPerSession) {
    }

    /** An invitation (应邀巡听) by the secretary of the organisation whose session it is. */
    public record Invitation(Long sessionId, LocalDate sessionDate, String note) {
    }

    /** The dept's answer to an invitation: auditors when approved, a reason when declined. */
    public record InvitationDecision(Boolean approve, List<Long> auditorIds, Long leadId, String reason) {
    }

    /** An auditor's answer to an assignment; a decline needs a reason. */
    public record Response(Boolean accept, String reason) {
    }

    /** The dept's choice of an auditor when the pool has nobody left to draw. */
    public record Reassignment(Long personId) {
    }

    /** A rectification report (整改报告). */
    public record RectificationReport(String report) {
    }
}
