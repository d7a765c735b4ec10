package cn.studyflow.credits;

import java.time.LocalDate;

/**
 * Whose facts, and when: the people whose organisation is {@code orgId}, or the one person {@code personId} (one of
 * the two is given), from {@code from} to {@code to} inclusive.
 */
public record CreditQuery(Long orgId, Long personId, LocalDate from, LocalDate to) {

    public static CreditQuery ofOrg(long orgId, int year) {
        return new CreditQuery(orgId, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static CreditQuery ofPerson(long personId, int year) {
        return new CreditQuery(null, personId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}
