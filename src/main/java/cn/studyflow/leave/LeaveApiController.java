package cn.studyflow.leave;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.PageOf;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.StudySession;
import cn.studyflow.task.Action;
import cn.studyflow.workflow.TaskInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/leaves")
@Tag(name = "leaves", description = "Leave from study sessions (请假)")
@RequiredArgsConstructor
class LeaveApiController {

    private final LeaveService leaves;
    private final LeaveRequests requests;
    private final LeaveDecisions decisions;

    @GetMapping
    @Operation(summary = "Leave requests I may read: my own; my organisation's as leader, deputy or secretary; my subtree's as a superior")
    PageOf<Leave> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
                       @RequestParam(defaultValue = "20") int size) {
        return leaves.list(user, page, size);
    }

    @GetMapping("/sessions")
    @Operation(summary = "Sessions I am on the roster of that have not started: where I may ask for leave")
    List<StudySession> sessions(@AuthenticationPrincipal CurrentUser user) {
        return leaves.comingSessions(user);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for leave from a session before it starts: sessionId, reason (WORK_TRIP, ILLNESS, OFFICIAL_DUTY, OTHER), detail (required for OTHER)")
    LeaveView ask(@AuthenticationPrincipal CurrentUser user, @RequestBody Ask request) {
        if (request.sessionId() == null) {
            throw BusinessException.invalid("error.badRequest");
        }
        Leave l = requests.ask(user, request.sessionId(), request.form());
        return viewOf(l.getId(), user);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A leave request with its current step and history")
    LeaveView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return viewOf(id, user);
    }

    @PostMapping("/{id}/resubmit")
    @Operation(summary = "Send a returned or withdrawn request again, with its reason revised (the applicant)")
    LeaveView resubmit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Ask request) {
        requests.resubmit(id, user, request.form());
        return viewOf(id, user);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Give up a request that is back with its applicant; they stay expected")
    LeaveView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                     @RequestBody(required = false) Note note) {
        requests.cancel(id, user, Note.commentOf(note));
        return viewOf(id, user);
    }

    @PostMapping("/tasks/{taskId}/refer")
    @Operation(summary = "The leader refers the request to the deputy, who then decides; approve and return go through /api/tasks/{id}/complete")
    Map<String, Object> refer(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId,
                              @RequestBody(required = false) Note note) {
        decisions.refer(taskId, user, Note.commentOf(note));
        return Map.of("taskId", taskId, "completed", true, "decision", LeaveRequestProcess.DECISION_REFER);
    }

    /** The request as the caller may see it now, after a step just taken on it. */
    private LeaveView viewOf(long id, CurrentUser user) {
        Leave l = leaves.get(id, user);
        return new LeaveView(l, leaves.currentSteps(l), leaves.timeline(l));
    }

    record Ask(Long sessionId, LeaveReason reason, String detail) {

        LeaveForm form() {
            return new LeaveForm(reason, detail);
        }
    }

    record Note(String comment) {

        /** The comment of a body that may be absent. */
        static String commentOf(Note note) {
            return note == null ? null : note.comment();
        }
    }

    record LeaveView(Leave leave, List<TaskInfo> currentSteps, List<Action> history) {
    }
}
