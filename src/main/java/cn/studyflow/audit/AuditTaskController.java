package cn.studyflow.audit;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.TasklistService;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps of an audit that are decided on its own forms (shown on the task page): the dept's answer to an
 * invitation, an auditor's answer to an assignment, a reassignment, the audit record and the rectification
 * report. The step services run each in one transaction, so that a step someone else handled first is
 * reported as such.
 */
@Controller
@RequiredArgsConstructor
class AuditTaskController {

    static final String RECORD_VIEW = "audit/record";

    private final AuditService audits;
    private final AuditAssignmentSteps assignmentSteps;
    private final AuditRecordSteps recordSteps;

    @PostMapping("/audits/tasks/{taskId}/invitation")
    String decideInvitation(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId,
                            @RequestParam(required = false) Boolean approve,
                            @RequestParam(required = false) List<Long> auditorIds,
                            @RequestParam(required = false) Long leadId, @RequestParam(required = false) String reason,
                            RedirectAttributes redirect) {
        assignmentSteps.decideInvitation(taskId, user,
            new AuditRequests.InvitationDecision(approve, auditorIds, leadId, reason));
        return Flash.redirect(redirect, Boolean.TRUE.equals(approve) ? "audit.invitation.approved"
            : "audit.invitation.declined", "/tasks");
    }

    @PostMapping("/audits/tasks/{taskId}/response")
    String respond(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId,
                   @RequestParam(required = false) Boolean accept, @RequestParam(required = false) String reason,
                   RedirectAttributes redirect) {
        assignmentSteps.respond(taskId, user, new AuditRequests.Response(accept, reason));
        return Flash.redirect(redirect, Boolean.TRUE.equals(accept) ? "audit.accepted" : "audit.declined", "/tasks");
    }

    @PostMapping("/audits/tasks/{taskId}/reassign")
    String reassign(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId,
                    @RequestParam(required = false) Long personId, RedirectAttributes redirect) {
        assignmentSteps.reassign(taskId, user, personId);
        return Flash.redirect(redirect, "audit.reassigned", "/tasks");
    }

    @GetMapping("/audits/{id:\\d+}/record")
    String recordForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Audit audit = audits.get(id, user);
        recordSteps.recordTaskId(id, user);
        AuditRecordForm form = new AuditRecordForm();
        return showRecord(audit, form, model);
    }

    @PostMapping("/audits/{id:\\d+}/record")
    String fileRecord(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                      @ModelAttribute("form") AuditRecordForm form, BindingResult errors, Model model,
                      RedirectAttributes redirect) {
        recordSteps.recordTaskId(id, user);
        Audit audit = audits.get(id, user);
        if (!errors.hasErrors()) {
            form.validate(audits.checklist(), errors);
        }
        if (audits.isBeforeSession(audit)) {
            errors.reject("audit.error.beforeSession", new Object[] {audit.getSessionDate().toString()}, null);
        }
        if (errors.hasErrors()) {
            return showRecord(audit, form, model);
        }
        recordSteps.fileRecord(id, user, form);
        return Flash.redirect(redirect, "audit.record.filed", "/audits/" + id);
    }

    @PostMapping("/audits/{id:\\d+}/rectification")
    String submitRectification(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @RequestParam(required = false) String report, RedirectAttributes redirect) {
        recordSteps.submitRectification(id, user, report);
        return Flash.redirect(redirect, "audit.rectification.submitted", "/audits/" + id);
    }

    private String showRecord(Audit audit, AuditRecordForm form, Model model) {
        model.addAttribute("audit", audit);
        model.addAttribute("form", form);
        model.addAttribute("checklist", audits.checklist());
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("beforeSession", audits.isBeforeSession(audit));
        return RECORD_VIEW;
    }
}
