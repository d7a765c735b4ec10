package cn.studyflow.audit;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.common.PageOf;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Random draws: the form, the list of past draws, one draw with its inputs, seed and result, and its check. */
@Controller
@RequiredArgsConstructor
class AuditDrawController {

    static final String DRAWS_VIEW = "audit/draws";
    static final String DRAW_VIEW = "audit/draw";

    private final AuditService audits;
    private final AuditPlanning planning;
    private final AuditDrawService draws;
    private final OrgService orgService;
    private final Clock clock;

    @GetMapping("/audits/draws")
    String draws(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("page", audits.draws(user, PageOf.page(page, 20), 20));
        model.addAttribute("orgs", audits.subordinateOrgs(user));
        model.addAttribute("from", today);
        model.addAttribute("to", today.plusMonths(1));
        return DRAWS_VIEW;
    }

    @PostMapping("/audits/draws")
    String draw(@AuthenticationPrincipal CurrentUser user,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) List<Long> orgIds, @RequestParam(required = false) Integer sessions,
                @RequestParam(required = false) Integer auditorsPerSession, RedirectAttributes redirect) {
        AuditPlanning.DrawOutcome outcome = planning.drawRandom(user,
            new AuditRequests.Draw(from, to, orgIds, sessions, auditorsPerSession));
        return Flash.redirect(redirect, "audit.draw.done", "/audits/draws/" + outcome.draw().getId());
    }

    @GetMapping("/audits/draws/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        StoredDraw draw = audits.getDraw(id, user);
        AuditDraw.Input input = draws.inputOf(draw);
        AuditDraw.Result result = draws.resultOf(draw);
        model.addAttribute("draw", draw);
        model.addAttribute("input", input);
        model.addAttribute("result", result);
        model.addAttribute("audits", audits.auditsOfDraw(draw));
        model.addAttribute("orgNames", orgService.names());
        model.addAttribute("personNames", audits.poolNames(draw.getDeptOrgId()));
        return DRAW_VIEW;
    }

    @PostMapping("/audits/draws/{id}/verify")
    String verify(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        AuditDrawService.Verification verification = audits.verifyDraw(id, user);
        redirect.addFlashAttribute("verified", verification.matches());
        return "redirect:/audits/draws/" + id;
    }
}
