package cn.studyflow.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.PageOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/status")
@Tag(name = "status", description = "The managers' views: figures of a subtree, process instances, incidents")
@RequiredArgsConstructor
class StatusApiController {

    private static final int MAX_PAGE_SIZE = 100;

    private final StatusService status;

    @GetMapping("/dashboard")
    @Operation(summary = "Figures per process, step and organisation of the subtree of org (default: my own) in a year")
    StatusService.Dashboard dashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long org,
                                      @RequestParam(required = false) Integer year) {
        return status.dashboard(user, org, status.year(year));
    }

    @GetMapping("/instances")
    @Operation(summary = "Process instances of my scope, filtered like the page (process, org, status, from, to, key,"
        + " step, overdue), newest first")
    PageOf<InstanceRow> instances(@AuthenticationPrincipal CurrentUser user, @ModelAttribute InstanceFilter filter,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        int s = PageOf.size(size, MAX_PAGE_SIZE);
        return status.instances(user, filter, PageOf.page(page, s), s);
    }

    @GetMapping("/instances/{id}")
    @Operation(summary = "One process instance of my scope with the stages it went through")
    StatusService.InstanceView instance(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return status.instance(user, id);
    }

    @GetMapping("/incidents")
    @Operation(summary = "Open incidents of my scope (administrators)")
    List<StatusService.IncidentRow> incidents(@AuthenticationPrincipal CurrentUser user) {
        return status.incidents(user);
    }

    @PostMapping("/incidents/{id}/retry")
    @Operation(summary = "Gives the failed job of an incident one more attempt (administrators)")
    StatusService.IncidentRow retry(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return status.retry(user, id);
    }
}
