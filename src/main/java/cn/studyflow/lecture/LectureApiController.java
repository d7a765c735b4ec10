package cn.studyflow.lecture;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/lectures")
@Tag(name = "lectures", description = "Party lecture selection (我来讲党课): campaigns, rounds, scores, library")
@RequiredArgsConstructor
class LectureApiController {

    private final Campaigns campaigns;
    private final LectureRounds rounds;
    private final LectureEntries entries;
    private final LectureScoring scoring;
    private final LectureSendUp sendUp;
    private final LectureLibrary library;
    private final TeacherPool teachers;
    private final SessionTopics topics;
    private final LectureProgress progressView;

    @GetMapping("/campaigns")
    @Operation(summary = "Campaigns of my organisation and those above it (and below, for those who oversee)")
    List<Campaign> campaigns(@AuthenticationPrincipal CurrentUser user) {
        return campaigns.visible(user);
    }

    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a campaign of my organisation (publicity department): levels from the lowest, the top one my organisation's kind; criteria with weights")
    CampaignView publish(@AuthenticationPrincipal CurrentUser user, @RequestBody CampaignForm form) {
        return campaign(user, campaigns.create(user, form).getId());
    }

    @GetMapping("/campaigns/{id}")
    @Operation(summary = "A campaign with its levels, criteria, rounds and results")
    CampaignView campaign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        Campaign c = campaigns.get(id, user);
        return new CampaignView(c, campaigns.levels(id), campaigns.criteria(id), rounds.rounds(id), library.results(c));
    }

    @PostMapping("/campaigns/{id}/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a round at my organisation's level: levelNo, entriesCloseAt, deadline (local date-times), judges (user names)")
    RoundView openRound(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody RoundForm form) {
        return round(user, rounds.open(id, user, form).getId());
    }

    @GetMapping("/rounds/{id}")
    @Operation(summary = "A round: entries, judges, my own scores; every judge's scores only once scoring has closed")
    RoundView round(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        LectureRound r = rounds.get(id, user);
        return new RoundView(r, rounds.entries(id), rounds.judges(id), scoring.own(id, user),
            r.isClosed() ? scoring.all(r) : null);
    }

    @PostMapping("/rounds/{id}/close")
    @Operation(summary = "The organiser closes the collection before its time; scoring starts")
    RoundView close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        rounds.closeCollection(id, user);
        return round(user, id);
    }

    @PostMapping("/rounds/{id}/entries/{entryId}/scores")
    @Operation(summary = "A judge scores one entry: one score 0-100 per criterion, in the criteria's order; never an entry of the judge's own organisation")
    Map<Long, Map<Integer, Integer>> score(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                           @PathVariable long entryId, @RequestBody Scores body) {
        scoring.score(id, entryId, user, body == null ? null : body.scores());
        return scoring.own(id, user);
    }

    @PostMapping("/rounds/{id}/tie")
    @Operation(summary = "The organiser orders the entries tied at the cut-off (entry ids, first first) with a reason")
    RoundView breakTie(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Tie body) {
        if (body == null) {
            throw BusinessException.invalid("lecture.error.tieOrder");
        }
        sendUp.breakTie(id, user, body.order(), body.reason());
        return round(user, id);
    }

    @PostMapping("/rounds/{id}/send-up")
    @Operation(summary = "The organiser sends the best up to the next level's round (at the top: names them outstanding)")
    RoundView sendUp(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        sendUp.sendUp(id, user);
        return round(user, id);
    }

    @PostMapping(value = "/entries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter a lecture in an open first-level round: self-nomination or a recommendation; slides and a video optional")
    LectureEntry enter(@AuthenticationPrincipal CurrentUser user, @ModelAttribute EntryForm form,
                       @RequestPart(required = false) MultipartFile slides,
                       @RequestPart(required = false) MultipartFile video) {
        return entries.enter(user, form, slides, video);
    }

    @GetMapping("/entries/{id}")
    @Operation(summary = "An entry with the rounds it has been in")
    EntryView entry(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        LectureEntry e = entries.get(id, user);
        return new EntryView(e, entries.roundsOf(e));
    }

    @GetMapping("/entries/{id}/sessions")
    @Operation(summary = "The study sessions I may see that take this library lecture as their topic")
    List<TopicSession> topicSessions(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return topics.sessionsOf(entries.get(id, user), user).stream()
            .map(s -> new TopicSession(s.getId(), s.getTitle(), s.getSessionDate())).toList();
    }

    @PostMapping("/entries/{id}/sessions")
    @Operation(summary = "A session of mine not yet held takes this library lecture as its topic: sessionId")
    List<TopicSession> linkSession(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                   @RequestBody TopicLink link) {
        if (link == null || link.sessionId() == null) {
            throw BusinessException.invalid("lecture.error.sessionMissing");
        }
        topics.link(id, link.sessionId(), user);
        return topicSessions(user, id);
    }

    @PostMapping("/entries/{id}/withdraw")
    @Operation(summary = "Withdraw an entry while its round still collects (its lecturer or whoever entered it)")
    EntryView withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        entries.withdraw(id, user);
        return entry(user, id);
    }

    @GetMapping("/library")
    @Operation(summary = "The lecture library: selected lectures of campaigns at or above my organisation")
    List<LectureEntry> library(@AuthenticationPrincipal CurrentUser user, @ParameterObject LibraryFilter filter) {
        return library.search(user, filter);
    }

    @GetMapping("/progress")
    @Operation(summary = "A month's lectures entered, given at home and rounds opened per organisation I may see")
    LectureProgress.Month progress(@AuthenticationPrincipal CurrentUser user, @RequestParam int year,
                                   @RequestParam int month) {
        return progressView.month(user, year, month);
    }

    @GetMapping("/teachers")
    @Operation(summary = "The teacher pool (师资团): lecturers named outstanding in campaigns at or above my organisation")
    List<Teacher> teachers(@AuthenticationPrincipal CurrentUser user) {
        return teachers.readable(user);
    }

    record Scores(List<Integer> scores) {
    }

    record TopicLink(Long sessionId) {
    }

    record TopicSession(long id, String title, LocalDate date) {
    }

    record Tie(List<Long> order, String reason) {
    }

    record CampaignView(Campaign campaign, List<CampaignLevel> levels, List<Criterion> criteria,
                        List<LectureRound> rounds, LectureLibrary.Results results) {
    }

    record RoundView(LectureRound round, List<RoundEntry> entries, List<Judge> judges,
                     Map<Long, Map<Integer, Integer>> myScores, Map<Long, Map<Long, Map<Integer, Integer>>> allScores) {
    }

    record EntryView(LectureEntry entry, List<RoundEntry> rounds) {
    }
}
