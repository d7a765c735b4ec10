package cn.studyflow.lecture;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Flash;
import cn.studyflow.common.FormErrors;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.upload.Downloads;
import cn.studyflow.upload.UploadField;
import cn.studyflow.workflow.DiagramState;
import cn.studyflow.workflow.Workflow;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A round's page and its steps (close the collection, score, order a tie, send up), and entries. */
@Controller
@RequiredArgsConstructor
class RoundController {

    static final String ROUND_VIEW = "lecture/round";
    static final String ENTER_VIEW = "lecture/enter";
    static final String ENTRY_VIEW = "lecture/entry";

    private final Campaigns campaigns;
    private final LectureRounds rounds;
    private final LectureEntries entries;
    private final LectureScoring scoring;
    private final LectureSendUp sendUp;
    private final SessionTopics topics;
    private final Workflow workflow;
    private final MessageSource messages;
    private final LectureProperties properties;

    @PostMapping("/lectures/campaigns/{id}/rounds")
    String open(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                @ModelAttribute RoundForm form, BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            throw BusinessException.invalid("lecture.error.roundDates");
        }
        LectureRound r = rounds.open(id, user, form);
        return Flash.redirect(redirect, "lecture.done.roundOpened", Lectures.roundLink(r.getId()));
    }

    @GetMapping("/lectures/rounds/{id}")
    String round(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        LectureRound r = rounds.get(id, user);
        model.addAttribute("round", r);
        model.addAttribute("campaign", campaigns.get(r.getCampaignId(), user));
        model.addAttribute("criteria", campaigns.criteria(r.getCampaignId()));
        model.addAttribute("entries", rounds.entries(id));
        model.addAttribute("judges", rounds.judges(id));
        model.addAttribute("organiser", rounds.isOrganiser(r, user));
        model.addAttribute("scoringTask", rounds.scoringTask(r, user).orElse(null));
        model.addAttribute("myScores", scoring.own(id, user));
        model.addAttribute("allScores", r.isClosed() ? scoring.all(r) : null);
        model.addAttribute("absences", scoring.absences(r));
        model.addAttribute("tied", r.getStatus() == RoundStatus.RANKING ? sendUp.tied(r) : List.of());
        model.addAttribute("chosen", r.getStatus() == RoundStatus.RANKING ? sendUp.chosen(r) : List.of());
        model.addAttribute("currentSteps", rounds.currentSteps(r));
        model.addAttribute("top", r.getLevelNo() == campaigns.levels(r.getCampaignId()).size() - 1);
        return ROUND_VIEW;
    }

    @GetMapping(value = "/lectures/rounds/{id}/diagram", produces = "application/json")
    @ResponseBody
    DiagramState diagram(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return workflow.diagram(rounds.get(id, user).getProcessInstanceId());
    }

    @PostMapping("/lectures/rounds/{id}/close")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        rounds.closeCollection(id, user);
        return Flash.redirect(redirect, "lecture.done.closed", Lectures.roundLink(id));
    }

    @PostMapping("/lectures/rounds/{id}/entries/{entryId}/scores")
    String score(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long entryId,
                 @RequestParam(name = "score", required = false) List<Integer> scores, RedirectAttributes redirect) {
        scoring.score(id, entryId, user, scores);
        return Flash.redirect(redirect, "lecture.done.scored", Lectures.roundLink(id));
    }

    @PostMapping("/lectures/rounds/{id}/tie")
    String breakTie(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                    @RequestParam(name = "order", required = false) List<Long> order,
                    @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        sendUp.breakTie(id, user, order, reason);
        return Flash.redirect(redirect, "lecture.done.tieBroken", Lectures.roundLink(id));
    }

    @PostMapping("/lectures/rounds/{id}/send-up")
    String sendUp(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        sendUp.sendUp(id, user);
        return Flash.redirect(redirect, "lecture.done.sentUp", Lectures.roundLink(id));
    }

    @GetMapping("/lectures/rounds/{id}/entries/new")
    String newEntry(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        EntryForm form = new EntryForm();
        form.setRoundId(id);
        return showEnter(user, form, model);
    }

    @PostMapping("/lectures/entries")
    String enter(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") EntryForm form, BindingResult errors,
                 @RequestParam(required = false) MultipartFile slides, @RequestParam(required = false) MultipartFile video,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if (errors.hasErrors()) {
                throw BusinessException.invalid("error.badRequest");
            }
            LectureEntry e = entries.enter(user, form, slides, video);
            return Flash.redirect(redirect, "lecture.done.entered", Lectures.entryLink(e.getId()));
        } catch (BusinessException e) {
            FormErrors.show(e, messages, model, response);
            return showEnter(user, form, model);
        }
    }

    @GetMapping("/lectures/entries/{id}")
    String entry(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        LectureEntry e = entries.get(id, user);
        model.addAttribute("entry", e);
        model.addAttribute("rounds", entries.roundsOf(e));
        model.addAttribute("owner", entries.isOwner(e, user));
        model.addAttribute("topicSessions", topics.sessionsOf(e, user));
        boolean inLibrary = e.getSelectedLevel() != null && e.getStatus() == EntryStatus.ENTERED;
        model.addAttribute("linkable", inLibrary ? topics.linkable(user) : List.of());
        return ENTRY_VIEW;
    }

    /** A session of mine not yet held takes this library lecture as its topic. */
    @PostMapping("/lectures/entries/{id}/sessions")
    String linkSession(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                       @RequestParam(required = false) Long sessionId, RedirectAttributes redirect) {
        if (sessionId == null) {
            throw BusinessException.invalid("lecture.error.sessionMissing");
        }
        topics.link(id, sessionId, user);
        return Flash.redirect(redirect, "lecture.done.topic", Lectures.entryLink(id));
    }

    @PostMapping("/lectures/entries/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        entries.withdraw(id, user);
        return Flash.redirect(redirect, "lecture.done.withdrawn", Lectures.entryLink(id));
    }

    @PostMapping("/lectures/entries/{id}/script")
    String script(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) Long materialId, RedirectAttributes redirect) {
        entries.attachScript(id, user, materialId);
        return Flash.redirect(redirect, "lecture.done.script", Lectures.entryLink(id));
    }

    @GetMapping("/lectures/entries/{id}/{kind:slides|video}")
    ResponseEntity<Resource> file(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                  @PathVariable String kind) {
        return entries.file(entries.get(id, user), "video".equals(kind));
    }

    private String showEnter(CurrentUser user, EntryForm form, Model model) {
        LectureRound r = rounds.get(form.getRoundId() == null ? -1 : form.getRoundId(), user);
        model.addAttribute("form", form);
        model.addAttribute("round", r);
        model.addAttribute("campaign", campaigns.get(r.getCampaignId(), user));
        model.addAttribute("mayRecommend", LectureEntries.mayRecommend(user));
        model.addAttribute("nominations", Nomination.values());
        model.addAttribute("slidesField", UploadField.of(properties.maxSlidesSize(), LectureFileType.SLIDES));
        model.addAttribute("videoField", UploadField.of(properties.maxVideoSize(), LectureFileType.VIDEO));
        return ENTER_VIEW;
    }
}
