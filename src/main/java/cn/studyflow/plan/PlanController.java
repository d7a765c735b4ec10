package cn.studyflow.plan;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.ApprovalOperations;
import cn.studyflow.workflow.DiagramState;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequiredArgsConstructor
class PlanController {

    static final String LIST_VIEW = "plan/list";
    static final String NEW_VIEW = "plan/new";
    static final String EDIT_VIEW = "plan/edit";
    static final String DETAIL_VIEW = "plan/detail";
    static final String COMPARE_VIEW = "plan/compare";

    /** Empty rows offered below the topics on the edit page; an annual plan starts with one a month. */
    private static final int EXTRA_ROWS = 3;

    private final PlanService plans;
    private final ActionLog actionLog;
    private final Workflow workflow;
    private final ApprovalOperations operations;
    private final Clock clock;
    private final PlanWord word;

    @GetMapping("/plans")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", plans.list(user, year, PageOf.page(page, 20), 20));
        model.addAttribute("year", year);
        return LIST_VIEW;
    }

    @GetMapping("/plans/new")
    String newPlan(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("nextYear", today.getYear() + 1);
        model.addAttribute("thisYear", today.getYear());
        model.addAttribute("thisMonth", today.getMonthValue());
        return NEW_VIEW;
    }

    @PostMapping("/plans")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) PlanKind kind,
                  @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month,
                  RedirectAttributes redirect) {
        if (year == null) {
            throw BusinessException.invalid("plan.error.yearRequired");
        }
        Plan plan = plans.create(user, kind, year, month);
        return Flash.redirect(redirect, "plan.created", "/plans/" + plan.getId() + "/edit");
    }

    @GetMapping("/plans/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Plan plan = plans.get(id, user);
        model.addAttribute("plan", plan);
        model.addAttribute("topics", plans.topics(plan, plan.getRevision()));
        model.addAttribute("revisions", plans.revisions(plan));
        model.addAttribute("timeline", actionLog.timeline(PlanService.ref(plan)));
        model.addAttribute("currentSteps", workflow.activeTasks(plan.getProcessInstanceId()));
        model.addAttribute("canEdit", plans.canEdit(plan, user));
        model.addAttribute("instanceOps", operations.instanceView(plan.getProcessInstanceId(), user));
        return DETAIL_VIEW;
    }

    /** The plan as a Word document, for whoever may see the plan (404 otherwise). */
    @GetMapping("/plans/{id}/docx")
    ResponseEntity<Resource> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale) {
        return word.download(id, user, locale);
    }

    @GetMapping(value = "/plans/{id}/diagram", produces = "application/json")
    @ResponseBody
    DiagramState diagram(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return workflow.diagram(plans.get(id, user).getProcessInstanceId());
    }

    @GetMapping("/plans/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Plan plan = plans.get(id, user);
        if (!plans.canEdit(plan, user)) {
            return "redirect:/plans/" + id;
        }
        PlanForm form = PlanForm.of(plan, plans.topics(plan, plan.getRevision()));
        return showForm(plan, form, model);
    }

    @PostMapping("/plans/{id}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                @ModelAttribute("form") PlanForm form, BindingResult errors,
                @RequestParam(required = false) String submit, Model model, RedirectAttributes redirect) {
        Plan plan = plans.get(id, user);
        // who may save comes before what is wrong with the form
        plans.requireEditable(plan, user);
        if (errors.hasErrors()) {
            // a field that does not even bind (a month of "abc") is reported as such
            return showForm(plan, form, model);
        }
        // a draft keeps incomplete rows; the rules on each row apply when it is submitted
        form.validate(plan, errors, submit != null ? PlanForm.Rules.SUBMIT : PlanForm.Rules.DRAFT);
        if (errors.hasErrors()) {
            return showForm(plan, form, model);
        }
        plan = plans.saveDraft(id, user, form);
        if (submit != null) {
            plans.submit(id, user, plan.getVersion());
            return Flash.redirect(redirect, "plan.submitted", "/plans/" + id);
        }
        return Flash.redirect(redirect, "plan.saved", "/plans/" + id + "/edit");
    }

    @GetMapping("/plans/{id}/compare")
    String compare(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                   @RequestParam int from, @RequestParam int to, Model model) {
        Plan plan = plans.get(id, user);
        model.addAttribute("plan", plan);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("diffs", plans.compare(plan, from, to));
        model.addAttribute("revisions", plans.revisions(plan));
        return COMPARE_VIEW;
    }

    private String showForm(Plan plan, PlanForm form, Model model) {
        int blank = form.getTopics().isEmpty() && plan.getKind() == PlanKind.ANNUAL ? 12 : EXTRA_ROWS;
        for (int i = 0; i < blank; i++) {
            PlanForm.TopicForm row = new PlanForm.TopicForm();
            row.setMonth(plan.getKind() == PlanKind.ANNUAL ? (blank == 12 ? i + 1 : null) : plan.getPlanMonth());
            form.getTopics().add(row);
        }
        model.addAttribute("plan", plan);
        model.addAttribute("form", form);
        model.addAttribute("formats", Arrays.asList(TopicFormat.values()));
        return EDIT_VIEW;
    }
}
