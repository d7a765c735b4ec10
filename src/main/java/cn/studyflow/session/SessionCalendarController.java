package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The month calendar of an organisation's sessions (of its subtree for superiors) and its .ics export. */
@Controller
@RequiredArgsConstructor
class SessionCalendarController {

    static final String CALENDAR_VIEW = "session/calendar";

    private final SessionCalendar calendar;
    private final OrgService orgService;
    private final Clock clock;

    @GetMapping("/sessions/calendar")
    String month(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long org,
                 @RequestParam(required = false) String month, Model model) {
        model.addAttribute("calendar", calendar.month(user, org, month(month)));
        model.addAttribute("today", LocalDate.now(clock.withZone(ScheduleRules.ZONE)));
        return CALENDAR_VIEW;
    }

    /** The sessions of a year (this one unless asked) as an iCalendar file to import into a phone's calendar. */
    @GetMapping("/sessions/export.ics")
    ResponseEntity<String> ics(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long org,
                               @RequestParam(required = false) Integer year) {
        int y = year == null ? LocalDate.now(clock.withZone(ScheduleRules.ZONE)).getYear() : year;
        if (y < 2000 || y > 2100) {
            throw BusinessException.invalid("error.badRequest");
        }
        List<StudySession> sessions = calendar.sessions(user, org, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        String body = IcsExport.write(sessions, orgService.names(), "studyflow", clock);
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("sessions-" + y + ".ics").build().toString())
            .body(body);
    }

    private YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return YearMonth.now(clock.withZone(ScheduleRules.ZONE));
        }
        try {
            YearMonth m = YearMonth.parse(text.strip());
            if (m.getYear() < 2000 || m.getYear() > 2100) {
                throw BusinessException.invalid("session.error.month");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid("session.error.month");
        }
    }
}
