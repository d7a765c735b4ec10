package cn.studyflow.system;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.MyWork;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout shows on every page: who is logged in, how many notifications are unread and how many tasks
 * wait for them.
 */
@ControllerAdvice
@RequiredArgsConstructor
class GlobalModel {

    private final NotificationService notifications;
    private final MyWork work;

    @ModelAttribute("me")
    CurrentUser me(@AuthenticationPrincipal CurrentUser user) {
        return user;
    }

    @ModelAttribute("openWork")
    OpenWork openWork(@AuthenticationPrincipal CurrentUser user) {
        return new OpenWork(work, user);
    }

    /** Not for the JSON API: its answers have no layout, and every call counted the notifications for nothing. */
    @ModelAttribute("unreadCount")
    int unreadCount(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? 0 : unreadCount(user);
    }

    int unreadCount(CurrentUser user) {
        return user == null ? 0 : notifications.unreadCount(user.getPersonId());
    }
}
