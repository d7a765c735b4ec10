package cn.studyflow.lecture;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Flash;
import cn.studyflow.common.FormErrors;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgKind;
import cn.studyflow.status.XlsxSheet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Campaigns, their results and certificate list, the lecture library and the teacher pool. */
@Controller
@RequiredArgsConstructor
class LectureController {

    static final String LIST_VIEW = "lecture/list";
    static final String NEW_VIEW = "lecture/new";
    static final String CAMPAIGN_VIEW = "lecture/campaign";
    static final String RESULTS_VIEW = "lecture/results";
    static final String LIBRARY_VIEW = "lecture/library";
    static final String TEACHERS_VIEW = "lecture/teachers";

    private final Campaigns campaigns;
    private final LectureRounds rounds;
    private final LectureEntries entries;
    private final LectureLibrary library;
    private final TeacherPool teachers;
    private final MessageSource messages;
    private final Clock clock;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    @GetMapping("/lectures")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("campaigns", campaigns.visible(user));
        model.addAttribute("judging", rounds.judging(user));
        model.addAttribute("mayPublish", campaigns.mayPublish(user));
        return LIST_VIEW;
    }

    @GetMapping("/lectures/campaigns/new")
    String newCampaign(@AuthenticationPrincipal CurrentUser user, Model model) {
        requirePublisher(user);
        return showNew(CampaignForm.blank(LocalDate.now(clock.withZone(zone)).getYear()), model);
    }

    @PostMapping("/lectures/campaigns")
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") CampaignForm form,
                  BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if (errors.hasErrors()) {
                throw BusinessException.invalid("error.badRequest");
            }
            Campaign c = campaigns.create(user, form);
            return Flash.redirect(redirect, "lecture.done.published", Lectures.campaignLink(c.getId()));
        } catch (BusinessException e) {
            FormErrors.show(e, messages, model, response);
            return showNew(form, model);
        }
    }

    @GetMapping("/lectures/campaigns/{id}")
    String campaign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Campaign c = campaigns.get(id, user);
        List<CampaignLevel> levels = campaigns.levels(id);
        model.addAttribute("campaign", c);
        model.addAttribute("levels", levels);
        model.addAttribute("criteria", campaigns.criteria(id));
        model.addAttribute("rounds", rounds.rounds(id));
        model.addAttribute("openRounds", entries.openRounds(c, user));
        model.addAttribute("openable", levels.stream().filter(l -> rounds.mayOpen(c, l.getLevelNo(), user)).toList());
        model.addAttribute("roundForm", new RoundForm());
        model.addAttribute("results", library.results(c));
        return CAMPAIGN_VIEW;
    }

    @GetMapping("/lectures/campaigns/{id}/results")
    String results(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Campaign c = campaigns.get(id, user);
        model.addAttribute("campaign", c);
        model.addAttribute("results", library.results(c));
        return RESULTS_VIEW;
    }

    /** The certificate list (获奖名单): outstanding lectures with their lecturers and units. */
    @GetMapping("/lectures/campaigns/{id}/certificates.xlsx")
    void certificates(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale,
                      HttpServletResponse response) throws IOException {
        Campaign c = campaigns.get(id, user);
        LectureLibrary.Results results = library.results(c);
        List<String> headers = Arrays.asList("lecture.cert.award", "lecture.entry.title", "lecture.entry.lecturer",
            "lecture.entry.org", "lecture.entry.category").stream().map(k -> messages.getMessage(k, null, locale)).toList();
        String award = messages.getMessage("lecture.cert.outstanding", null, locale);
        XlsxSheet.respond(response, messages.getMessage("lecture.cert.sheet", null, locale), headers, zone,
            sheet -> results.lectures().forEach(e -> sheet.row(award, e.getTitle(), e.getLecturerName(),
                e.getOrgName(), e.getCategory())));
    }

    @GetMapping("/lectures/library")
    String library(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") LibraryFilter filter, Model model) {
        model.addAttribute("lectures", library.search(user, filter));
        return LIBRARY_VIEW;
    }

    @GetMapping("/lectures/teachers")
    String teachers(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("teachers", teachers.readable(user));
        return TEACHERS_VIEW;
    }

    private String showNew(CampaignForm form, Model model) {
        while (form.getLevels().size() < Campaigns.MAX_LEVELS - 1) {
            form.getLevels().add(new CampaignForm.LevelRow());
        }
        while (form.getCriteria().size() < 5) {
            form.getCriteria().add(new CampaignForm.CriterionRow());
        }
        model.addAttribute("form", form);
        model.addAttribute("kinds", OrgKind.values());
        return NEW_VIEW;
    }

    private void requirePublisher(CurrentUser user) {
        if (!campaigns.mayPublish(user)) {
            throw BusinessException.forbidden();
        }
    }
}
