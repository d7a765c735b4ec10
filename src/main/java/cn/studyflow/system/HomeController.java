package cn.studyflow.system;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    static final String LOGIN_VIEW = "login";

    /** Managers (领导) start on the status of their subtree; everyone else on their tasks. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return user != null && user.has(Role.MANAGER) ? "redirect:/status" : "redirect:/tasks";
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute("locked", failure instanceof LockedException);
        return LOGIN_VIEW;
    }
}
