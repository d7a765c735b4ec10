package cn.studyflow.leave;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Flash;
import cn.studyflow.common.FormErrors;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.StudySession;
import cn.studyflow.task.ApprovalOperations;
import cn.studyflow.workflow.DiagramState;
import cn.studyflow.workflow.Workflow;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequiredArgsConstructor
class LeaveController {

    static final String LIST_VIEW = "leave/list";
    static final String NEW_VIEW = "leave/new";
    static final String DETAIL_VIEW = "leave/detail";

    private final LeaveService leaves;
    private final LeaveRequests requests;
    private final LeaveDecisions decisions;
    private final LeaveProperties properties;
    private final Workflow workflow;
    private final ApprovalOperations operations;
    private final MessageSource messages;

    /** My coming sessions, each with my request or a way to ask, and the requests I may read. */
    @GetMapping("/leaves")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        List<StudySession> coming = leaves.comingSessions(user);
        Map<Long, Leave> mine = new HashMap<>();
        coming.forEach(s -> leaves.mine(s.getId(), user).ifPresent(l -> mine.put(s.getId(), l)));
        model.addAttribute("coming", coming);
        model.addAttribute("mine", mine);
        model.addAttribute("page", leaves.list(user, page, 20));
        return LIST_VIEW;
    }

    @GetMapping("/leaves/new")
    String newLeave(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long session,
                    Model model) {
        return showNew(user, session, new LeaveForm(), model);
    }

    @PostMapping("/leaves")
    String ask(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long sessionId,
               @ModelAttribute("form") LeaveForm form, BindingResult errors, Model model,
               HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if (errors.hasErrors() || sessionId == null) {
                throw BusinessException.invalid("error.badRequest");
            }
            Leave l = requests.ask(user, sessionId, form);
            return Flash.redirect(redirect, "leave.done.asked", "/leaves/" + l.getId());
        } catch (BusinessException e) {
            FormErrors.show(e, messages, model, response);
            return showNew(user, sessionId, form, model);
        }
    }

    @GetMapping("/leaves/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Leave l = leaves.get(id, user);
        model.addAttribute("leave", l);
        model.addAttribute("currentSteps", leaves.currentSteps(l));
        model.addAttribute("timeline", leaves.timeline(l));
        model.addAttribute("withApplicant", leaves.isWithApplicant(l, user));
        model.addAttribute("form", new LeaveForm(l.getReason(), l.getDetail()));
        addReasonChoices(model);
        model.addAttribute("instanceOps", operations.instanceView(l.getProcessInstanceId(), user));
        return DETAIL_VIEW;
    }

    @GetMapping(value = "/leaves/{id}/diagram", produces = "application/json")
    @ResponseBody
    DiagramState diagram(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return workflow.diagram(leaves.get(id, user).getProcessInstanceId());
    }

    @PostMapping("/leaves/{id}/resubmit")
    String resubmit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ModelAttribute LeaveForm form,
                    RedirectAttributes redirect) {
        requests.resubmit(id, user, form);
        return Flash.redirect(redirect, "leave.done.resubmitted", "/leaves/" + id);
    }

    @PostMapping("/leaves/{id}/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        requests.cancel(id, user, comment);
        return Flash.redirect(redirect, "leave.done.cancelled", "/leaves/" + id);
    }

    /** The leader's third answer, from the task page: the deputy decides. */
    @PostMapping("/leaves/tasks/{taskId}/refer")
    String refer(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId,
                 @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        decisions.refer(taskId, user, comment);
        return Flash.redirect(redirect, "leave.done.referred", "/tasks");
    }

    private String showNew(CurrentUser user, Long sessionId, LeaveForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("sessions", leaves.comingSessions(user));
        model.addAttribute("sessionId", sessionId);
        addReasonChoices(model);
        return NEW_VIEW;
    }

    /** What {@code leave/fragments :: reasonFields} offers: the reasons and the length of the detail. */
    private void addReasonChoices(Model model) {
        model.addAttribute("reasons", Arrays.asList(LeaveReason.values()));
        model.addAttribute("maxDetail", properties.maxDetail());
    }
}
