package cn.studyflow.material;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.Decision;
import cn.studyflow.workflow.DiagramState;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.Workflow;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequiredArgsConstructor
class MaterialController {

    static final String LIST_VIEW = "material/list";
    static final String NEW_VIEW = "material/new";
    static final String DETAIL_VIEW = "material/detail";

    private final MaterialService materials;
    private final MaterialUploads uploads;
    private final MaterialReviews reviews;
    private final Workflow workflow;
    private final MessageSource messages;
    private final MaterialWord word;

    @GetMapping("/materials")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long session,
                @RequestParam(required = false) MaterialStatus status, @RequestParam(defaultValue = "false") boolean mine,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", materials.list(user, session, status, mine, PageOf.page(page, 20), 20));
        model.addAttribute("session", session);
        model.addAttribute("status", status);
        model.addAttribute("mine", mine);
        model.addAttribute("statuses", Arrays.asList(MaterialStatus.values()));
        model.addAttribute("sessions", materials.recentSessions(user));
        model.addAttribute("mayUpload", materials.mayUpload(user));
        return LIST_VIEW;
    }

    @GetMapping("/materials/new")
    String newMaterial(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long session,
                       Model model) {
        MaterialForm form = new MaterialForm();
        form.setSessionId(session);
        return showNew(user, form, model);
    }

    @PostMapping("/materials")
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") MaterialForm form,
                  BindingResult errors, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) String submit, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            if (errors.hasErrors()) {
                throw BusinessException.invalid("error.badRequest");
            }
            Material m = uploads.create(user, form, file, submit != null);
            return Flash.redirect(redirect, submit != null ? "material.submitted" : "material.uploaded", "/materials/" + m.getId());
        } catch (BusinessException e) {
            // the form comes back as typed, with the reason on top; only the file must be chosen again
            response.setStatus(e.getStatus().value());
            model.addAttribute("error", messages.getMessage(e.getMessageKey(), e.getArgs(), e.getMessageKey(),
                LocaleContextHolder.getLocale()));
            return showNew(user, form, model);
        }
    }

    @GetMapping("/materials/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Material m = materials.get(id, user);
        model.addAttribute("material", m);
        model.addAttribute("versions", materials.versions(m));
        model.addAttribute("checkItems", Arrays.asList(CheckItem.values()));
        model.addAttribute("currentSteps", materials.currentSteps(m));
        model.addAttribute("timeline", materials.timeline(m));
        model.addAttribute("withAuthor", materials.isWithAuthor(m, user));
        model.addAttribute("kinds", Arrays.asList(MaterialKind.values()));
        model.addAttribute("overdue", materials.isOverdue(m));
        model.addAttribute("upload", materials.properties().uploadField());
        return DETAIL_VIEW;
    }

    @GetMapping(value = "/materials/{id}/diagram", produces = "application/json")
    @ResponseBody
    DiagramState diagram(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return workflow.diagram(materials.get(id, user).getProcessInstanceId());
    }

    /** A revised version from the material page; with {@code submit} it goes into review at once. */
    @PostMapping("/materials/{id}/versions")
    String addVersion(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                      @ModelAttribute MaterialForm form, @RequestParam(required = false) MultipartFile file,
                      @RequestParam(required = false) String submit, RedirectAttributes redirect) {
        uploads.addVersion(id, user, form, file, submit != null);
        return Flash.redirect(redirect, submit != null ? "material.resubmitted" : "material.versionAdded", "/materials/" + id);
    }

    @PostMapping("/materials/{id}/submit")
    String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        uploads.submit(id, user, version);
        return Flash.redirect(redirect, "material.submitted", "/materials/" + id);
    }

    @GetMapping("/materials/{id}/versions/{no}/file")
    ResponseEntity<Resource> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                      @PathVariable int no) {
        return MaterialDownloads.response(materials, id, no, user);
    }

    /** An image shown in the page; scope as for the download, any other type stays an attachment. */
    @GetMapping("/materials/{id}/versions/{no}/view")
    ResponseEntity<Resource> view(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                  @PathVariable int no) {
        return MaterialDownloads.inline(materials, id, no, user);
    }

    /** The review record as a Word document, for whoever may see the material (404 otherwise). */
    @GetMapping("/materials/{id}/docx")
    ResponseEntity<Resource> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale) {
        return word.download(id, user, locale);
    }

    @PostMapping("/materials/tasks/{taskId}/first-review")
    String firstReview(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId,
                       @ModelAttribute FirstReviewForm form, RedirectAttributes redirect) {
        reviews.firstReview(taskId, user, form);
        return backToTasks(form.getDecision(), redirect);
    }

    @PostMapping("/materials/tasks/{taskId}/second-review")
    String secondReview(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId,
                        @ModelAttribute SecondReviewForm form, RedirectAttributes redirect) {
        reviews.secondReview(taskId, user, form);
        return backToTasks(form.decision(), redirect);
    }

    /** After a review the reviewer is back at the task list, told whether the material went on or back. */
    private static String backToTasks(Decision decision, RedirectAttributes redirect) {
        return Flash.redirect(redirect, decision == Decision.RETURN ? "task.returned" : "task.approved", "/tasks");
    }

    private String showNew(CurrentUser user, MaterialForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("sessions", materials.openSessions(user));
        model.addAttribute("kinds", Arrays.asList(MaterialKind.values()));
        model.addAttribute("mayUpload", materials.mayUpload(user));
        model.addAttribute("upload", materials.properties().uploadField());
        return NEW_VIEW;
    }
}
