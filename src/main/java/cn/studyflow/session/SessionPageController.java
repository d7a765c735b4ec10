package cn.studyflow.session;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page of one session, and what its secretary records there after it: held, minutes, photos and sign-in sheet. */
@Controller
@RequiredArgsConstructor
class SessionPageController {

    static final String DETAIL_VIEW = "session/detail";

    private final SessionAccess access;
    private final SessionQueries queries;
    private final SessionRecordMapper records;
    private final SessionRecords sessionRecords;
    private final SessionFiles files;
    private final Roster roster;
    private final SessionService sessions;
    private final List<SessionPartsSource> parts;
    private final Clock clock;

    @GetMapping("/sessions/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        StudySession s = access.visible(user, id);
        boolean runs = access.runs(user, s);
        boolean held = SessionService.HELD.equals(s.getStatus());
        model.addAttribute("studySession", s);
        model.addAttribute("schedulePanel", queries.panel(user, id));
        model.addAttribute("roster", records.selectRosterLines(id));
        model.addAttribute("speakers", records.selectDrawnSpeakers(id));
        model.addAttribute("parts", parts.stream().flatMap(p -> p.partsOf(id, user).stream()).toList());
        model.addAttribute("files", files.of(id));
        model.addAttribute("timeline", sessionRecords.history(id));
        model.addAttribute("runs", runs);
        model.addAttribute("mayMarkHeld", runs && SessionService.SCHEDULED.equals(s.getStatus())
            && s.getSessionDate() != null && !LocalDate.now(clock).isBefore(s.getSessionDate()));
        model.addAttribute("mayRecord", runs && held);
        model.addAttribute("mayAskLeave", mayAskLeave(user, s));
        model.addAttribute("maxMinutes", SessionRecords.MAX_MINUTES);
        model.addAttribute("upload", files.uploadField());
        model.addAttribute("fileKinds", SessionFileKind.values());
        return DETAIL_VIEW;
    }

    @PostMapping("/sessions/{id}/held")
    String markHeld(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                    @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        int absent = sessionRecords.markHeld(id, user, version);
        redirect.addFlashAttribute("absentCount", absent);
        return Flash.redirect(redirect, "sessionrecord.held", page(id));
    }

    @PostMapping("/sessions/{id}/minutes")
    String minutes(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                   @RequestParam(required = false) Integer version, @RequestParam(required = false) String minutes,
                   RedirectAttributes redirect) {
        sessionRecords.writeMinutes(id, user, version, minutes);
        return Flash.redirect(redirect, "sessionrecord.minutesSaved", page(id));
    }

    @PostMapping("/sessions/{id}/files")
    String attach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) SessionFileKind kind,
                  @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        files.attach(id, user, kind, file);
        return Flash.redirect(redirect, "sessionrecord.fileAttached", page(id));
    }

    @GetMapping("/sessions/{id}/files/{fileId}")
    ResponseEntity<Resource> file(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                  @PathVariable long fileId) {
        return files.download(id, fileId, user);
    }

    /** A person on the roster, still expected, before the session starts: the page links to the leave form. */
    private boolean mayAskLeave(CurrentUser user, StudySession s) {
        return SessionService.SCHEDULED.equals(s.getStatus())
            && roster.entry(s.getId(), user.getPersonId()).map(e -> e.getAttendance() == Attendance.EXPECTED).orElse(false)
            && sessions.startsAt(s.getId()).map(at -> at.isAfter(LocalDateTime.now(clock.withZone(ScheduleRules.ZONE))))
                .orElse(false);
    }

    private static String page(long id) {
        return "/sessions/" + id;
    }
}
