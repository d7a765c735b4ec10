package cn.studyflow.notify;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.PageOf;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequiredArgsConstructor
class NotificationController {

    static final String LIST_VIEW = "notify/list";

    private final NotificationService service;

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", service.page(user.getPersonId(), PageOf.page(page, 20), 20));
        return LIST_VIEW;
    }

    /** Marks a notification read and goes to what it is about (only ever a path within StudyFlow). */
    @PostMapping("/notifications/{id}/open")
    String open(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        String link = service.markRead(user.getPersonId(), id);
        return link != null && link.startsWith("/") && !link.startsWith("//") ? "redirect:" + link : "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal CurrentUser user) {
        service.markRead(user.getPersonId(), null);
        return "redirect:/notifications";
    }
}
