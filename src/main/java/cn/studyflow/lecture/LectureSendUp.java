package cn.studyflow.lecture;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.material.ReviewedScripts;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.task.StepRunner;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The organiser's steps once scoring has closed: ordering entries tied at the cut-off (with a reason, kept on the
 * round), and sending the best up to the next level's round, or, at the top, naming them outstanding and
 * publishing the results to the campaign's subtree. Only entries whose script passed the material review go up;
 * an entry goes only to the round of the next level above its round, and only once.
 */
@Service
@RequiredArgsConstructor
public class LectureSendUp {

    /** The most people told of a campaign's results (a city's whole tree is a few thousand). */
    static final int MAX_NOTIFIED = 10_000;

    private final LectureMapper mapper;
    private final LectureRounds rounds;
    private final ReviewedScripts scripts;
    private final StepRunner steps;
    private final OrgService orgs;
    private final NotificationService notifications;
    private final Clock clock;

    /** The entries tied at the cut-off, in their current order; empty when there is no tie. */
    public List<RoundEntry> tied(LectureRound r) {
        List<RoundEntry> ranked = ranked(r.getId());
        List<Long> ids = Ranking.tiedAtCutOff(ranked.stream()
            .map(e -> new Ranking.Place(e.getEntryId(), e.getAverage())).toList(), LectureRanking.quota(mapper, r));
        return ranked.stream().filter(e -> ids.contains(e.getEntryId())).toList();
    }

    /** Orders the tied entries as given, first the one to go up first; the reason is kept with the round. */
    public void breakTie(long roundId, CurrentUser user, List<Long> order, String reason) {
        LectureRound r = rounds.get(roundId, user);
        String why = LectureInput.text(reason, 2000, "lecture.error.tieReason");
        steps.runAt(r.getProcessInstanceId(), LectureSelectionProcess.TASK_BREAK_TIE, user, step -> {
            step.take();
            List<RoundEntry> tied = tied(r);
            List<Long> ids = tied.stream().map(RoundEntry::getEntryId).toList();
            if (order == null || order.size() != ids.size() || !new HashSet<>(order).equals(new HashSet<>(ids))) {
                throw BusinessException.invalid("lecture.error.tieOrder");
            }
            int first = tied.stream().mapToInt(RoundEntry::getPosition).min().orElse(1);
            for (int i = 0; i < order.size(); i++) {
                RoundEntry re = tied.get(ids.indexOf(order.get(i)));
                re.setPosition(first + i);
                mapper.updateRanking(re);
            }
            r.setTieReason(why);
            VersionedRow.save(r, mapper::updateRound, clock);
            step.complete("BREAK_TIE", why, Map.of());
        });
    }

    /** The entries that go up: the first {@code quota} places that were scored. */
    public List<RoundEntry> chosen(LectureRound r) {
        return ranked(r.getId()).stream().filter(e -> e.getAverage() != null)
            .limit(LectureRanking.quota(mapper, r)).toList();
    }

    /** Sends the chosen entries up (or names them outstanding at the top) and finishes the round. */
    public void sendUp(long roundId, CurrentUser user) {
        LectureRound r = rounds.get(roundId, user);
        steps.runAt(r.getProcessInstanceId(), LectureSelectionProcess.TASK_SEND_UP, user, step -> {
            step.take();
            List<RoundEntry> chosen = chosen(r);
            for (RoundEntry e : chosen) {
                boolean passed = e.getScriptMaterialId() != null
                    && scripts.script(e.getScriptMaterialId()).map(ReviewedScripts.Script::passed).orElse(false);
                if (!passed) {
                    throw BusinessException.invalid("lecture.error.scriptNotReviewed", e.getTitle());
                }
            }
            boolean top = LectureRanking.isTop(mapper, r);
            LectureRound next = top ? null : nextRound(r);
            for (RoundEntry e : chosen) {
                if (next != null) {
                    RoundEntry up = new RoundEntry();
                    up.setRoundId(next.getId());
                    up.setEntryId(e.getEntryId());
                    up.setCampaignId(r.getCampaignId());
                    up.setLevelNo(next.getLevelNo());
                    try {
                        mapper.insertRoundEntry(up);
                    } catch (DuplicateKeyException ex) {
                        throw BusinessException.conflict("lecture.error.alreadyUp", e.getTitle());
                    }
                }
                mapper.markSentUp(r.getId(), e.getEntryId());
                mapper.updateEntrySelected(e.getEntryId(), r.getLevelNo(), top);
            }
            r.setStatus(RoundStatus.FINISHED);
            r.setFinishedAt(OffsetDateTime.now(clock));
            VersionedRow.save(r, mapper::updateRound, clock);
            step.complete(top ? "NAME_OUTSTANDING" : "SEND_UP", null, Map.of());
            if (top) {
                publishResults(r);
            } else {
                notifications.notifyRole(next.getOrgId(), Campaigns.ORGANISER, Lectures.roundLink(next.getId()),
                    "lecture.notify.sentUp", r.getOrgName(), chosen.size());
            }
        });
    }

    /** The open round of the next level whose organisation is above this round's: the only place entries go. */
    private LectureRound nextRound(LectureRound r) {
        LectureRound next = mapper.selectRoundsAt(r.getCampaignId(), r.getLevelNo() + 1).stream()
            .filter(n -> r.getOrgPath().startsWith(n.getOrgPath())).findFirst()
            .orElseThrow(() -> BusinessException.invalid("lecture.error.noNextRound"));
        if (next.getStatus() != RoundStatus.COLLECTING) {
            throw BusinessException.invalid("lecture.error.nextRoundClosed", next.getOrgName());
        }
        return next;
    }

    /** Tells everyone in the campaign's subtree that its results are out. */
    private void publishResults(LectureRound r) {
        Campaign c = mapper.selectCampaign(r.getCampaignId());
        List<Person> people = orgs.peopleInSubtree(c.getOrgPath(), null, 0, MAX_NOTIFIED);
        notifications.notifyAll(people, Lectures.campaignLink(c.getId()) + "/results", "lecture.notify.results",
            c.getTitle());
    }

    private List<RoundEntry> ranked(long roundId) {
        return mapper.selectActiveRoundEntries(roundId).stream().filter(e -> e.getPosition() != null).toList();
    }
}
