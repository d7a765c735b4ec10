package cn.studyflow.system;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.MySession;
import cn.studyflow.session.SessionQueries;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/**
 * The home page ({@link HomeController} sends everyone but managers to the task list) also shows the person's
 * coming sessions and their attendance this year; only there, so that other pages do not pay for the queries.
 */
@ControllerAdvice(basePackages = "cn.studyflow.task")
@RequiredArgsConstructor
class HomeSessions {

    static final String HOME = "/tasks";

    private final SessionQueries sessions;

    @ModelAttribute
    void mySessions(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        if (user == null || !"GET".equals(request.getMethod()) || !(request.getContextPath() + HOME).equals(request.getRequestURI())) {
            return;
        }
        List<MySession> coming = sessions.coming(user);
        model.addAttribute("myComingSessions", coming);
        model.addAttribute("myAttendedSessions", sessions.attended(user));
    }
}
