package cn.studyflow.lecture;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Scope;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.StepRunner;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds: opened by the organiser of an organisation of the level's kind inside the campaign (one process
 * instance each), and read by everyone in that organisation's subtree, by those who oversee it, and by its judges.
 * Anything else answers 404.
 */
@Service
@RequiredArgsConstructor
public class LectureRounds {

    static final int MAX_JUDGES = 15;
    /** How far ahead a round's deadline may be: a campaign is for a year, a typo of 20270 is not. */
    static final int MAX_YEARS_AHEAD = 2;

    private final LectureMapper mapper;
    private final Campaigns campaigns;
    private final OrgService orgs;
    private final Scope scope;
    private final Workflow workflow;
    private final StepRunner steps;
    private final ActionLog actionLog;
    private final LectureProperties properties;
    private final Clock clock;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    public LectureRound get(long id, CurrentUser user) {
        LectureRound r = mapper.selectRound(id);
        if (r == null || !canSee(r, user)) {
            throw BusinessException.notFound();
        }
        return r;
    }

    boolean canSee(LectureRound r, CurrentUser user) {
        return user.getOrg().getPath().startsWith(r.getOrgPath()) || scope.canSee(user, r.getOrgId()) || isJudge(r, user);
    }

    public boolean isJudge(LectureRound r, CurrentUser user) {
        return mapper.selectJudges(r.getId()).stream().anyMatch(j -> j.getPersonId() == user.getPersonId());
    }

    public boolean isOrganiser(LectureRound r, CurrentUser user) {
        return user.getOrgId() == r.getOrgId() && user.has(Campaigns.ORGANISER);
    }

    public List<LectureRound> rounds(long campaignId) {
        return mapper.selectRounds(campaignId);
    }

    public List<Judge> judges(long roundId) {
        return mapper.selectJudges(roundId);
    }

    public List<RoundEntry> entries(long roundId) {
        return mapper.selectRoundEntries(roundId);
    }

    /** The rounds this person judges. */
    public List<LectureRound> judging(CurrentUser user) {
        return mapper.selectJudgedRounds(user.getPersonId());
    }

    public List<TaskInfo> currentSteps(LectureRound r) {
        return workflow.activeTasks(r.getProcessInstanceId());
    }

    /** This judge's open scoring task in the round, if they have one. */
    public Optional<TaskInfo> scoringTask(LectureRound r, CurrentUser user) {
        return currentSteps(r).stream()
            .filter(t -> LectureSelectionProcess.TASK_SCORE.equals(t.step()) && user.getUsername().equals(t.assignee()))
            .findFirst();
    }

    /** Whether this organiser may open a round of {@code levelNo} in the campaign: their organisation is of its kind. */
    public boolean mayOpen(Campaign c, int levelNo, CurrentUser user) {
        List<CampaignLevel> levels = campaigns.levels(c.getId());
        return user.has(Campaigns.ORGANISER) && levelNo >= 0 && levelNo < levels.size()
            && levels.get(levelNo).getOrgKind() == user.getOrg().getKind()
            && user.getOrg().getPath().startsWith(c.getOrgPath());
    }

    /** Opens a round at the organiser's organisation and starts its process, waiting for entries. */
    @Transactional
    public LectureRound open(long campaignId, CurrentUser user, RoundForm form) {
        Campaign c = campaigns.get(campaignId, user);
        if (form.getLevelNo() == null || !mayOpen(c, form.getLevelNo(), user)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "lecture.error.notRoundOrganiser");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (form.getEntriesCloseAt() == null || form.getDeadline() == null) {
            throw BusinessException.invalid("lecture.error.roundDates");
        }
        OffsetDateTime entriesClose = form.getEntriesCloseAt().atZone(zone).toOffsetDateTime();
        OffsetDateTime deadline = form.getDeadline().atZone(zone).toOffsetDateTime();
        if (!entriesClose.isAfter(now) || !deadline.isAfter(entriesClose)
            || deadline.isAfter(now.plusYears(MAX_YEARS_AHEAD))) {
            throw BusinessException.invalid("lecture.error.roundDates");
        }
        List<Person> judges = judgesOf(form.getJudges(), c);
        LectureRound r = new LectureRound();
        r.setCampaignId(c.getId());
        r.setLevelNo(form.getLevelNo());
        r.setOrgId(user.getOrgId());
        r.setEntriesCloseAt(entriesClose);
        r.setDeadline(deadline);
        r.setStatus(RoundStatus.COLLECTING);
        r.setCreatedBy(user.getPersonId());
        r.setCreatedAt(now);
        try {
            mapper.insertRound(r);
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("lecture.error.roundExists");
        }
        judges.forEach(j -> mapper.insertJudge(r.getId(), j.getId()));
        LectureRound saved = mapper.selectRound(r.getId());
        Map<String, Object> vars = Workflow.startVariables(LectureSelectionProcess.VAR_ROUND_ID, saved.getId(),
            saved.getOrgId(), c.getTitle() + " · " + saved.getOrgName());
        vars.put(LectureSelectionProcess.VAR_ENTRIES_CLOSE_AT, Date.from(entriesClose.toInstant()));
        vars.put(LectureSelectionProcess.VAR_DEADLINE, Date.from(deadline.toInstant()));
        vars.put(LectureSelectionProcess.VAR_REMIND_AT,
            Date.from(properties.remindAt(deadline.toInstant(), Instant.now(clock))));
        String pi = workflow.start(LectureSelectionProcess.KEY, Lectures.roundRef(saved.getId()).businessKey(), vars);
        saved.setProcessInstanceId(pi);
        VersionedRow.save(saved, mapper::updateRound, clock);
        actionLog.record(Lectures.roundRef(saved.getId()), pi, null, "ROUND_OPEN", user, null);
        return saved;
    }

    /** The organiser closes the collection before its time: scoring starts. */
    public void closeCollection(long roundId, CurrentUser user) {
        LectureRound r = get(roundId, user);
        if (r.getStatus() != RoundStatus.COLLECTING) {
            throw BusinessException.conflict("lecture.error.notCollecting");
        }
        steps.runAt(r.getProcessInstanceId(), LectureSelectionProcess.TASK_COLLECT, user,
            step -> step.complete("CLOSE_ENTRIES", null, Map.of()));
    }

    /** The named judges: one to {@link #MAX_JUDGES} people of the campaign's subtree, each once. */
    private List<Person> judgesOf(List<String> usernames, Campaign c) {
        Set<String> names = new LinkedHashSet<>();
        if (usernames != null) {
            usernames.stream().filter(u -> u != null && !u.isBlank()).map(String::strip).forEach(names::add);
        }
        if (names.isEmpty() || names.size() > MAX_JUDGES) {
            throw BusinessException.invalid("lecture.error.judges", MAX_JUDGES);
        }
        List<Person> people = orgs.peopleByUsernames(names);
        Org top = orgs.get(c.getOrgId());
        for (String name : names) {
            Person p = people.stream().filter(x -> x.getUsername().equals(name)).findFirst().orElse(null);
            if (p == null || !p.isEnabled() || !top.contains(orgs.get(p.getOrgId()))) {
                throw BusinessException.invalid("lecture.error.judgeUnknown", name);
            }
        }
        return people;
    }
}
