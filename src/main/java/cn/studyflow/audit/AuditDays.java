package cn.studyflow.audit;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The days of an audit of a past session, for one recorded after the fact (the demo's finished year): planned ten
 * days before the session, answered the next day, recorded on the day, rectification ordered that evening with its
 * deadline, reported three weeks later and accepted two days after that.
 */
record AuditDays(OffsetDateTime planned, OffsetDateTime answered, OffsetDateTime recorded, LocalDate deadline,
                 OffsetDateTime reported, OffsetDateTime accepted) {

    static AuditDays around(LocalDate session, int rectificationDays, ZoneId zone) {
        return new AuditDays(at(session.minusDays(10), 9, zone), at(session.minusDays(9), 10, zone),
            at(session, 17, zone), session.plusDays(rectificationDays), at(session.plusDays(21), 10, zone),
            at(session.plusDays(23), 15, zone));
    }

    private static OffsetDateTime at(LocalDate day, int hour, ZoneId zone) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(zone).toOffsetDateTime();
    }

    /** When an action of the audit's history happened, by what it was. */
    OffsetDateTime of(String action) {
        return switch (action) {
            case "AUDIT_CREATE" -> planned;
            case "AUDIT_ACCEPT", "AUDIT_DECLINE", "AUDIT_CONFIRMED" -> answered;
            case "AUDIT_RECORD", "AUDIT_RECTIFY_NOTICE" -> recorded;
            case "AUDIT_RECTIFY_SUBMIT" -> reported;
            default -> accepted;
        };
    }
}
