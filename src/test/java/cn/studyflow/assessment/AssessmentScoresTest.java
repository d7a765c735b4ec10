package cn.studyflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.studyflow.org.Org;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The score of an organisation against figures worked out by hand: weight × indicator value over the indicators
 * counted, scaled to 100 when one is not available or has nothing to count; the ranking; the weights' rules.
 */
class AssessmentScoresTest {

    /** The defaults of application.yml: 20, 20, 15, 10, 15, 10 and 10 for members on target. */
    static final Weights DEFAULTS = new Weights(Map.of(Indicator.SESSIONS_HELD, 20, Indicator.ATTENDANCE, 20,
        Indicator.MATERIALS_CLEARED, 15, Indicator.MAKEUPS_DONE, 10, Indicator.AUDIT_SCORE, 15,
        Indicator.RECTIFICATIONS_ON_TIME, 10, Indicator.MEMBERS_ON_TARGET, 10));

    static final Set<Indicator> WITHOUT_CREDITS = EnumSet.complementOf(EnumSet.of(Indicator.MEMBERS_ON_TARGET));

    @Test
    void everyIndicatorCountedIsTheSumOfWeightTimesValue() {
        Map<Indicator, long[]> figures = figures();
        figures.put(Indicator.MEMBERS_ON_TARGET, new long[] {3, 4});

        Scorecard c = AssessmentScores.score(org(1, "/1/"), figures, EnumSet.allOf(Indicator.class), DEFAULTS);

        // 20×0.8 + 20×0.9 + 15×0.75 + 10×0.5 + 15×0.8 + 10×1 + 10×0.75 = 16 + 18 + 11.25 + 5 + 12 + 10 + 7.5
        assertThat(c.score()).isCloseTo(79.75, within(1e-9));
        assertThat(c.part(Indicator.ATTENDANCE).value()).isCloseTo(0.9, within(1e-9));
        assertThat(c.part(Indicator.ATTENDANCE).points()).isCloseTo(18.0, within(1e-9));
        assertThat(c.part(Indicator.MATERIALS_CLEARED).points()).isCloseTo(11.25, within(1e-9));
        assertThat(c.parts()).extracting(Scorecard.Part::weight).containsExactly(20, 20, 15, 10, 15, 10, 10);
    }

    @Test
    void anIndicatorNotAvailableIsShownSoAndItsWeightLeftOut() {
        Scorecard c = AssessmentScores.score(org(1, "/1/"), figures(), WITHOUT_CREDITS, DEFAULTS);

        // the same six parts make 72.25 of the 90 points they weigh: 72.25 × 100 / 90
        assertThat(c.score()).isCloseTo(72.25 * 100 / 90, within(1e-9));
        assertThat(c.part(Indicator.ATTENDANCE).points()).isCloseTo(18.0 * 100 / 90, within(1e-9));
        Scorecard.Part credits = c.part(Indicator.MEMBERS_ON_TARGET);
        assertThat(credits.available()).isFalse();
        assertThat(credits.counted()).isFalse();
        assertThat(credits.points()).isNull();
        assertThat(credits.weight()).isEqualTo(10);
    }

    @Test
    void anIndicatorWithNothingToCountIsLeftOutAndNothingAtAllHasNoScore() {
        Map<Indicator, long[]> figures = figures();
        figures.put(Indicator.RECTIFICATIONS_ON_TIME, new long[] {0, 0});

        Scorecard c = AssessmentScores.score(org(1, "/1/"), figures, WITHOUT_CREDITS, DEFAULTS);

        assertThat(c.part(Indicator.RECTIFICATIONS_ON_TIME).available()).isTrue();
        assertThat(c.part(Indicator.RECTIFICATIONS_ON_TIME).counted()).isFalse();
        assertThat(c.score()).isCloseTo(62.25 * 100 / 80, within(1e-9));
        assertThat(AssessmentScores.score(org(2, "/2/"), Map.of(), WITHOUT_CREDITS, DEFAULTS).score()).isNull();
    }

    @Test
    void theRankingIsBestFirstSharesEqualPlacesAndPutsTheUnscoredLast() {
        Scorecard low = card(org(1, "/9/1/"), 55.0);
        Scorecard high = card(org(2, "/9/2/"), 91.5);
        Scorecard none = card(org(3, "/9/3/"), null);
        Scorecard tie = card(org(4, "/9/4/"), 55.001);

        List<Scorecard> ranked = AssessmentScores.rank(List.of(none, low, high, tie));

        assertThat(ranked).extracting(c -> c.org().getId()).containsExactly(2L, 1L, 4L, 3L);
        assertThat(ranked).extracting(Scorecard::rank).containsExactly(1, 2, 2, 0);
    }

    @Test
    void weightsMustBeWholeNonNegativeAndMakeAHundred() {
        Map<Indicator, Integer> w = new EnumMap<>(DEFAULTS.byIndicator());
        assertThat(Weights.problem(w)).isNull();
        w.put(Indicator.ATTENDANCE, -5);
        w.put(Indicator.SESSIONS_HELD, 45);
        assertThat(Weights.problem(w)).contains("negative").contains("ATTENDANCE");
        w.put(Indicator.ATTENDANCE, 20);
        assertThat(Weights.problem(w)).contains("125");
        w.remove(Indicator.AUDIT_SCORE);
        assertThat(Weights.problem(w)).contains("AUDIT_SCORE");
    }

    /** 8 of 10 sessions, 45 of 50 attendances, 3 of 4 materials, 1 of 2 make-ups, 64 of 80 audit points, 1 of 1 rectification. */
    static Map<Indicator, long[]> figures() {
        Map<Indicator, long[]> f = new EnumMap<>(Indicator.class);
        f.put(Indicator.SESSIONS_HELD, new long[] {8, 10});
        f.put(Indicator.ATTENDANCE, new long[] {45, 50});
        f.put(Indicator.MATERIALS_CLEARED, new long[] {3, 4});
        f.put(Indicator.MAKEUPS_DONE, new long[] {1, 2});
        f.put(Indicator.AUDIT_SCORE, new long[] {64, 80});
        f.put(Indicator.RECTIFICATIONS_ON_TIME, new long[] {1, 1});
        return f;
    }

    static Org org(long id, String path) {
        Org o = new Org();
        o.setId(id);
        o.setName("单位" + id);
        o.setPath(path);
        return o;
    }

    private static Scorecard card(Org org, Double score) {
        return new Scorecard(org, score, 0, List.of());
    }
}
