package cn.studyflow.system;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout shows on every page: who is logged in and how many notifications are unread. */
@ControllerAdvice
@RequiredArgsConstructor
class GlobalModel {

    private final NotificationService notifications;

    @ModelAttribute("me")
    CurrentUser me(@AuthenticationPrincipal CurrentUser user) {
        return user;
    }

    @ModelAttribute("unreadCount")
    int unreadCount(@AuthenticationPrincipal CurrentUser user) {
        return user == null ? 0 : notifications.unreadCount(user.getPersonId());
    }
}
