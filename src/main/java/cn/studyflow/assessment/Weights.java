package cn.studyflow.assessment;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The weight of each indicator: whole numbers, none negative, summing to {@link #TOTAL}. */
public record Weights(Map<Indicator, Integer> byIndicator) {

    /** What the weights sum to, so that a score with every indicator counted is out of 100 points. */
    public static final int TOTAL = 100;

    public Weights {
        byIndicator = Collections.unmodifiableMap(new EnumMap<>(byIndicator));
    }

    public int of(Indicator indicator) {
        return byIndicator.getOrDefault(indicator, 0);
    }

    /** What is wrong with these weights in plain words (for the start-up), null when nothing is. */
    static String problem(Map<Indicator, Integer> weights) {
        int sum = 0;
        for (Indicator i : Indicator.values()) {
            Integer w = weights.get(i);
            if (w == null) {
                return "no weight for " + i;
            }
            if (w < 0) {
                return "negative weight for " + i;
            }
            sum += w;
        }
        return sum == TOTAL ? null : "the weights sum to " + sum + ", not " + TOTAL;
    }
}
