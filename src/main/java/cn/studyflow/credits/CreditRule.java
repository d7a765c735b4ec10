package cn.studyflow.credits;

import cn.studyflow.org.CadreRank;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

/**
 * A credit rule in force from {@code effectiveFrom} (null: the default of application.yml) until the next one. Its
 * items: {@link #SESSION} for attending a session, {@link #HALF_DAY} instead for one of half a day or more,
 * {@link #LEAD} for chairing or speaking, {@code MATERIAL.<kind>} for an approved material, {@link #MAKEUP_SHARE} of
 * the session's credits for an accepted make-up, {@link #PARTY_LECTURE}, and {@code TARGET.<rank>} for the year.
 */
public record CreditRule(Long id, LocalDate effectiveFrom, Map<String, BigDecimal> items) implements Serializable {

    public static final String SESSION = "SESSION";
    public static final String HALF_DAY = "HALF_DAY";
    public static final String LEAD = "LEAD";
    public static final String MAKEUP_SHARE = "MAKEUP_SHARE";
    public static final String PARTY_LECTURE = "PARTY_LECTURE";
    public static final String MATERIAL = "MATERIAL.";
    public static final String TARGET = "TARGET.";

    public CreditRule {
        items = Map.copyOf(items);
    }

    public BigDecimal value(String item) {
        return items.getOrDefault(item, BigDecimal.ZERO);
    }

    public BigDecimal target(CadreRank rank) {
        return value(TARGET + rank);
    }

    /** What attending a session of these minutes earns: half a day or more earns {@link #HALF_DAY}. */
    BigDecimal attending(int minutes, long halfDayMinutes) {
        return minutes >= halfDayMinutes ? value(HALF_DAY) : value(SESSION);
    }

    /** What a fact earns under this rule; zero for what earns nothing (absence, a make-up not accepted). */
    BigDecimal credits(CreditFact fact, long halfDayMinutes) {
        return switch (fact.kind()) {
            case ATTENDANCE -> "PRESENT".equals(fact.detail()) || "LATE".equals(fact.detail())
                ? attending(fact.minutes(), halfDayMinutes) : BigDecimal.ZERO;
            case LEAD -> value(LEAD);
            case MATERIAL -> value(MATERIAL + fact.detail());
            case MAKEUP -> "ACCEPTED".equals(fact.detail())
                ? attending(fact.minutes(), halfDayMinutes).multiply(value(MAKEUP_SHARE)).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO;
            case PARTY_LECTURE -> value(PARTY_LECTURE);
        };
    }
}
