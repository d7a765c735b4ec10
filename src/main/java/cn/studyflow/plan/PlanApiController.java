package cn.studyflow.plan;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "plans", description = "Annual and supplementary study plans")
@RequiredArgsConstructor
class PlanApiController {

    private final PlanService plans;
    private final ActionLog actionLog;
    private final Workflow workflow;

    @GetMapping
    @Operation(summary = "Plans of the organisations I may see")
    PageOf<Plan> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        int s = PageOf.size(size, 100);
        return plans.list(user, year, PageOf.page(page, s), s);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a plan (secretary); it waits at the draft step")
    PlanView create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewPlan request) {
        if (request.year() == null) {
            throw BusinessException.invalid("plan.error.yearRequired");
        }
        Plan plan = plans.create(user, request.kind(), request.year(), request.month());
        return view(plan);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A plan with its topics, revisions, current steps and history")
    PlanView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return view(plans.get(id, user));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Save the draft: title and topics, incomplete rows included; send the version you read")
    PlanView save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody PlanForm form) {
        Plan plan = plans.get(id, user);
        plans.requireEditable(plan, user);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "plan");
        form.validate(plan, errors, PlanForm.Rules.DRAFT);
        if (errors.hasErrors()) {
            throw BusinessException.invalid(errors.getAllErrors().get(0).getCode());
        }
        return view(plans.saveDraft(id, user, form));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit the current revision for review (every row complete); send the version you read")
    PlanView submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Submit request) {
        plans.submit(id, user, request.version());
        return view(plans.get(id, user));
    }

    @GetMapping("/{id}/compare")
    @Operation(summary = "Compare two revisions topic by topic")
    List<TopicDiff> compare(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                            @RequestParam int from, @RequestParam int to) {
        return plans.compare(plans.get(id, user), from, to);
    }

    private PlanView view(Plan plan) {
        return new PlanView(plan, plans.topics(plan, plan.getRevision()), plans.revisions(plan),
            workflow.activeTasks(plan.getProcessInstanceId()), actionLog.timeline(PlanService.ref(plan)));
    }

    record NewPlan(PlanKind kind, Integer year, Integer month) {
    }

    record Submit(Integer version) {
    }

    record PlanView(Plan plan, List<PlanTopic> topics, List<PlanRevision> revisions, List<TaskInfo> currentSteps,
                    List<Action> history) {
    }
}
