package cn.studyflow.assessment;

import cn.studyflow.org.Org;
import java.util.List;

/**
 * One organisation's assessment for a period, explained by its parts. {@code score} is out of 100, null when
 * nothing could be counted; {@code rank} its place among those assessed together (1 the best), 0 without a score.
 */
public record Scorecard(Org org, Double score, int rank, List<Part> parts) {

    /**
     * One indicator: {@code available} false when no feature counts it (members on target without credits);
     * {@code expected} 0 when there was nothing to count; {@code value} achieved over expected; {@code points} the
     * weight times the value, scaled when indicators are left out (see docs/archive.md).
     */
    public record Part(Indicator indicator, boolean available, long achieved, long expected, Double value, int weight,
                       Double points) {

        /** Whether this part counts in the score. */
        public boolean counted() {
            return value != null;
        }
    }

    Scorecard ranked(int place) {
        return new Scorecard(org, score, score == null ? 0 : place, parts);
    }

    public Part part(Indicator indicator) {
        return parts.stream().filter(p -> p.indicator() == indicator).findFirst().orElseThrow();
    }
}
