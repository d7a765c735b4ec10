package cn.studyflow.makeup;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Flash;
import cn.studyflow.common.FormErrors;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.ApprovalOperations;
import cn.studyflow.workflow.DiagramState;
import cn.studyflow.workflow.Workflow;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequiredArgsConstructor
class MakeupController {

    static final String LIST_VIEW = "makeup/list";
    static final String DETAIL_VIEW = "makeup/detail";

    private final MakeupService makeups;
    private final MakeupSubmissions submissions;
    private final MakeupWaivers waivers;
    private final MakeupMaterials materials;
    private final MakeupFiles files;
    private final MakeupProperties properties;
    private final Workflow workflow;
    private final ApprovalOperations operations;
    private final MessageSource messages;

    /** The make-ups I may read: my own first of all, my organisation's as secretary or leader. */
    @GetMapping("/makeups")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", makeups.list(user, page, 20));
        return LIST_VIEW;
    }

    @GetMapping("/makeups/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Makeup m = makeups.get(id, user);
        return show(user, m, new MakeupForm(m.getNotes()), model);
    }

    @GetMapping(value = "/makeups/{id}/diagram", produces = "application/json")
    @ResponseBody
    DiagramState diagram(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return workflow.diagram(makeups.get(id, user).getProcessInstanceId());
    }

    @GetMapping("/makeups/{id}/file")
    ResponseEntity<Resource> file(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return files.download(makeups.get(id, user));
    }

    /** The member's notes (and file); a refusal shows the page again with the notes as typed and the reason on top. */
    @PostMapping("/makeups/{id}/submit")
    String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) String notes, @RequestParam(required = false) MultipartFile file,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            submissions.submit(id, user, new MakeupForm(notes), file);
            return Flash.redirect(redirect, "makeup.done.submitted", "/makeups/" + id);
        } catch (BusinessException e) {
            FormErrors.show(e, messages, model, response);
            return show(user, makeups.get(id, user), new MakeupForm(notes), model);
        }
    }

    @PostMapping("/makeups/{id}/waive")
    String waive(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                 @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        waivers.waive(id, user, reason);
        return Flash.redirect(redirect, "makeup.done.waived", "/makeups/" + id);
    }

    private String show(CurrentUser user, Makeup m, MakeupForm form, Model model) {
        model.addAttribute("makeup", m);
        model.addAttribute("form", form);
        model.addAttribute("studyParts", materials.of(m, user));
        model.addAttribute("currentSteps", makeups.currentSteps(m));
        model.addAttribute("timeline", makeups.timeline(m));
        model.addAttribute("withMember", makeups.isWithMember(m, user));
        model.addAttribute("mayWaive", makeups.mayWaive(m, user));
        model.addAttribute("minNotes", properties.minNotes());
        model.addAttribute("maxNotes", properties.maxNotes());
        model.addAttribute("upload", files.uploadField());
        model.addAttribute("instanceOps", operations.instanceView(m.getProcessInstanceId(), user));
        return DETAIL_VIEW;
    }
}
