package cn.studyflow.lecture;

import cn.studyflow.common.Dates;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * What the round's process does by itself, called by its delegates in the engine's transaction: collection
 * closes (scoring opens, or the round ends with no entries), unfinished judges are reminded, scoring closes
 * (missing scores recorded absent, the ranking computed, ties at the cut-off found).
 */
@Service
@RequiredArgsConstructor
public class RoundCallbacks {

    /** What opening the scoring tells the process: the judges who have something to score, and the entries. */
    public record Opened(List<String> judges, int entryCount) {
    }

    private final LectureMapper mapper;
    private final Workflow workflow;
    private final NotificationService notifications;
    private final Dates dates;
    private final Clock clock;

    /**
     * Collection is over: with entries the round is scored by the judges who have at least one entry outside their
     * own organisation (a judge with none would wait for nothing); without, it ends.
     */
    public Opened open(long roundId) {
        LectureRound r = mapper.selectRound(roundId);
        List<RoundEntry> entries = mapper.selectActiveRoundEntries(roundId);
        r.setClosedAt(OffsetDateTime.now(clock));
        if (entries.isEmpty()) {
            r.setStatus(RoundStatus.EMPTY);
            r.setFinishedAt(r.getClosedAt());
            VersionedRow.save(r, mapper::updateRound, clock);
            return new Opened(List.of(), 0);
        }
        r.setStatus(RoundStatus.SCORING);
        VersionedRow.save(r, mapper::updateRound, clock);
        List<Judge> judges = mapper.selectJudges(roundId).stream()
            .filter(j -> entries.stream().anyMatch(e -> !e.getOrgId().equals(j.getOrgId()))).toList();
        judges.forEach(j -> notifications.notify(j.getPersonId(), Lectures.roundLink(roundId), "lecture.notify.score",
            r.getCampaignTitle(), r.getOrgName()));
        return new Opened(judges.stream().map(Judge::getUsername).toList(), entries.size());
    }

    /** Reminds the judges whose scoring task is still open. */
    public void remind(long roundId) {
        LectureRound r = mapper.selectRound(roundId);
        Set<String> waiting = new HashSet<>();
        for (TaskInfo t : workflow.activeTasks(r.getProcessInstanceId())) {
            if (LectureSelectionProcess.TASK_SCORE.equals(t.step()) && t.assignee() != null) {
                waiting.add(t.assignee());
            }
        }
        mapper.selectJudges(roundId).stream().filter(j -> waiting.contains(j.getUsername()))
            .forEach(j -> notifications.notify(j.getPersonId(), Lectures.roundLink(roundId), "lecture.notify.remind",
                r.getCampaignTitle(), dates.format(r.getDeadline())));
    }

    /**
     * Scoring is over: every score a judge owes and has not given is recorded absent, the ranking is computed and
     * kept; true when entries are tied at the quota's cut-off.
     */
    public boolean close(long roundId) {
        LectureRound r = mapper.selectRound(roundId);
        List<RoundEntry> entries = mapper.selectActiveRoundEntries(roundId);
        List<Criterion> criteria = mapper.selectCriteria(r.getCampaignId());
        List<Score> scores = mapper.selectScores(roundId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Judge j : mapper.selectJudges(roundId)) {
            for (RoundEntry e : entries) {
                boolean own = e.getOrgId().equals(j.getOrgId());
                boolean scored = scores.stream().anyMatch(s -> s.getEntryId().equals(e.getEntryId())
                    && s.getJudgeId().equals(j.getPersonId()));
                if (!own && !scored) {
                    for (Criterion c : criteria) {
                        mapper.insertScore(new Score(roundId, e.getEntryId(), j.getPersonId(), c.getPosition(), null, true, now));
                    }
                }
            }
        }
        List<Ranking.Place> ranked = Ranking.rank(entries.stream().map(RoundEntry::getEntryId).toList(), criteria,
            mapper.selectScores(roundId));
        LectureRanking.keep(mapper, roundId, ranked);
        r.setStatus(RoundStatus.RANKING);
        r.setClosedAt(now);
        VersionedRow.save(r, mapper::updateRound, clock);
        notifications.notifyRole(r.getOrgId(), Campaigns.ORGANISER, Lectures.roundLink(roundId),
            "lecture.notify.ranked", r.getCampaignTitle());
        int quota = LectureRanking.quota(mapper, r);
        return !Ranking.tiedAtCutOff(ranked, quota).isEmpty();
    }
}
