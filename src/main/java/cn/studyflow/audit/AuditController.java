package cn.studyflow.audit;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.workflow.DiagramState;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit pages: the list, one audit, a fixed audit, an invitation and the dept's yearly overview. */
@Controller
@RequiredArgsConstructor
class AuditController {

    static final String LIST_VIEW = "audit/list";
    static final String DETAIL_VIEW = "audit/detail";
    static final String NEW_VIEW = "audit/new";
    static final String INVITE_VIEW = "audit/invite";
    static final String OVERVIEW_VIEW = "audit/overview";

    private final AuditService audits;
    private final AuditPlanning planning;
    private final Workflow workflow;
    private final Scope scope;
    private final OrgService orgService;
    private final Clock clock;
    private final AuditWord word;

    @GetMapping("/audits")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) AuditStatus status, @RequestParam(required = false) AuditMode mode,
                @RequestParam(required = false) Long org, @RequestParam(defaultValue = "false") boolean mine,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", audits.list(user, year, status, mode, org, mine, PageOf.page(page, 20), 20));
        model.addAttribute("year", year);
        model.addAttribute("status", status);
        model.addAttribute("mode", mode);
        model.addAttribute("org", org);
        model.addAttribute("mine", mine);
        model.addAttribute("statuses", Arrays.asList(AuditStatus.values()));
        model.addAttribute("modes", Arrays.asList(AuditMode.values()));
        model.addAttribute("orgs", scope.visibleOrgs(user));
        model.addAttribute("isDept", user.has(Role.DEPT));
        model.addAttribute("isSecretary", user.has(Role.SECRETARY));
        return LIST_VIEW;
    }

    @GetMapping("/audits/{id:\\d+}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Audit audit = audits.get(id, user);
        AuditView view = audits.view(audit);
        model.addAttribute("audit", audit);
        model.addAttribute("assignments", view.assignments());
        model.addAttribute("records", view.records());
        model.addAttribute("rectifications", view.rectifications());
        model.addAttribute("currentSteps", view.currentSteps());
        model.addAttribute("timeline", view.history());
        model.addAttribute("checklist", audits.checklist());
        return DETAIL_VIEW;
    }

    /** The audit's record as a Word document, for whoever may see the audit (404 otherwise). */
    @GetMapping("/audits/{id:\\d+}/docx")
    ResponseEntity<Resource> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale) {
        return word.download(id, user, locale);
    }

    @GetMapping(value = "/audits/{id:\\d+}/diagram", produces = "application/json")
    @ResponseBody
    DiagramState diagram(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return workflow.diagram(audits.get(id, user).getProcessInstanceId());
    }

    @GetMapping("/audits/new")
    String newFixed(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                    Model model) {
        int shown = showYear(year, model);
        model.addAttribute("sessions", audits.openSessions(user, shown));
        model.addAttribute("auditors", audits.activeAuditors(user));
        return NEW_VIEW;
    }

    @PostMapping("/audits")
    String createFixed(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long sessionId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sessionDate,
                       @RequestParam(required = false) List<Long> auditorIds, @RequestParam(required = false) Long leadId,
                       RedirectAttributes redirect) {
        Audit audit = planning.createFixed(user, new AuditRequests.Fixed(sessionId, sessionDate, auditorIds, leadId));
        return Flash.redirect(redirect, "audit.created", "/audits/" + audit.getId());
    }

    @GetMapping("/audits/invite")
    String invite(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                  Model model) {
        int shown = showYear(year, model);
        model.addAttribute("sessions", audits.ownOpenSessions(user, shown));
        model.addAttribute("superior", orgService.parentOf(user.getOrgId()));
        return INVITE_VIEW;
    }

    @PostMapping("/audits/invitations")
    String requestInvitation(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long sessionId,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sessionDate,
                             @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Audit audit = planning.requestInvitation(user, new AuditRequests.Invitation(sessionId, sessionDate, note));
        return Flash.redirect(redirect, "audit.requested", "/audits/" + audit.getId());
    }

    @GetMapping("/audits/overview")
    String overview(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                    Model model) {
        List<OrgAuditSummary> rows = audits.overview(user, showYear(year, model));
        model.addAttribute("rows", rows);
        model.addAttribute("uncovered", rows.stream().filter(OrgAuditSummary::isUncovered).toList());
        return OVERVIEW_VIEW;
    }

    /** Shows the year asked for, or this year when none is, and returns it. */
    private int showYear(Integer year, Model model) {
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", shown);
        return shown;
    }
}
