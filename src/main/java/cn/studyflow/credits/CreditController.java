package cn.studyflow.credits;

import cn.studyflow.common.Flash;
import cn.studyflow.common.PageOf;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.status.XlsxSheet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequiredArgsConstructor
class CreditController {

    static final String STANDINGS_VIEW = "credits/standings";
    static final String RECORD_VIEW = "credits/record";
    static final String RULES_VIEW = "credits/rules";
    /** Rows a page of standings shows; a city's subtree holds thousands (the .xlsx has them all). */
    static final int PAGE_SIZE = 100;

    private final CreditStandings standings;
    private final PersonalRecord records;
    private final CreditRules rules;
    private final CreditWord word;
    private final MessageSource messages;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    /** Keepers and superiors land on their organisation's standings, everyone else on their own record. */
    @GetMapping("/credits")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return standings.readsStandings(user) ? "redirect:/credits/orgs/" + user.getOrgId()
            : "redirect:/credits/people/" + user.getPersonId();
    }

    @GetMapping("/credits/orgs/{orgId}")
    String standings(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId,
                     @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean subtree,
                     @RequestParam(defaultValue = "false") boolean shortOnly,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        int y = year == null ? standings.thisYear() : year;
        List<CreditStanding> rows = standings.standings(user, orgId, y, subtree);
        model.addAttribute("org", standings.readableOrg(user, orgId, subtree));
        model.addAttribute("year", y);
        model.addAttribute("subtree", subtree);
        model.addAttribute("shortOnly", shortOnly);
        model.addAttribute("mayWidenToSubtree", user.seesSubtree());
        List<CreditStanding> shown = shortOnly ? rows.stream().filter(CreditStanding::isShort).toList() : rows;
        int p = PageOf.page(page, PAGE_SIZE);
        int from = (int) Math.min((long) p * PAGE_SIZE, shown.size());
        model.addAttribute("page", new PageOf<>(shown.subList(from, Math.min(shown.size(), from + PAGE_SIZE)),
            shown.size(), p, PAGE_SIZE));
        model.addAttribute("count", rows.size());
        model.addAttribute("shortCount", rows.stream().filter(CreditStanding::isShort).count());
        model.addAttribute("retrainingCount", rows.stream().filter(CreditStanding::retraining).count());
        return STANDINGS_VIEW;
    }

    @GetMapping("/credits/orgs/{orgId}/xlsx")
    void standingsXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId,
                       @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean subtree,
                       Locale locale, HttpServletResponse response) throws IOException {
        int y = year == null ? standings.thisYear() : year;
        List<CreditStanding> rows = standings.standings(user, orgId, y, subtree);
        XlsxSheet.respond(response, messages.getMessage("credits.sheet", new Object[] {y}, locale),
            CreditSheet.heads(messages, locale), zone, sheet -> rows.forEach(r -> sheet.row(CreditSheet.cells(r, messages, locale))));
    }

    @GetMapping("/credits/people/{personId}")
    String record(@AuthenticationPrincipal CurrentUser user, @PathVariable long personId,
                  @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("record", records.of(user, personId, year == null ? standings.thisYear() : year));
        return RECORD_VIEW;
    }

    @GetMapping("/credits/people/{personId}/docx")
    ResponseEntity<Resource> recordDocx(@AuthenticationPrincipal CurrentUser user, @PathVariable long personId,
                                        @RequestParam(required = false) Integer year, Locale locale) {
        return word.download(records.of(user, personId, year == null ? standings.thisYear() : year), locale);
    }

    @GetMapping("/credits/rules")
    String rules(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("book", rules.book());
        model.addAttribute("items", rules.items());
        model.addAttribute("mayEdit", user.has(Role.ADMIN));
        model.addAttribute("today", LocalDate.now(zone));
        return RULES_VIEW;
    }

    @PostMapping("/credits/rules")
    String saveRule(@AuthenticationPrincipal CurrentUser user,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                    @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        rules.save(user, effectiveFrom, params);
        return Flash.redirect(redirect, "credits.rule.saved", "/credits/rules");
    }
}
