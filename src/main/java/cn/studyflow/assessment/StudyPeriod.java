package cn.studyflow.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What an {@link IndicatorSource} counts: the organisations of the subtree matching {@code pathPattern} (the shape
 * {@code OrgMapper.xml#orgScope} reads; {@code orgId} is then null), in a year or one quarter of it ({@code quarter}
 * null for the whole year), from {@code first} to {@code last}, as things stand at {@code now}.
 */
public record StudyPeriod(String pathPattern, Long orgId, int year, Integer quarter, LocalDate first, LocalDate last,
                          OffsetDateTime now) {

    public static StudyPeriod of(String subtreePath, int year, Integer quarter, OffsetDateTime now) {
        LocalDate first = quarter == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, quarter * 3 - 2, 1);
        LocalDate last = quarter == null ? LocalDate.of(year, 12, 31) : first.plusMonths(3).minusDays(1);
        return new StudyPeriod(subtreePath + "%", null, year, quarter, first, last, now);
    }

    /** The day things stand at, for what is due by a day. */
    public LocalDate today() {
        return now.toLocalDate();
    }
}
