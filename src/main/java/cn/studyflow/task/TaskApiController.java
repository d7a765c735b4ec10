package cn.studyflow.task;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "tasks", description = "The tasklist: my tasks and my groups' tasks, claim, decide")
@RequiredArgsConstructor
class TaskApiController {

    private final TasklistService tasks;
    private final ActionLog actionLog;
    private final MessageSource messages;

    @GetMapping
    @Operation(summary = "Tasks assigned to me and unclaimed tasks of my groups (view=ALL), or one of the two")
    PageOf<TaskInfo> list(@AuthenticationPrincipal CurrentUser user,
                          @RequestParam(defaultValue = "ALL") TaskFilter.View view,
                          @RequestParam(required = false) String process,
                          @RequestParam(required = false) Long org,
                          @RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "CREATED") TaskFilter.Sort sort,
                          @RequestParam(defaultValue = "desc") String dir,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "20") int size) {
        int s = PageOf.size(size, TasklistService.MAX_PAGE_SIZE);
        return tasks.list(user, view, process, org, q, sort, "asc".equals(dir), PageOf.page(page, s), s);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task with the history of its business object")
    Map<String, Object> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        TaskInfo task = tasks.get(id, user);
        List<Action> history = actionLog.timeline(tasks.subject(task));
        return Map.of("task", task, "history", history);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim a task of one of my groups")
    TaskInfo claim(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        tasks.claim(id, user);
        return tasks.get(id, user);
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Give a claimed task back to its groups")
    Map<String, Object> unclaim(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        tasks.unclaim(id, user);
        return Map.of("id", id, "unclaimed", true);
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Approve or return a task; a return needs a comment")
    Map<String, Object> complete(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                 @RequestBody DecisionRequest request) {
        tasks.decide(id, user, request.decision(), request.comment());
        return Map.of("id", id, "completed", true, "decision", request.decision());
    }

    @PostMapping("/batch-approve")
    @Operation(summary = "Approve several tasks at the same step with one comment; reports each task's outcome")
    BatchResponse batchApprove(@AuthenticationPrincipal CurrentUser user, @RequestBody BatchRequest request) {
        List<BatchOutcome> outcomes = tasks.decideAll(request.taskIds(), user, request.comment()).stream()
            .map(r -> new BatchOutcome(r.taskId(), r.title(), r.approved(), r.errorKey(), r.approved() ? null
                : messages.getMessage(r.errorKey(), r.errorArgs().toArray(), r.errorKey(), LocaleContextHolder.getLocale())))
            .toList();
        long approved = outcomes.stream().filter(BatchOutcome::approved).count();
        return new BatchResponse(approved, outcomes.size() - approved, outcomes);
    }

    record DecisionRequest(Decision decision, String comment) {
    }

    record BatchRequest(List<String> taskIds, String comment) {
    }

    record BatchOutcome(String taskId, String title, boolean approved, String code, String message) {
    }

    record BatchResponse(long approved, long failed, List<BatchOutcome> results) {
    }
}
