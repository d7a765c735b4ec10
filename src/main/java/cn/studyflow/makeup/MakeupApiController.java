package cn.studyflow.makeup;

import cn.studyflow.common.PageOf;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.Action;
import cn.studyflow.workflow.TaskInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/makeups")
@Tag(name = "makeups", description = "Make-up study of held sessions (补学)")
@RequiredArgsConstructor
class MakeupApiController {

    private final MakeupService makeups;
    private final MakeupSubmissions submissions;
    private final MakeupWaivers waivers;
    private final MakeupFiles files;

    @GetMapping
    @Operation(summary = "Make-ups I may read: my own; my organisation's as secretary, leader or deputy; my subtree's as a superior")
    PageOf<Makeup> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "20") int size) {
        return makeups.list(user, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A make-up with its current step and history")
    MakeupView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return viewOf(id, user);
    }

    @PostMapping(value = "/{id}/submit", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit my make-up while it waits for me: notes (at least studyflow.makeup.min-notes characters) and an optional file (checked by content); the secretary accepts or returns it through /api/tasks/{id}/complete")
    MakeupView submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                      @RequestParam(required = false) String notes,
                      @RequestPart(required = false) MultipartFile file) {
        submissions.submit(id, user, new MakeupForm(notes), file);
        return viewOf(id, user);
    }

    @PostMapping("/{id}/waive")
    @Operation(summary = "The leader waives an overdue make-up with a reason")
    MakeupView waive(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                     @RequestBody(required = false) Reason reason) {
        waivers.waive(id, user, reason == null ? null : reason.reason());
        return viewOf(id, user);
    }

    @GetMapping("/{id}/file")
    @Operation(summary = "The make-up's file, as an attachment")
    ResponseEntity<Resource> file(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return files.download(makeups.get(id, user));
    }

    /** The make-up as the caller may see it now, after a step just taken on it. */
    private MakeupView viewOf(long id, CurrentUser user) {
        Makeup m = makeups.get(id, user);
        return new MakeupView(m, makeups.currentSteps(m), makeups.timeline(m));
    }

    record Reason(String reason) {
    }

    record MakeupView(Makeup makeup, List<TaskInfo> currentSteps, List<Action> history) {
    }
}
