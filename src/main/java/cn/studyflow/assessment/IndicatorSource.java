package cn.studyflow.assessment;

import java.util.Set;

/**
 * What a feature counts for the assessment and the bulletins, read from its own tables in one grouped query per
 * indicator over the subtree, so that assessment reads no feature's tables. An indicator that no source provides
 * (members on target, until credits implements this) is "not available": shown so, its weight left out.
 */
public interface IndicatorSource {

    /** The indicators this source counts. */
    Set<Indicator> indicators();

    /** Adds, for every organisation of the period's subtree with something to count, achieved against expected. */
    void addTo(Sink sink, StudyPeriod period);

    /** Where a source puts its figures. */
    @FunctionalInterface
    interface Sink {
        void add(long orgId, Indicator indicator, long achieved, long expected);
    }
}
