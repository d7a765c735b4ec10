package cn.studyflow.audit;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.PageOf;
import cn.studyflow.task.TasklistService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
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

/**
 * Audits over JSON, under the same scope and secrecy rules as the pages: a random audit is neither listed
 * nor counted for the audited organisation before its session day, and reading it is refused with 403.
 * The lead auditor's review of a rectification report goes through {@code /api/tasks/{id}/complete}.
 */
@RestController
@RequestMapping("/api/audits")
@Tag(name = "audits", description = "Audit sit-in: the auditor pool, random draws, audits, records, rectifications")
@RequiredArgsConstructor
class AuditApiController {

    private final AuditService audits;
    private final AuditPlanning planning;
    private final AuditAssignmentSteps assignmentSteps;
    private final AuditRecordSteps recordSteps;
    private final AuditPoolService pool;
    private final AuditDrawService draws;

    // --- audits

    @GetMapping
    @Operation(summary = "Audits I may see: of programmes I oversee, assigned to me, or of my organisations")
    PageOf<Audit> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                       @RequestParam(required = false) AuditStatus status, @RequestParam(required = false) AuditMode mode,
                       @RequestParam(required = false) Long org, @RequestParam(defaultValue = "false") boolean mine,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        int s = PageOf.size(size, 100);
        return audits.list(user, year, status, mode, org, mine, PageOf.page(page, s), s);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a fixed audit (dept): a session below, the day, the auditors and the lead")
    AuditView createFixed(@AuthenticationPrincipal CurrentUser user, @RequestBody AuditRequests.Fixed request) {
        return audits.view(planning.createFixed(user, request));
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite an audit of one of my sessions (secretary); the dept above decides")
    AuditView invite(@AuthenticationPrincipal CurrentUser user, @RequestBody AuditRequests.Invitation request) {
        return audits.view(planning.requestInvitation(user, request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One audit with its auditors, records, rectifications, current steps and history")
    AuditView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return viewOf(id, user);
    }

    @PostMapping("/{id}/invitation-decision")
    @Operation(summary = "Approve an invitation with auditors, or decline it with a reason (dept)")
    AuditView decideInvitation(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @RequestBody AuditRequests.InvitationDecision request) {
        assignmentSteps.decideInvitation(id, user, request);
        return viewOf(id, user);
    }

    @PostMapping("/{id}/response")
    @Operation(summary = "Accept my assignment, or decline it with a reason (auditor)")
    AuditView respond(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                      @RequestBody AuditRequests.Response request) {
        assignmentSteps.respond(id, user, request);
        return viewOf(id, user);
    }

    @PostMapping("/{id}/reassignment")
    @Operation(summary = "Name an auditor in place of one who declined when the pool is exhausted (dept)")
    AuditView reassign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                       @RequestBody AuditRequests.Reassignment request) {
        assignmentSteps.reassign(id, user, request.personId());
        return viewOf(id, user);
    }

    // --- records

    @GetMapping("/{id}/records")
    @Operation(summary = "The audit records of an audit")
    List<AuditRecord> records(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return audits.records(audits.get(id, user));
    }

    @PostMapping("/{id}/records")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File my audit record after the session (assigned auditor)")
    AuditRecord fileRecord(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                           @RequestBody AuditRecordForm form) {
        return recordSteps.fileRecord(id, user, form);
    }

    // --- rectifications

    @GetMapping("/{id}/rectifications")
    @Operation(summary = "The rectification reports of an audit and their reviews")
    List<Rectification> rectifications(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return audits.rectifications(audits.get(id, user));
    }

    @PostMapping("/{id}/rectifications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit the rectification report (secretary of the audited organisation)")
    Rectification submitRectification(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                      @RequestBody AuditRequests.RectificationReport request) {
        return recordSteps.submitRectification(id, user, request.report());
    }

    // --- pool

    @GetMapping("/pool")
    @Operation(summary = "My dept's auditor pool")
    List<PoolMember> pool(@AuthenticationPrincipal CurrentUser user) {
        return pool.pool(user);
    }

    @GetMapping("/pool/candidates")
    @Operation(summary = "Auditors of my organisation or below who are not in the pool yet")
    List<PoolMember> candidates(@AuthenticationPrincipal CurrentUser user) {
        return pool.candidates(user);
    }

    @PostMapping("/pool")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an auditor to my dept's pool")
    PoolMember add(@AuthenticationPrincipal CurrentUser user, @RequestBody NewPoolMember request) {
        return pool.add(user, request.personId(), request.specialty());
    }

    @PutMapping("/pool/{memberId}")
    @Operation(summary = "Mark a pool member active or not, and set their specialty")
    PoolMember update(@AuthenticationPrincipal CurrentUser user, @PathVariable long memberId,
                      @RequestBody PoolChange request) {
        if (request.active() == null) {
            throw BusinessException.invalid("error.badRequest");
        }
        return pool.update(user, memberId, request.active(), request.specialty());
    }

    // --- draws

    @GetMapping("/draws")
    @Operation(summary = "The random draws of my organisation's programme, newest first")
    PageOf<StoredDraw> draws(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        int s = PageOf.size(size, 100);
        return audits.draws(user, PageOf.page(page, s), s);
    }

    @PostMapping("/draws")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draw sessions and auditors at random (dept); each pick becomes a random audit")
    DrawView draw(@AuthenticationPrincipal CurrentUser user, @RequestBody AuditRequests.Draw request) {
        return view(planning.drawRandom(user, request).draw());
    }

    @GetMapping("/draws/{id}")
    @Operation(summary = "A draw with its inputs, seed, result and the audits it created")
    DrawView drawOf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return view(audits.getDraw(id, user));
    }

    @PostMapping("/draws/{id}/verify")
    @Operation(summary = "Re-run a draw from its stored inputs and seed and compare with its stored result")
    AuditDrawService.Verification verify(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return audits.verifyDraw(id, user);
    }

    // --- overview

    @GetMapping("/overview")
    @Operation(summary = "Per organisation below my dept: audits done, average scores, open rectifications")
    List<OrgAuditSummary> overview(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
        return audits.overview(user, year);
    }

    /** The audit as the caller may see it now, after a step just taken on it. */
    private AuditView viewOf(long id, CurrentUser user) {
        return audits.view(audits.get(id, user));
    }

    private DrawView view(StoredDraw draw) {
        return new DrawView(draw.getId(), draw.getKind(), draw.getSeed(), draw.getCreatedAt(), draw.getCreatedByName(),
            draws.inputOf(draw), draws.resultOf(draw), audits.auditsOfDraw(draw));
    }

    record NewPoolMember(Long personId, String specialty) {
    }

    record PoolChange(Boolean active, String specialty) {
    }

    record DrawView(long id, StoredDraw.Kind kind, long seed, OffsetDateTime createdAt, String createdBy,
                    AuditDraw.Input inputs, AuditDraw.Result result, List<Audit> audits) {
    }
}
