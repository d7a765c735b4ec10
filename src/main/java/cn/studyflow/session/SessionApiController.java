package cn.studyflow.session;

import cn.studyflow.org.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sessions")
@Tag(name = "sessions", description = "Study sessions: schedule, calendar, roster")
@RequiredArgsConstructor
class SessionApiController {

    private final SessionCalendar calendar;
    private final SessionQueries queries;
    private final SessionScheduling scheduling;
    private final SessionProposals proposals;
    private final SessionAccess access;

    /** A session as the API shows it. */
    record SessionView(long id, long orgId, Long planId, String title, String status, LocalDate date,
                       LocalTime startTime, LocalTime endTime, String place, Long chairId, int version) {

        static SessionView of(StudySession s) {
            return new SessionView(s.getId(), s.getOrgId(), s.getPlanId(), s.getTitle(), s.getStatus(),
                s.getSessionDate(), s.getStartTime(), s.getEndTime(), s.getPlace(), s.getChairId(), s.getVersion());
        }
    }

    /** A cancel or refusal: the version read and the reason. */
    record Reasoned(Integer version, String reason) {
    }

    /** An approval: the version read. */
    record Versioned(Integer version) {
    }

    @GetMapping
    @Operation(summary = "Sessions with a day between two days (at most a year), of an organisation in scope "
        + "(one's own by default; with its subtree for superiors)")
    List<SessionView> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long org,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return calendar.sessions(user, org, from, to).stream().map(SessionView::of).toList();
    }

    @GetMapping("/calendar")
    @Operation(summary = "Calendar days between two days (at most 62): each day's count and its first sessions")
    List<SessionCalendar.Day> calendar(@AuthenticationPrincipal CurrentUser user,
                                       @RequestParam(required = false) Long org,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return calendar.range(user, org, from, to);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One session")
    SessionView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return SessionView.of(access.visible(user, id));
    }

    @GetMapping("/{id}/roster")
    @Operation(summary = "The roster: who is expected, in which part, and how they attended")
    List<SessionQueries.RosterLine> roster(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return queries.roster(user, id);
    }

    @PutMapping("/{id}/schedule")
    @Operation(summary = "Give the session its day, hours, place, chair, speakers and guests (secretary or leader); "
        + "moving a scheduled day needs a reason. Send the version you read: 409 names who changed it first")
    SessionView schedule(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                         @RequestBody ScheduleForm form) {
        return SessionView.of(scheduling.schedule(user, id, form));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel the session, with a reason (secretary or leader)")
    SessionView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Reasoned body) {
        return SessionView.of(scheduling.cancel(user, id, body.version(), body.reason()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose a session that no plan topic holds (secretary or leader); it counts once the "
        + "leader approves it")
    SessionView propose(@AuthenticationPrincipal CurrentUser user, @RequestBody ScheduleForm form) {
        return SessionView.of(proposals.propose(user, form));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a proposed session (leader)")
    SessionView approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Versioned body) {
        return SessionView.of(proposals.approve(user, id, body.version()));
    }

    @PostMapping("/{id}/refuse")
    @Operation(summary = "Refuse a proposed session, with a reason (leader)")
    SessionView refuse(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Reasoned body) {
        return SessionView.of(proposals.refuse(user, id, body.version(), body.reason()));
    }
}
