package cn.studyflow.session;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import java.time.Clock;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequiredArgsConstructor
class SessionController {

    static final String LIST_VIEW = "session/list";

    private final SessionService service;
    private final OrgService orgService;
    private final Clock clock;
    private final SessionProposals proposals;
    private final SessionQueries queries;

    @GetMapping("/sessions")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("sessions", service.visible(user, shown));
        model.addAttribute("orgNames", orgService.names());
        model.addAttribute("waiting", proposals.waiting(user));
        model.addAttribute("canPropose", queries.canPropose(user));
        return LIST_VIEW;
    }
}
