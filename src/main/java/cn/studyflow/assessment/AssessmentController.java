package cn.studyflow.assessment;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Flash;
import cn.studyflow.common.FormErrors;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The assessment pages: the department's ranking, one organisation's scorecard with its grade, the weights. */
@Controller
@RequiredArgsConstructor
class AssessmentController {

    static final String RANKING_VIEW = "assessment/ranking";
    static final String DETAIL_VIEW = "assessment/detail";
    static final String WEIGHTS_VIEW = "assessment/weights";

    private final AssessmentService assessments;
    private final AssessmentWeights weights;
    private final AssessmentScores scores;
    private final MessageSource messages;

    /** The department's ranking; an organisation's secretary or leader is sent to their own assessment. */
    @GetMapping("/assessments")
    String ranking(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        if (!user.has(Role.DEPT) && (user.has(Role.SECRETARY) || user.has(Role.LEADER))) {
            return "redirect:/assessments/" + user.getOrgId() + (year == null ? "" : "?year=" + year);
        }
        if (!user.has(Role.DEPT) && user.has(Role.ADMIN)) {
            return "redirect:/assessments/weights";
        }
        model.addAttribute("r", assessments.ranking(user, year));
        return RANKING_VIEW;
    }

    @GetMapping("/assessments/{orgId}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId,
                  @RequestParam(required = false) Integer year, Model model) {
        AssessmentService.View v = assessments.view(user, orgId, year);
        Assessment a = v.assessment();
        return show(v, a == null ? null : a.getGrade(), a == null ? null : a.getComment(), model);
    }

    /** Records the grade and comment; a refusal shows the page again with what was typed and the reason on top. */
    @PostMapping("/assessments/{orgId}/grade")
    String grade(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId,
                 @RequestParam(required = false) Integer year, @RequestParam(required = false) String grade,
                 @RequestParam(required = false) String comment, @RequestParam(required = false) Integer version,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Grade g = AssessmentService.grade(grade);
        try {
            Assessment a = assessments.grade(user, orgId, year, g, comment, version);
            return Flash.redirect(redirect, "assessment.done.graded", "/assessments/" + orgId + "?year=" + a.getAssessYear());
        } catch (BusinessException e) {
            FormErrors.show(e, messages, model, response);
            return show(assessments.view(user, orgId, year), g, comment, model);
        }
    }

    @GetMapping("/assessments/weights")
    String weights(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireAdmin(user);
        return showWeights(weights.current().byIndicator(), model);
    }

    @PostMapping("/assessments/weights")
    String saveWeights(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        requireAdmin(user);
        Map<Indicator, Integer> typed = new EnumMap<>(Indicator.class);
        try {
            for (Indicator i : Indicator.values()) {
                typed.put(i, AssessmentService.weight(i, form.get(i.name())));
            }
            weights.save(user, typed);
            return Flash.redirect(redirect, "assessment.done.weights", "/assessments/weights");
        } catch (BusinessException e) {
            FormErrors.show(e, messages, model, response);
            return showWeights(typed, model);
        }
    }

    private String show(AssessmentService.View v, Grade grade, String comment, Model model) {
        model.addAttribute("v", v);
        model.addAttribute("grades", Grade.values());
        model.addAttribute("formGrade", grade);
        model.addAttribute("formComment", comment);
        model.addAttribute("maxComment", AssessmentService.MAX_COMMENT);
        return DETAIL_VIEW;
    }

    private String showWeights(Map<Indicator, Integer> shown, Model model) {
        model.addAttribute("indicators", Indicator.values());
        Map<String, Integer> byName = new HashMap<>();
        shown.forEach((i, w) -> byName.put(i.name(), w));
        model.addAttribute("shown", byName);
        model.addAttribute("available", scores.available());
        model.addAttribute("saved", weights.saved());
        model.addAttribute("total", Weights.TOTAL);
        return WEIGHTS_VIEW;
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.has(Role.ADMIN)) {
            throw BusinessException.notFound();
        }
    }
}
