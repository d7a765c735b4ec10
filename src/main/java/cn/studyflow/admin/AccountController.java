package cn.studyflow.admin;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own password: the form a temporary password leads to, and where anyone changes theirs. */
@Controller
@RequiredArgsConstructor
class AccountController {

    static final String PASSWORD_VIEW = "admin/password";

    private final AccountService accounts;

    @GetMapping(AccountFilter.CHANGE_PASSWORD)
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("forced", user.isMustChangePassword());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return PASSWORD_VIEW;
    }

    @PostMapping(AccountFilter.CHANGE_PASSWORD)
    String change(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String oldPassword,
                  @RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String repeated,
                  RedirectAttributes redirect) {
        accounts.changePassword(user, oldPassword, newPassword, repeated);
        // straight to a page: a flash message does not survive the home page's own redirect
        return Flash.redirect(redirect, "admin.password.changed", "/tasks");
    }
}
