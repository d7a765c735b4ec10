package cn.studyflow.system;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.AnnualPlanDue;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The home page's deadlines that no task carries yet: a secretary's annual plan not started, with the days
 * left until it is due. Only on the home page ({@link HomeSessions#HOME}), so that other pages do not pay for it.
 */
@ControllerAdvice(basePackages = "cn.studyflow.task")
@RequiredArgsConstructor
class HomeDeadlines {

    private final AnnualPlanDue annualPlan;

    @ModelAttribute
    void planDue(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        if (user == null || !"GET".equals(request.getMethod())
            || !(request.getContextPath() + HomeSessions.HOME).equals(request.getRequestURI())) {
            return;
        }
        annualPlan.of(user).ifPresent(due -> model.addAttribute("planDue", due));
    }
}
