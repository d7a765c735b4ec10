package cn.studyflow.system;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    static final String LOGIN_VIEW = "login";

    /** Managers (领导) start on the status of their subtree; everyone else on their tasks. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return user != null && user.has(Role.MANAGER) ? "redirect:/status" : "redirect:/tasks";
    }

    /** One message for every failed login (see {@link ThrottledLoginProvider}), whatever the reason. */
    @GetMapping("/login")
    String login() {
        return LOGIN_VIEW;
    }
}
