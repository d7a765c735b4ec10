package cn.studyflow.assessment;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code studyflow.assessment.*}: the default weight of each indicator (whole numbers, non-negative, summing to
 * {@link Weights#TOTAL}); an administrator's weights on the page replace them. Checked at start-up: a bad default
 * stops the application with a message naming the indicator.
 */
@ConfigurationProperties("studyflow.assessment")
public record AssessmentProperties(Map<Indicator, Integer> weights) {

    public AssessmentProperties {
        weights = weights == null ? new EnumMap<>(Indicator.class) : new EnumMap<>(weights);
        String problem = Weights.problem(weights);
        if (problem != null) {
            throw new IllegalStateException("studyflow.assessment.weights: " + problem);
        }
    }
}
