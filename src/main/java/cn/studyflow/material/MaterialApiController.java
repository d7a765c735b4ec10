package cn.studyflow.material;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.StudySession;
import cn.studyflow.task.Action;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.TaskInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/materials")
@Tag(name = "materials", description = "Study materials and their review (两审一把关)")
@RequiredArgsConstructor
class MaterialApiController {

    private final MaterialService materials;
    private final MaterialUploads uploads;
    private final MaterialReviews reviews;

    @GetMapping
    @Operation(summary = "Materials I may read: archived ones, my own, and all of those I review or supervise")
    PageOf<Material> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long session,
                          @RequestParam(required = false) MaterialStatus status,
                          @RequestParam(defaultValue = "false") boolean mine,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        int s = PageOf.size(size, 100);
        return materials.list(user, session, status, mine, PageOf.page(page, s), s);
    }

    @GetMapping("/sessions")
    @Operation(summary = "Sessions of my organisation that materials may still be uploaded for")
    List<StudySession> sessions(@AuthenticationPrincipal CurrentUser user) {
        return materials.openSessions(user);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a material (fields sessionId, kind, title, summary and file); submit=true sends it into review")
    MaterialView create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute MaterialForm form,
                        @RequestPart(required = false) MultipartFile file,
                        @RequestParam(defaultValue = "false") boolean submit) {
        return view(uploads.create(user, form, file, submit), user);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A material with its versions, the reviews each received, current steps and history")
    MaterialView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return view(materials.get(id, user), user);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every version of a material, oldest first, with the reviews it received")
    List<MaterialVersion> versions(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return materials.versions(materials.get(id, user));
    }

    @PostMapping(value = "/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a revised version (author, while the material is with them); send the version you read")
    MaterialView addVersion(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                            @ModelAttribute MaterialForm form, @RequestPart(required = false) MultipartFile file,
                            @RequestParam(defaultValue = "false") boolean submit) {
        return view(uploads.addVersion(id, user, form, file, submit), user);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit the newest version for review; send the version you read")
    MaterialView submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Submit request) {
        uploads.submit(id, user, request.version());
        return view(materials.get(id, user), user);
    }

    @GetMapping("/{id}/versions/{no}/file")
    @Operation(summary = "Download one version's file, as an attachment")
    ResponseEntity<Resource> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                      @PathVariable int no) {
        return MaterialDownloads.response(materials, id, no, user);
    }

    @PostMapping("/tasks/{taskId}/first-review")
    @Operation(summary = "The office's first review: decision APPROVE (needs notClassified=true) or RETURN (needs a comment)")
    Map<String, Object> firstReview(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId,
                                    @RequestBody FirstReviewForm form) {
        reviews.firstReview(taskId, user, form);
        return Map.of("taskId", taskId, "completed", true, "decision", form.getDecision());
    }

    @PostMapping("/tasks/{taskId}/second-review")
    @Operation(summary = "The second review: passed and notes per item (POLITICAL, ACADEMIC, LEGAL); any fail returns it")
    Map<String, Object> secondReview(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId,
                                     @RequestBody SecondReviewForm form) {
        reviews.secondReview(taskId, user, form);
        return Map.of("taskId", taskId, "completed", true, "decision", form.decision());
    }

    private MaterialView view(Material m, CurrentUser user) {
        return new MaterialView(m, materials.versions(m), materials.currentSteps(m), materials.timeline(m),
            materials.isWithAuthor(m, user));
    }

    record Submit(Integer version) {
    }

    record MaterialView(Material material, List<MaterialVersion> versions, List<TaskInfo> currentSteps,
                        List<Action> history, boolean withAuthor) {
    }
}
