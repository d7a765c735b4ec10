package cn.studyflow.archive;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Scope;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The archive page of an organisation's year, its download, and the forms to ask for closing and to reopen. */
@Controller
@RequiredArgsConstructor
class ArchiveController {

    static final String PAGE_VIEW = "archive/page";

    private final ArchiveService archives;
    private final YearClosings closings;
    private final ArchiveAccess access;
    private final Scope scope;

    @GetMapping("/archive")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long org,
                @RequestParam(required = false) Integer year, Locale locale, Model model) {
        long orgId = org == null ? archives.defaultOrg(user) : org;
        int y = year == null ? archives.defaultYear() : year;
        ArchiveOverview overview = archives.overview(user, orgId, y, locale);
        model.addAttribute("archive", overview);
        model.addAttribute("orgs", scope.visibleOrgs(user).stream().filter(o -> access.canRead(user, o.getId())).toList());
        return PAGE_VIEW;
    }

    @GetMapping("/archive/download")
    void download(@AuthenticationPrincipal CurrentUser user, @RequestParam long org, @RequestParam int year,
                  Locale locale, HttpServletResponse response) throws IOException {
        archives.download(user, org, year, locale, response);
    }

    @PostMapping("/archive/closing")
    String requestClosing(@AuthenticationPrincipal CurrentUser user, @RequestParam long org, @RequestParam int year,
                          @RequestParam(required = false) String note, RedirectAttributes redirect) {
        closings.request(user, org, year, note);
        return Flash.redirect(redirect, "archive.flash.requested", ArchiveYears.link(org, year));
    }

    @PostMapping("/archive/reopen")
    String reopen(@AuthenticationPrincipal CurrentUser user, @RequestParam long org, @RequestParam int year,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        closings.reopen(user, org, year, reason);
        return Flash.redirect(redirect, "archive.flash.reopened", ArchiveYears.link(org, year));
    }

    /** A request's own page (the tasklist links here): the archive page of its year. */
    @GetMapping("/archive/closings/{id}")
    String closing(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        YearClosing c = closings.byId(id);
        if (c == null) {
            throw BusinessException.notFound();
        }
        access.requireRead(user, c.getOrgId());
        return "redirect:" + ArchiveYears.link(c.getOrgId(), c.getClosingYear());
    }
}
