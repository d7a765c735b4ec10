package cn.studyflow.admin;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Flash;
import cn.studyflow.common.FormErrors;
import cn.studyflow.org.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own API tokens: make one (its secret shown once, on the next page), see them, revoke one. */
@Controller
@RequiredArgsConstructor
class ApiTokenController {

    static final String TOKENS = "/account/tokens";
    static final String TOKENS_VIEW = "admin/tokens";
    /** The flash attribute that carries a new secret to the one page that shows it. */
    static final String NEW_SECRET = "newSecret";
    private static final int DEFAULT_DAYS = 90;

    private final ApiTokens tokens;
    private final MessageSource messages;

    @GetMapping(TOKENS)
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (!model.containsAttribute("name")) {
            model.addAttribute("name", "");
            model.addAttribute("expiresOn", LocalDate.now(tokens.clock()).plusDays(DEFAULT_DAYS));
            model.addAttribute("readOnly", true);
        }
        model.addAttribute("tokens", tokens.mine(user));
        model.addAttribute("now", tokens.now());
        model.addAttribute("maxDays", ApiTokens.MAX_DAYS);
        model.addAttribute("today", LocalDate.now(tokens.clock()));
        return TOKENS_VIEW;
    }

    @PostMapping(TOKENS)
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
                  @RequestParam(defaultValue = "false") boolean readOnly, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(NEW_SECRET, tokens.create(user, name, expiresOn, readOnly));
        } catch (BusinessException e) {
            FormErrors.show(e, messages, model, response);
            model.addAttribute("name", name);
            model.addAttribute("expiresOn", expiresOn);
            model.addAttribute("readOnly", readOnly);
            return list(user, model);
        }
        return Flash.redirect(redirect, "admin.token.created", TOKENS);
    }

    @PostMapping(TOKENS + "/{id}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(user, id);
        return Flash.redirect(redirect, "admin.token.revoked", TOKENS);
    }
}
