package cn.studyflow.assessment;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Flash;
import cn.studyflow.common.FormErrors;
import cn.studyflow.common.PageOf;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bulletin pages: the list, a new draft from the figures, a bulletin with its editor, publication, .docx. */
@Controller
@RequiredArgsConstructor
class BulletinController {

    static final String LIST_VIEW = "assessment/bulletins";
    static final String DETAIL_VIEW = "assessment/bulletin";
    static final int PAGE_SIZE = 20;

    private final BulletinService bulletins;
    private final BulletinWord word;
    private final OrgService orgs;
    private final MessageSource messages;
    private final Clock clock;

    @GetMapping("/bulletins")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", bulletins.page(user, PageOf.page(page, PAGE_SIZE), PAGE_SIZE));
        model.addAttribute("issuer", user.has(Role.DEPT));
        if (user.has(Role.DEPT)) {
            List<Org> subtree = orgs.subtree(user.getOrg()).stream().filter(Org::isActive).toList();
            model.addAttribute("orgs", subtree);
            model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        }
        return LIST_VIEW;
    }

    /** Writes a draft from the figures and opens it for editing. */
    @PostMapping("/bulletins")
    String generate(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long org,
                    @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
                    Locale locale, RedirectAttributes redirect) {
        Bulletin b = bulletins.generate(user, org, year, quarter, locale);
        return Flash.redirect(redirect, "bulletin.done.generated", "/bulletins/" + b.getId());
    }

    @GetMapping("/bulletins/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        BulletinService.View v = bulletins.get(user, id);
        return show(v, v.bulletin().getTitle(), v.bulletin().getBody(), model);
    }

    /** Saves the edited draft; a refusal shows the page again with the text as typed and the reason on top. */
    @PostMapping("/bulletins/{id}")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                @RequestParam(required = false) String title, @RequestParam(required = false) String body,
                @RequestParam(required = false) Integer version, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            bulletins.edit(user, id, title, body, version);
            return Flash.redirect(redirect, "bulletin.done.saved", "/bulletins/" + id);
        } catch (BusinessException e) {
            FormErrors.show(e, messages, model, response);
            return show(bulletins.get(user, id), title, body, model);
        }
    }

    @PostMapping("/bulletins/{id}/publish")
    String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                   @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        bulletins.publish(user, id, version);
        return Flash.redirect(redirect, "bulletin.done.published", "/bulletins/" + id);
    }

    @GetMapping("/bulletins/{id}/docx")
    ResponseEntity<Resource> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale) {
        return word.download(id, user, locale);
    }

    private String show(BulletinService.View v, String title, String body, Model model) {
        model.addAttribute("v", v);
        model.addAttribute("b", v.bulletin());
        model.addAttribute("formTitle", title);
        model.addAttribute("formBody", body);
        model.addAttribute("maxTitle", BulletinService.MAX_TITLE);
        model.addAttribute("maxBody", BulletinService.MAX_BODY);
        return DETAIL_VIEW;
    }
}
