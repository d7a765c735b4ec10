package cn.studyflow.task;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.workflow.PageOf;
import cn.studyflow.workflow.SignPosition;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The forms of the approval operations on task pages and object pages, and the list of what was copied to me. */
@Controller
class OperationController {

    static final String COPIES_VIEW = "task/copies";

    private final ApprovalOperations operations;
    private final Copies copies;

    OperationController(ApprovalOperations operations, Copies copies) {
        this.operations = operations;
        this.copies = copies;
    }

    @PostMapping("/tasks/{id}/transfer")
    String transfer(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                    @RequestParam(required = false) String to, @RequestParam(required = false) String comment,
                    RedirectAttributes redirect) {
        operations.transfer(id, user, to, comment);
        redirect.addFlashAttribute("message", "ops.transferred");
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{id}/delegate")
    String delegate(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                    @RequestParam(required = false) String to, @RequestParam(required = false) String comment,
                    RedirectAttributes redirect) {
        operations.delegate(id, user, to, comment);
        redirect.addFlashAttribute("message", "ops.delegated");
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{id}/resolve")
    String resolve(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                   @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        operations.resolve(id, user, comment);
        redirect.addFlashAttribute("message", "ops.resolved");
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{id}/add-signer")
    String addSigner(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                     @RequestParam(required = false) String to, @RequestParam(required = false) SignPosition position,
                     @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        operations.addSigner(id, user, to, position, comment);
        redirect.addFlashAttribute("message", position == SignPosition.AFTER ? "ops.signerAddedAfter" : "ops.signerAdded");
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/remove-signer")
    String removeSigner(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                        @RequestParam(required = false) String signer, @RequestParam(required = false) String comment,
                        RedirectAttributes redirect) {
        operations.removeSigner(id, user, signer, comment);
        redirect.addFlashAttribute("message", "ops.signerRemoved");
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/return-to")
    String returnTo(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                    @RequestParam(required = false) String step, @RequestParam(required = false) String comment,
                    RedirectAttributes redirect) {
        operations.returnTo(id, user, step, comment);
        redirect.addFlashAttribute("message", "ops.returnedTo");
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{id}/copy")
    String copy(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                @RequestParam(name = "to", required = false) List<String> to,
                @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        operations.copy(id, user, to, comment);
        redirect.addFlashAttribute("message", "ops.copied");
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/instances/{processInstanceId}/urge")
    String urge(@AuthenticationPrincipal CurrentUser user, @PathVariable String processInstanceId,
                @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        operations.urge(processInstanceId, user, comment);
        redirect.addFlashAttribute("message", "ops.urged");
        return "redirect:" + operations.subjectLink(processInstanceId, user);
    }

    @PostMapping("/instances/{processInstanceId}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable String processInstanceId,
                    @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        operations.withdraw(processInstanceId, user, comment);
        redirect.addFlashAttribute("message", "ops.withdrawn");
        return "redirect:" + operations.subjectLink(processInstanceId, user);
    }

    @GetMapping("/copies")
    String copies(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", copies.copiedTo(user, PageOf.page(page, 20), 20));
        return COPIES_VIEW;
    }
}
