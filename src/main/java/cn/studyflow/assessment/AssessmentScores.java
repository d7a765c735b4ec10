package cn.studyflow.assessment;

import cn.studyflow.org.Org;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The scorecards of organisations for a period: every {@link IndicatorSource} counts its indicators over the subtree
 * in grouped queries, and each organisation's score is the sum of weight × value over the indicators counted,
 * scaled to 100 by the weights counted (an indicator not available, or with nothing to count, is left out).
 */
@Component
@RequiredArgsConstructor
public class AssessmentScores {

    private final List<IndicatorSource> sources;
    private final AssessmentWeights weights;

    /** The indicators some feature counts; the others are "not available". */
    public Set<Indicator> available() {
        Set<Indicator> available = EnumSet.noneOf(Indicator.class);
        sources.forEach(s -> available.addAll(s.indicators()));
        return available;
    }

    /** The scorecards of {@code orgs} (all within the subtree at {@code subtreePath}), ranked best first. */
    public List<Scorecard> ranked(Collection<Org> orgs, String subtreePath, int year, Integer quarter,
                                  OffsetDateTime now) {
        Map<Long, Map<Indicator, long[]>> figures = new HashMap<>();
        StudyPeriod period = StudyPeriod.of(subtreePath, year, quarter, now);
        sources.forEach(s -> s.addTo((orgId, indicator, achieved, expected) -> figures
            .computeIfAbsent(orgId, k -> new EnumMap<>(Indicator.class)).put(indicator, new long[] {achieved, expected}),
            period));
        Set<Indicator> available = available();
        Weights w = weights.current();
        List<Scorecard> cards = new ArrayList<>();
        for (Org org : orgs) {
            cards.add(score(org, figures.getOrDefault(org.getId(), Map.of()), available, w));
        }
        return rank(cards);
    }

    /** One organisation's scorecard from its figures (achieved, expected by indicator). */
    static Scorecard score(Org org, Map<Indicator, long[]> figures, Set<Indicator> available, Weights w) {
        int counted = 0;
        for (Indicator i : Indicator.values()) {
            long[] f = figures.get(i);
            if (available.contains(i) && f != null && f[1] > 0) {
                counted += w.of(i);
            }
        }
        List<Scorecard.Part> parts = new ArrayList<>();
        double score = 0;
        for (Indicator i : Indicator.values()) {
            long[] f = figures.getOrDefault(i, new long[2]);
            boolean isAvailable = available.contains(i);
            Double value = isAvailable && f[1] > 0 ? (double) f[0] / f[1] : null;
            Double points = value == null || counted == 0 ? null : w.of(i) * value * Weights.TOTAL / counted;
            if (points != null) {
                score += points;
            }
            parts.add(new Scorecard.Part(i, isAvailable, f[0], f[1], value, w.of(i), points));
        }
        return new Scorecard(org, counted == 0 ? null : score, 0, List.copyOf(parts));
    }

    /** Best first; equal scores (to a hundredth) share a place; without a score last, by the tree. */
    static List<Scorecard> rank(List<Scorecard> cards) {
        List<Scorecard> sorted = new ArrayList<>(cards);
        sorted.sort(Comparator.comparing((Scorecard c) -> c.score() == null ? 1 : 0)
            .thenComparing(c -> c.score() == null ? 0 : -rounded(c.score()))
            .thenComparing(c -> c.org().getPath()));
        List<Scorecard> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Scorecard c = sorted.get(i);
            int place = i > 0 && c.score() != null && ranked.get(i - 1).score() != null
                && rounded(c.score()) == rounded(ranked.get(i - 1).score()) ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(c.ranked(place));
        }
        return List.copyOf(ranked);
    }

    private static long rounded(double score) {
        return Math.round(score * 100);
    }
}
