package cn.studyflow.task;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.SignPosition;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the approval operations on task pages and object pages, and the list of what was copied to me.
 * Each form posts to {@code /tasks/{id}/<operation>} or {@code /instances/{id}/<operation>} and comes back with a
 * flash message: to the tasklist when the task has left the actor, else to the page it was posted from.
 */
@Controller
@RequiredArgsConstructor
class OperationController {

    static final String COPIES_VIEW = "task/copies";

    private final ApprovalOperations operations;
    private final Copies copies;

    /** The fields of every operation form; each operation reads those it needs. */
    record OperationForm(List<String> to, String comment, SignPosition position, String signer, String step) {

        String person() {
            return to == null || to.isEmpty() ? null : to.get(0);
        }
    }

    @PostMapping("/tasks/{id}/{operation:transfer|delegate|resolve|add-signer|remove-signer|return-to|copy}")
    String onTask(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String operation,
                  OperationForm form, RedirectAttributes redirect) {
        String message = switch (operation) {
            case "transfer" -> {
                operations.transfer(id, user, form.person(), form.comment());
                yield "ops.transferred";
            }
            case "delegate" -> {
                operations.delegate(id, user, form.person(), form.comment());
                yield "ops.delegated";
            }
            case "resolve" -> {
                operations.resolve(id, user, form.comment());
                yield "ops.resolved";
            }
            case "add-signer" -> {
                operations.addSigner(id, user, form.person(), form.position(), form.comment());
                yield form.position() == SignPosition.AFTER ? "ops.signerAddedAfter" : "ops.signerAdded";
            }
            case "remove-signer" -> {
                operations.removeSigner(id, user, form.signer(), form.comment());
                yield "ops.signerRemoved";
            }
            case "return-to" -> {
                operations.returnTo(id, user, form.step(), form.comment());
                yield "ops.returnedTo";
            }
            default -> {
                operations.copy(id, user, form.to(), form.comment());
                yield "ops.copied";
            }
        };
        // the task stays with the actor after signers and copies; the other operations take it away
        boolean stays = List.of("add-signer", "remove-signer", "copy").contains(operation);
        return Flash.redirect(redirect, message, stays ? "/tasks/" + id : "/tasks");
    }

    @PostMapping("/instances/{processInstanceId}/{operation:urge|withdraw}")
    String onInstance(@AuthenticationPrincipal CurrentUser user, @PathVariable String processInstanceId,
                      @PathVariable String operation, @RequestParam(required = false) String comment,
                      RedirectAttributes redirect) {
        if ("urge".equals(operation)) {
            operations.urge(processInstanceId, user, comment);
        } else {
            operations.withdraw(processInstanceId, user, comment);
        }
        return Flash.redirect(redirect, "urge".equals(operation) ? "ops.urged" : "ops.withdrawn", operations.subjectLink(processInstanceId, user));
    }

    @GetMapping("/copies")
    String copies(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", copies.copiedTo(user, PageOf.page(page, 20), 20));
        return COPIES_VIEW;
    }
}
