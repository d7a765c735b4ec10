package cn.studyflow.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls the status journal up into {@code sf_rollup_instance} and {@code sf_rollup_stage}, which the dashboard
 * reads: every {@code studyflow.status.rollup-interval} and once at start-up. Nothing is counted in a step's
 * transaction; instead each journal row carries {@code changed_at} (the database's time of its last change), and
 * a run recomputes, from the journal, the year of every organisation whose rows changed since the previous run
 * began (less {@link #OVERLAP}), replacing its rollup rows: running again changes nothing. Every node runs the
 * job; the run row's lease, taken by a conditional update, lets one node at a time roll up, and the run records
 * its watermark only if it still holds the lease, in the transaction that wrote the rollups.
 */
@Component
@RequiredArgsConstructor
public class Rollups {

    private static final Logger log = LoggerFactory.getLogger(Rollups.class);

    /** How long a node may hold the run before another may take it over (a node that died while rolling up). */
    static final Duration LEASE = Duration.ofMinutes(10);
    /**
     * Changes re-read from before the previous run's start: a step's transaction stamps its rows when it begins,
     * so one that began before that run and committed after it is still found.
     */
    static final Duration OVERLAP = Duration.ofMinutes(10);
    /** The most organisations one statement names. */
    private static final int CHUNK = 500;

    private final RollupMapper mapper;
    private final TransactionTemplate tx;
    @Value("${studyflow.zone}")
    private final ZoneId zone;
    @Value("${studyflow.status.rollup-interval:PT1M}")
    private final Duration interval;
    private final String holder = UUID.randomUUID().toString();

    @Scheduled(fixedDelayString = "${studyflow.status.rollup-interval:PT1M}", initialDelay = 0)
    void run() {
        try {
            rollUp();
        } catch (RuntimeException e) {
            log.warn("Rolling up the status journal failed; the next run tries again", e);
        }
    }

    /** Rolls up what changed since the last run; false when another node is rolling up. */
    public boolean rollUp() {
        OffsetDateTime now = mapper.selectDatabaseNow();
        if (tx.execute(s -> mapper.claim(holder, now, now.plus(LEASE))) == 0) {
            return false;
        }
        try {
            tx.executeWithoutResult(s -> rollUpTo(now));
            return true;
        } finally {
            tx.executeWithoutResult(s -> mapper.release(holder));
        }
    }

    /** The time the rollups are as of (the start of the last run), null before the first. */
    public OffsetDateTime rolledUpAt() {
        return mapper.selectChangedUpto();
    }

    /** How often the job runs. */
    public Duration interval() {
        return interval;
    }

    private void rollUpTo(OffsetDateTime now) {
        OffsetDateTime upto = mapper.selectChangedUpto();
        OffsetDateTime since = upto == null ? null : upto.minus(OVERLAP);
        Map<Integer, Set<Long>> changed = new TreeMap<>();
        for (ChangedSpan span : mapper.selectChanged(since)) {
            for (int year = year(span.getFirstAt()); year <= year(span.getLastAt()); year++) {
                changed.computeIfAbsent(year, y -> new TreeSet<>()).add(span.getOrgId());
            }
        }
        changed.forEach((year, orgs) -> {
            if (since == null) {
                rollUp(year, null);
            } else {
                List<Long> ids = new ArrayList<>(orgs);
                for (int i = 0; i < ids.size(); i += CHUNK) {
                    rollUp(year, ids.subList(i, Math.min(ids.size(), i + CHUNK)));
                }
            }
        });
        if (mapper.finish(holder, now) == 0) {
            // another node took the run over after our lease ran out: what we wrote is rolled back
            throw new IllegalStateException("The status rollup's lease ran out before the run ended");
        }
    }

    /** Replaces the rollups of {@code year} of these organisations (null: all) with the journal's figures. */
    private void rollUp(int year, List<Long> orgIds) {
        OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toOffsetDateTime();
        mapper.deleteInstances(year, orgIds);
        mapper.insertInstances(year, from, to, orgIds);
        mapper.deleteStages(year, orgIds);
        mapper.insertStages(year, from, to, orgIds, DurationBuckets.ALL);
    }

    private int year(OffsetDateTime time) {
        return time.atZoneSameInstant(zone).getYear();
    }
}
