package cn.studyflow.admin;

import cn.studyflow.admin.TrailMapper.TrailFilter;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.status.XlsxSheet;
import cn.studyflow.common.Like;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The trail of administrative changes, for system administrators: filtered, paged and exported. */
@Controller
@RequiredArgsConstructor
class TrailController {

    static final String TRAIL_VIEW = "admin/trail";
    static final int PAGE_SIZE = 50;
    static final List<String> ACTIONS = List.of("ORG_CREATE", "ORG_RENAME", "ORG_MOVE", "ORG_DEACTIVATE",
        "ORG_REACTIVATE", "PERSON_CREATE", "PERSON_UPDATE", "PERSON_ROLES", "PERSON_PASSWORD", "PERSON_UNLOCK",
        "PERSON_DEACTIVATE", "PERSON_REACTIVATE", "PERSON_IMPORT", "IMPORT", "PASSWORD_CHANGE");

    private final Trail trail;
    private final AdminAccess access;
    private final MessageSource messages;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    @GetMapping("/admin/trail")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
                @RequestParam(required = false) String action, @RequestParam(required = false) String type,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
                @RequestParam(defaultValue = "0") int page, Model model) {
        access.requireSystemAdmin(user);
        model.addAttribute("result", trail.page(filter(q, action, type, from, until), Math.max(0, page), PAGE_SIZE));
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("q", q);
        model.addAttribute("action", action);
        model.addAttribute("type", type);
        model.addAttribute("from", from);
        model.addAttribute("until", until);
        return TRAIL_VIEW;
    }

    @GetMapping("/admin/trail/export.xlsx")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
                @RequestParam(required = false) String action, @RequestParam(required = false) String type,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
                HttpServletResponse response) throws IOException {
        access.requireSystemAdmin(user);
        Locale locale = LocaleContextHolder.getLocale();
        List<String> headers = List.of("time", "actor", "action", "object", "before", "after").stream()
            .map(h -> messages.getMessage("admin.trail.col." + h, null, h, locale)).toList();
        ImportController.prepare(response, "trail-" + LocalDate.now(zone) + ".xlsx");
        try (OutputStream out = response.getOutputStream();
             XlsxSheet sheet = new XlsxSheet(out, "trail", headers, zone)) {
            trail.each(filter(q, action, type, from, until), e -> sheet.row(e.getCreatedAt(), e.getActorName(),
                messages.getMessage("admin.trail.action." + e.getAction(), null, e.getAction(), locale),
                e.getObjectName(), e.getBeforeValue(), e.getAfterValue()));
        }
    }

    private TrailFilter filter(String q, String action, String type, LocalDate from, LocalDate until) {
        return new TrailFilter(Like.containing(q), action != null && ACTIONS.contains(action) ? action : null,
            Trail.ORG.equals(type) || Trail.PERSON.equals(type) ? type : null,
            from == null ? null : from.atStartOfDay(zone).toOffsetDateTime(),
            until == null ? null : until.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }
}
