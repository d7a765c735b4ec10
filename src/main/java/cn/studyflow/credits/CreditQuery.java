package cn.studyflow.credits;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Whose facts, and when: the people whose organisation is {@code orgId}, or the one person {@code personId} (one of
 * the two is given), from {@code from} to {@code to} inclusive.
 */
public record CreditQuery(Long orgId, Long personId, LocalDate from, LocalDate to) {

    /** The first instant of {@code from} in {@code zone}, for sources that keep times rather than days. */
    public OffsetDateTime start(ZoneId zone) {
        return from.atStartOfDay(zone).toOffsetDateTime();
    }

    /** The first instant after {@code to} in {@code zone} (exclusive). */
    public OffsetDateTime end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }

    public static CreditQuery ofOrg(long orgId, int year) {
        return new CreditQuery(orgId, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static CreditQuery ofPerson(long personId, int year) {
        return new CreditQuery(null, personId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}
