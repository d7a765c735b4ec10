package cn.studyflow.lecture;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.StepRunner;
import cn.studyflow.workflow.TaskInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A judge's scores, entry by entry, on their own scoring task: every criterion 0 to 100, never an entry of their
 * own organisation, only while the round is scoring. A judge may change a score until they have scored every
 * entry; the last one completes their task. Until the round closes a judge sees only their own scores.
 */
@Service
@RequiredArgsConstructor
public class LectureScoring {

    private final LectureMapper mapper;
    private final LectureRounds rounds;
    private final StepRunner steps;
    private final Clock clock;

    /** Scores one entry on every criterion, in the criteria's order. */
    public void score(long roundId, long entryId, CurrentUser judge, List<Integer> scores) {
        LectureRound r = rounds.get(roundId, judge);
        if (r.getStatus() != RoundStatus.SCORING) {
            throw BusinessException.invalid(r.isClosed() || r.getStatus() == RoundStatus.FINISHED
                ? "lecture.error.scoringClosed" : "lecture.error.notScoring");
        }
        if (!rounds.isJudge(r, judge)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "lecture.error.notJudge");
        }
        List<RoundEntry> entries = mapper.selectActiveRoundEntries(roundId);
        RoundEntry entry = entries.stream().filter(e -> e.getEntryId() == entryId).findFirst()
            .orElseThrow(BusinessException::notFound);
        if (entry.getOrgId() == judge.getOrgId()) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "lecture.error.ownOrg");
        }
        TaskInfo task = rounds.scoringTask(r, judge)
            .orElseThrow(() -> BusinessException.conflict("lecture.error.scoringDone"));
        List<Criterion> criteria = mapper.selectCriteria(r.getCampaignId());
        if (scores == null || scores.size() != criteria.size()) {
            throw BusinessException.invalid("lecture.error.scoreMissing", criteria.size());
        }
        for (int i = 0; i < scores.size(); i++) {
            Integer s = scores.get(i);
            if (s == null || s < Criterion.MIN_SCORE || s > Criterion.MAX_SCORE) {
                throw BusinessException.invalid("lecture.error.scoreRange", criteria.get(i).getName(),
                    Criterion.MIN_SCORE, Criterion.MAX_SCORE);
            }
        }
        steps.run(task.id(), judge, step -> {
            step.take();
            mapper.deleteScores(roundId, entryId, judge.getPersonId());
            OffsetDateTime now = OffsetDateTime.now(clock);
            for (int i = 0; i < criteria.size(); i++) {
                mapper.insertScore(new Score(roundId, entryId, judge.getPersonId(), criteria.get(i).getPosition(),
                    scores.get(i), false, now));
            }
            Set<Long> scored = mapper.selectJudgeScores(roundId, judge.getPersonId()).stream()
                .map(Score::getEntryId).collect(Collectors.toSet());
            boolean all = entries.stream().filter(e -> e.getOrgId() != judge.getOrgId())
                .allMatch(e -> scored.contains(e.getEntryId()));
            if (all) {
                step.complete("SCORE", null, Map.of());
            }
        });
    }

    /** This judge's own scores in the round, by entry id and then criterion position. */
    public Map<Long, Map<Integer, Integer>> own(long roundId, CurrentUser judge) {
        return byEntry(mapper.selectJudgeScores(roundId, judge.getPersonId()));
    }

    /**
     * Every judge's scores, by judge id, entry id and criterion: only once the round has closed; before, nobody
     * sees another judge's scores (404, as for something that does not exist).
     */
    public Map<Long, Map<Long, Map<Integer, Integer>>> all(LectureRound r) {
        if (!r.isClosed()) {
            throw BusinessException.notFound();
        }
        return mapper.selectScores(r.getId()).stream().collect(Collectors.groupingBy(Score::getJudgeId,
            Collectors.collectingAndThen(Collectors.toList(), LectureScoring::byEntry)));
    }

    /** Which judges were absent for which entries, once the round closed: judge id to entry ids. */
    public Map<Long, Set<Long>> absences(LectureRound r) {
        if (!r.isClosed()) {
            return Map.of();
        }
        return mapper.selectScores(r.getId()).stream().filter(Score::isAbsent).collect(Collectors.groupingBy(
            Score::getJudgeId, Collectors.mapping(Score::getEntryId, Collectors.toSet())));
    }

    private static Map<Long, Map<Integer, Integer>> byEntry(List<Score> scores) {
        return scores.stream().filter(s -> !s.isAbsent()).collect(Collectors.groupingBy(Score::getEntryId,
            Collectors.toMap(Score::getPosition, Score::getScore)));
    }
}
