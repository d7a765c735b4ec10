package cn.studyflow.task;

import cn.studyflow.common.Flash;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.PersonNames;
import cn.studyflow.org.Scope;
import cn.studyflow.workflow.DiagramState;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import cn.studyflow.common.BusinessException;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequiredArgsConstructor
class TaskController {

    static final String LIST_VIEW = "task/list";
    static final String DETAIL_VIEW = "task/detail";

    private final TasklistService tasks;
    private final SubjectRegistry subjects;
    private final Workflow workflow;
    private final Scope scope;
    private final OrgService orgService;
    private final MessageSource messages;
    private final ApprovalOperations operations;
    private final MyWork work;
    private final PersonNames names;
    @Value("${studyflow.tasks.page-size}")
    private final int pageSize;

    @GetMapping("/tasks")
    String list(@AuthenticationPrincipal CurrentUser user,
                @RequestParam(defaultValue = "ALL") TaskFilter.View view,
                @RequestParam(required = false) String process,
                @RequestParam(required = false) Long org,
                @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "CREATED") TaskFilter.Sort sort,
                @RequestParam(defaultValue = "desc") String dir,
                @RequestParam(defaultValue = "0") int page,
                Model model) {
        boolean ascending = "asc".equals(dir);
        PageOf<TaskInfo> found = tasks.list(user, view, process, org, q, sort, ascending,
            PageOf.page(page, pageSize), pageSize);
        Set<String> batchable = new HashSet<>();
        for (TaskInfo t : found.items()) {
            if (batchApprovable(t)) {
                batchable.add(t.id());
            }
        }
        names.preload(found.items().stream().map(TaskInfo::assignee).toList());
        model.addAttribute("page", found);
        model.addAttribute("batchable", batchable);
        model.addAttribute("view", view);
        model.addAttribute("process", process);
        model.addAttribute("org", org);
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("dir", ascending ? "asc" : "desc");
        model.addAttribute("processes", workflow.processNames());
        model.addAttribute("orgs", scope.visibleOrgs(user));
        model.addAttribute("orgNames", orgService.names(found.items().stream().map(TaskInfo::orgId)
            .filter(Objects::nonNull).collect(Collectors.toSet())));
        model.addAttribute("counts", work.counts(user));
        // the home page (where "/" sends people) says what needs them now; a filtered or later page does not
        if (view == TaskFilter.View.ALL && page == 0 && process == null && org == null && (q == null || q.isBlank())) {
            model.addAttribute("needs", work.summary(user));
        }
        return LIST_VIEW;
    }

    @GetMapping("/tasks/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
        TaskInfo task = tasks.get(id, user);
        SubjectRef subject = tasks.subject(task);
        model.addAttribute("task", task);
        model.addAllAttributes(subjects.view(subject, user).attributes());
        model.addAttribute("formFragment", subjects.provider(subject).form(task));
        model.addAttribute("isAssignee", tasks.isAssignee(task, user));
        model.addAttribute("canUnclaim", tasks.canUnclaim(task, user));
        model.addAttribute("assigneeName", tasks.assigneeName(task));
        model.addAttribute("ops", operations.panel(task, user));
        return DETAIL_VIEW;
    }

    @GetMapping(value = "/tasks/{id}/diagram", produces = "application/json")
    @ResponseBody
    DiagramState diagram(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return workflow.diagram(tasks.get(id, user).processInstanceId());
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
        tasks.claim(id, user);
        return Flash.redirect(redirect, "task.claimed", "/tasks/" + id);
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
        tasks.unclaim(id, user);
        return Flash.redirect(redirect, "task.unclaimed", "/tasks?view=GROUP");
    }

    @PostMapping("/tasks/{id}/decide")
    String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                  @RequestParam(required = false) Decision decision, @RequestParam(required = false) String comment,
                  RedirectAttributes redirect) {
        tasks.decide(id, user, decision, comment);
        return Flash.redirect(redirect, decision == Decision.RETURN ? "task.returned" : "task.approved", "/tasks");
    }

    /** Approves the selected tasks with one comment; the list then says how each went. */
    @PostMapping("/tasks/batch-approve")
    String batchApprove(@AuthenticationPrincipal CurrentUser user,
                        @RequestParam(name = "taskIds", required = false) List<String> taskIds,
                        @RequestParam(required = false) String comment,
                        @RequestParam(defaultValue = "ALL") TaskFilter.View view, RedirectAttributes redirect) {
        List<BatchResult> results = tasks.decideAll(taskIds, user, comment);
        redirect.addFlashAttribute("batchResults", results.stream()
            .map(r -> new BatchLine(r.title(), r.approved(), r.approved() ? null
                : messages.getMessage(r.errorKey(), r.errorArgs().toArray(), r.errorKey(), LocaleContextHolder.getLocale())))
            .toList());
        redirect.addFlashAttribute("batchApproved", results.stream().filter(BatchResult::approved).count());
        return "redirect:/tasks?view=" + view;
    }

    private boolean batchApprovable(TaskInfo task) {
        try {
            return tasks.isBatchApprovable(task);
        } catch (BusinessException e) {
            // a task of a process whose feature shows no subject is simply not offered for batches
            return false;
        }
    }

    /** One line of the report after a batch approval; a flash attribute, so kept in the session (in the DB). */
    record BatchLine(String title, boolean approved, String message) implements Serializable {
    }
}
