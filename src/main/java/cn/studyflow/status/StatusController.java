package cn.studyflow.status;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.task.SubjectRegistry;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.SubjectProvider;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.DiagramState;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.Workflow;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The managers' pages: dashboard, instance list and page, process page, incidents, and their .xlsx exports. */
@Controller
@RequiredArgsConstructor
class StatusController {

    static final String DASHBOARD_VIEW = "status/dashboard";
    static final String INSTANCES_VIEW = "status/instances";
    static final String INSTANCE_VIEW = "status/instance";
    static final String PROCESS_VIEW = "status/process";
    static final String INCIDENTS_VIEW = "status/incidents";
    static final int PAGE_SIZE = 20;

    private final StatusService status;
    private final StatusAccess access;
    private final StatusLabels labels;
    private final Workflow workflow;
    private final SubjectRegistry subjects;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    @GetMapping("/status")
    String dashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long org,
                     @RequestParam(required = false) Integer year, Model model) {
        StatusService.Dashboard dashboard = status.dashboard(user, org, year(year));
        model.addAttribute("d", dashboard);
        model.addAttribute("orgs", access.choices(user));
        model.addAttribute("charts", StatusCharts.of(dashboard, labels));
        return DASHBOARD_VIEW;
    }

    @GetMapping("/status/instances")
    String instances(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("f") InstanceFilter filter,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        PageOf<InstanceRow> found = status.instances(user, filter, PageOf.page(page, PAGE_SIZE), PAGE_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("orgs", access.choices(user));
        model.addAttribute("processes", workflow.processNames());
        model.addAttribute("statuses", InstanceStatus.values());
        return INSTANCES_VIEW;
    }

    @GetMapping("/status/instances/{id}")
    String instance(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
        StatusService.InstanceView view = status.instance(user, id);
        model.addAttribute("view", view);
        model.addAttribute("i", view.instance());
        if (view.instance().getBusinessKey() != null) {
            model.addAllAttributes(subjects.view(SubjectRef.parse(view.instance().getBusinessKey()), user).attributes());
        }
        return INSTANCE_VIEW;
    }

    @GetMapping(value = "/status/instances/{id}/diagram", produces = "application/json")
    @ResponseBody
    DiagramState instanceDiagram(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return status.diagram(user, id);
    }

    @GetMapping("/status/processes/{key}")
    String process(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
                   @RequestParam(required = false) Long org, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("p", status.process(user, key, org, year(year)));
        model.addAttribute("orgs", access.choices(user));
        return PROCESS_VIEW;
    }

    @GetMapping(value = "/status/processes/{key}/diagram", produces = "application/json")
    @ResponseBody
    DiagramState processDiagram(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
                                @RequestParam(required = false) Long org, @RequestParam(required = false) Integer year) {
        return status.process(user, key, org, year(year)).diagram();
    }

    @GetMapping("/status/incidents")
    String incidents(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("incidents", status.incidents(user));
        return INCIDENTS_VIEW;
    }

    @PostMapping("/status/incidents/{id}/retry")
    String retry(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
        status.retry(user, id);
        return Flash.redirect(redirect, "status.incident.retried", "/status/incidents");
    }

    // ---- exports: the same filters and scope as the pages

    @GetMapping("/status/instances.xlsx")
    void exportInstances(@AuthenticationPrincipal CurrentUser user, @ModelAttribute InstanceFilter filter,
                         HttpServletResponse response) throws IOException {
        access.top(user, filter.org());
        write(response, "status.export.instances", headers("status.col.title", "status.col.process", "status.col.org",
            "status.col.businessKey", "status.col.state", "status.col.currentSteps", "status.col.returns",
            "status.col.withdrawals", "status.col.started", "status.col.ended"), sheet ->
            status.exportInstances(user, filter, r -> sheet.row(r.getTitle(), labels.process(r.getProcessKey()),
                r.getOrgName(), r.getBusinessKey(), labels.text("status.state." + r.getState()), r.getCurrentSteps(),
                r.getReturns(), r.getWithdrawals(), r.getStartedAt(), r.getEndedAt())));
    }

    @GetMapping("/status/orgs.xlsx")
    void exportOrgs(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long org,
                    @RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
        StatusService.Dashboard d = status.dashboard(user, org, year(year));
        write(response, "status.export.orgs", headers("status.col.org", "status.col.planStatus",
            "status.col.nextPlanStatus", "status.col.sessionsPlanned", "status.col.sessionsHeld", "status.col.attendance",
            "status.col.materialsWaiting",
            "status.col.longestWait", "status.col.auditsDone", "status.col.averageScore",
            "status.col.openRectifications"), sheet -> d.orgs().forEach(o -> sheet.row(o.getOrg().getName(),
            plan(o.getPlanStatus()), plan(o.getNextPlanStatus()),
            o.getSessionsPlanned(), o.getSessionsHeld(), XlsxSheet.percent(o.getAttendanceRate()), o.getMaterialsWaiting(),
            o.getWaiting().isEmpty() ? null : days(o.getWaiting().get(0).since()), o.getAuditsDone(),
            o.getAverageScore(), o.getOpenRectifications())));
    }

    @GetMapping("/status/stages.xlsx")
    void exportStages(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long org,
                      @RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
        StatusService.Dashboard d = status.dashboard(user, org, year(year));
        write(response, "status.export.stages", headers("status.col.process", "status.col.step", "status.col.decided",
            "status.col.medianHours", "status.col.p90Hours", "status.col.waiting"), sheet -> d.stages().forEach(s ->
            sheet.row(labels.process(s.getProcessKey()), labels.step(s.getProcessKey(), s.getStep(), s.getStepName()), s.getDecided(),
                hours(s.getMedianMs()), hours(s.getP90Ms()), s.getWaiting())));
    }

    @GetMapping("/status/incidents.xlsx")
    void exportIncidents(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        List<StatusService.IncidentRow> rows = status.incidents(user);
        write(response, "status.export.incidents", headers("status.col.time", "status.col.process", "status.col.org",
            "status.col.title", "status.col.step", "status.col.error"), sheet -> rows.forEach(r -> sheet.row(
            r.incident().time(), labels.process(r.incident().processKey()), r.instance().getOrgName(),
            r.instance().getTitle(), labels.step(r.incident().processKey(), r.incident().step(), null), r.incident().message())));
    }

    private void write(HttpServletResponse response, String nameKey, List<String> headers, Consumer<XlsxSheet> rows)
        throws IOException {
        XlsxSheet.respond(response, labels.text(nameKey), headers, zone, rows);
    }

    private String plan(String status) {
        return labels.text(status == null ? "status.plan.none" : "plan.status." + status);
    }

    private List<String> headers(String... keys) {
        return Arrays.stream(keys).map(k -> labels.text(k)).toList();
    }

    private int year(Integer year) {
        return status.year(year);
    }

    private Double days(OffsetDateTime since) {
        return since == null ? null : Math.round(Duration.between(since, OffsetDateTime.now(zone)).toHours() / 2.4) / 10.0;
    }

    private static Double hours(Double ms) {
        return ms == null ? null : Math.round(ms / 360_000.0) / 10.0;
    }
}
