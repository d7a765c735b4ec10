package cn.studyflow.lecture;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ranking of a round, computed from the judges' scores and never typed: a judge's mark for an entry is the
 * weighted mean of their criterion scores; an entry's average is the mean of the marks of the judges who scored
 * it (absent judges and those of the entry's own organisation do not count), to two decimals. Entries nobody
 * scored come last. Entries with the same average at the quota's cut-off are tied: the organiser orders them.
 */
final class Ranking {

    private Ranking() {
    }

    /** An entry's place: its average (null when nobody scored it). */
    record Place(long entryId, BigDecimal average) {
    }

    /** The averages of {@code entryIds} in rank order; entries of equal average keep the order given. */
    static List<Place> rank(List<Long> entryIds, List<Criterion> criteria, List<Score> scores) {
        Map<Integer, Integer> weights = criteria.stream().collect(Collectors.toMap(Criterion::getPosition, Criterion::getWeight));
        int totalWeight = weights.values().stream().mapToInt(Integer::intValue).sum();
        Map<Long, Map<Long, List<Score>>> byEntryAndJudge = new HashMap<>();
        for (Score s : scores) {
            if (!s.isAbsent() && s.getScore() != null) {
                byEntryAndJudge.computeIfAbsent(s.getEntryId(), e -> new LinkedHashMap<>())
                    .computeIfAbsent(s.getJudgeId(), j -> new ArrayList<>()).add(s);
            }
        }
        List<Place> places = new ArrayList<>();
        for (long entryId : entryIds) {
            Map<Long, List<Score>> judges = byEntryAndJudge.getOrDefault(entryId, Map.of());
            BigDecimal sum = BigDecimal.ZERO;
            int counted = 0;
            for (List<Score> marks : judges.values()) {
                BigDecimal weighted = BigDecimal.ZERO;
                for (Score s : marks) {
                    weighted = weighted.add(BigDecimal.valueOf((long) s.getScore() * weights.getOrDefault(s.getPosition(), 0)));
                }
                sum = sum.add(weighted.divide(BigDecimal.valueOf(totalWeight), 10, RoundingMode.HALF_UP));
                counted++;
            }
            places.add(new Place(entryId, counted == 0 ? null
                : sum.divide(BigDecimal.valueOf(counted), 2, RoundingMode.HALF_UP)));
        }
        List<Place> ranked = new ArrayList<>(places);
        ranked.sort(Comparator.comparing(Place::average, Comparator.nullsLast(Comparator.reverseOrder())));
        return ranked;
    }

    /**
     * The entries tied across the cut-off after {@code quota} places: those whose average equals that of the last
     * place within the quota, when one of them falls outside it. Empty when the cut-off is clear.
     */
    static List<Long> tiedAtCutOff(List<Place> ranked, int quota) {
        if (quota <= 0 || ranked.size() <= quota) {
            return List.of();
        }
        BigDecimal last = ranked.get(quota - 1).average();
        BigDecimal next = ranked.get(quota).average();
        if (last == null || next == null || last.compareTo(next) != 0) {
            return List.of();
        }
        return ranked.stream().filter(p -> p.average() != null && p.average().compareTo(last) == 0)
            .map(Place::entryId).toList();
    }
}
