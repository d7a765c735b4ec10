package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.status.XlsxSheet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The attendance of an organisation's people at the held sessions of a year, linked from the dashboard's attendance
 * column, and its .xlsx export the way the dashboard exports.
 */
@Controller
@RequiredArgsConstructor
class SessionAttendanceController {

    static final String ATTENDANCE_VIEW = "session/attendance";

    private final SessionAccess access;
    private final SessionRecordMapper records;
    private final SessionRecordProperties properties;
    private final OrgService orgService;
    private final MessageSource messages;
    private final Clock clock;

    @GetMapping("/sessions/attendance")
    String attendance(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long org,
                      @RequestParam(required = false) Integer year, Model model) {
        long orgId = org == null ? user.getOrgId() : org;
        int shown = year(year);
        List<PersonAttendance> people = people(user, orgId, shown);
        model.addAttribute("org", orgService.get(orgId));
        model.addAttribute("year", shown);
        model.addAttribute("people", people);
        model.addAttribute("threshold", properties.attendanceThreshold());
        model.addAttribute("leaveExcused", properties.leaveExcused());
        return ATTENDANCE_VIEW;
    }

    @GetMapping("/sessions/attendance.xlsx")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long org,
                @RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
        long orgId = org == null ? user.getOrgId() : org;
        List<PersonAttendance> people = people(user, orgId, year(year));
        List<String> headers = Stream.of("sessionrecord.person", "sessionrecord.sessions", "sessionrecord.attended",
            "sessionrecord.lateOf", "sessionrecord.onLeave", "sessionrecord.leaveMadeUp", "sessionrecord.absent",
            "sessionrecord.absentMadeUp", "sessionrecord.attendanceRate").map(this::text).toList();
        XlsxSheet.respond(response, text("sessionrecord.export.people"), headers, clock.getZone(), sheet ->
            people.forEach(p -> sheet.row(p.getDisplayName(), p.getSessions(), p.getAttended(), p.getLate(),
                p.getOnLeave(), p.getLeaveMadeUp(), p.getAbsent(), p.getAbsentMadeUp(), XlsxSheet.percent(p.getRate()))));
    }

    private List<PersonAttendance> people(CurrentUser user, long orgId, int year) {
        access.requireAttendanceReader(user, orgId);
        List<PersonAttendance> people = records.selectPersonAttendance(orgId, year);
        people.forEach(p -> p.rate(properties));
        return people;
    }

    private int year(Integer year) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < 2000 || y > 2999) {
            throw BusinessException.invalid("status.error.year");
        }
        return y;
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}
