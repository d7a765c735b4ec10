package cn.studyflow.credits;

import cn.studyflow.org.CadreRank;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A person's credits of a year against their rank's target, with the year before for the rule of seed 003: short two
 * years running, retrained (调训) in the third. {@code frozen}: the year is closed on record for their organisation.
 */
public record CreditStanding(long personId, String name, long orgId, String orgName, CadreRank cadreRank,
                             BigDecimal earned, BigDecimal target, BigDecimal previousEarned,
                             BigDecimal previousTarget, boolean frozen) implements Serializable {

    /** Whether they are below a target they have (no target, no shortfall). */
    public boolean isShort() {
        return target.signum() > 0 && earned.compareTo(target) < 0;
    }

    /** What they lack to reach the target; zero when they reached it. */
    @JsonProperty("shortBy")
    public BigDecimal shortBy() {
        return isShort() ? target.subtract(earned) : BigDecimal.ZERO;
    }

    /** Short this year and the year before: to be retrained (调训) the year after. */
    @JsonProperty("retraining")
    public boolean retraining() {
        return isShort() && previousTarget != null && previousTarget.signum() > 0
            && previousEarned.compareTo(previousTarget) < 0;
    }
}
