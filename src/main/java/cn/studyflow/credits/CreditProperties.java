package cn.studyflow.credits;

import cn.studyflow.org.CadreRank;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.MonthDay;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code studyflow.credits.*}: the default credit rule (in force until the first rule an administrator saves), the
 * length from which a session counts as half a day, when the last quarter's reminder starts, and how often the
 * ledger of open years is refreshed.
 */
@ConfigurationProperties("studyflow.credits")
public record CreditProperties(@DefaultValue("1") BigDecimal session, @DefaultValue("2") BigDecimal halfDay,
                               @DefaultValue("PT3H") Duration halfDayLength, @DefaultValue("1") BigDecimal lead,
                               Map<String, BigDecimal> material, @DefaultValue("0.5") BigDecimal makeupShare,
                               @DefaultValue("2") BigDecimal partyLecture, Map<CadreRank, BigDecimal> targets,
                               @DefaultValue("--10-01") String remindFrom,
                               @DefaultValue("PT1H") Duration refreshInterval) {

    public CreditProperties {
        material = material == null ? Map.of() : Map.copyOf(material);
        targets = targets == null ? Map.of() : Map.copyOf(targets);
    }

    /** The first day of {@code year} on which those short of their target are reminded. */
    java.time.LocalDate remindFrom(int year) {
        return MonthDay.parse(remindFrom).atYear(year);
    }

    /** The rule of application.yml as the one in force before any saved rule. */
    CreditRule defaults() {
        Map<String, BigDecimal> items = new java.util.TreeMap<>();
        items.put(CreditRule.SESSION, session);
        items.put(CreditRule.HALF_DAY, halfDay);
        items.put(CreditRule.LEAD, lead);
        items.put(CreditRule.MAKEUP_SHARE, makeupShare);
        items.put(CreditRule.PARTY_LECTURE, partyLecture);
        material.forEach((kind, credits) -> items.put(CreditRule.MATERIAL + kind, credits));
        for (CadreRank rank : CadreRank.values()) {
            items.put(CreditRule.TARGET + rank, targets.getOrDefault(rank, BigDecimal.ZERO));
        }
        return new CreditRule(null, null, items);
    }
}
