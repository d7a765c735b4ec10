package cn.studyflow.session;

import cn.studyflow.common.Flash;
import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of one session's schedule: its day, moving or cancelling it, proposing one and deciding it. The panel
 * with these forms is part of the session's page ({@code SessionPageController}).
 */
@Controller
@RequiredArgsConstructor
class SessionScheduleController {

    static final String NEW_VIEW = "session/new";

    private final SessionQueries queries;
    private final SessionScheduling scheduling;
    private final SessionProposals proposals;

    @PostMapping("/sessions/{id}/schedule")
    String schedule(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                    @ModelAttribute ScheduleForm form, RedirectAttributes redirect) {
        StudySession s = scheduling.schedule(user, id, form);
        return Flash.redirect(redirect, "session.scheduled", "/sessions/" + s.getId());
    }

    @PostMapping("/sessions/{id}/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) Integer version, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        scheduling.cancel(user, id, version, reason);
        return Flash.redirect(redirect, "session.cancelled", "/sessions/" + id);
    }

    @GetMapping("/sessions/new")
    String proposeForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (!queries.canPropose(user)) {
            throw BusinessException.forbidden();
        }
        model.addAttribute("schedulePanel", queries.newPanel(user));
        return NEW_VIEW;
    }

    @PostMapping("/sessions/new")
    String propose(@AuthenticationPrincipal CurrentUser user, @ModelAttribute ScheduleForm form,
                   RedirectAttributes redirect) {
        StudySession s = proposals.propose(user, form);
        return Flash.redirect(redirect, "session.proposed", "/sessions/" + s.getId());
    }

    @PostMapping("/sessions/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                   @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        proposals.approve(user, id, version);
        return Flash.redirect(redirect, "session.approved", "/sessions/" + id);
    }

    @PostMapping("/sessions/{id}/refuse")
    String refuse(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) Integer version, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        proposals.refuse(user, id, version, reason);
        return Flash.redirect(redirect, "session.refused", "/sessions/" + id);
    }
}
