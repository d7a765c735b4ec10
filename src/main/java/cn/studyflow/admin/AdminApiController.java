package cn.studyflow.admin;

import cn.studyflow.admin.AdminViews.DeactivateRequest;
import cn.studyflow.admin.AdminViews.MoveRequest;
import cn.studyflow.admin.AdminViews.OrgRequest;
import cn.studyflow.admin.AdminViews.OrgView;
import cn.studyflow.admin.AdminViews.PasswordRequest;
import cn.studyflow.admin.AdminViews.PersonRequest;
import cn.studyflow.admin.AdminViews.PersonView;
import cn.studyflow.org.Person;
import cn.studyflow.admin.AdminViews.RolesRequest;
import cn.studyflow.admin.TrailMapper.TrailFilter;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Like;
import cn.studyflow.common.PageOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The administration API: the same use cases and the same access rules as the pages. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "admin", description = "Organisations, people, roles, import and trail (system and organisation administrators)")
@RequiredArgsConstructor
class AdminApiController {

    private final OrgAdminService orgs;
    private final PeopleAdminService people;
    private final Departures departures;
    private final PeopleImport imports;
    private final Trail trail;
    private final AdminAccess access;
    private final Roles roles;
    private final MessageSource messages;

    @GetMapping("/orgs")
    @Operation(summary = "The organisations I administer, as a tree in path order")
    List<OrgView> orgs(@AuthenticationPrincipal CurrentUser user) {
        return orgs.tree(user).stream().map(OrgView::of).toList();
    }

    @PostMapping("/orgs")
    @Operation(summary = "Create an organisation under a parent (system administrators)")
    OrgView createOrg(@AuthenticationPrincipal CurrentUser user, @RequestBody OrgRequest r) {
        return OrgView.of(orgs.create(user, r.parentId(), r.code(), r.name(), r.kind()));
    }

    @PutMapping("/orgs/{id}")
    @Operation(summary = "Rename an organisation or change its kind (system administrators)")
    OrgView renameOrg(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody OrgRequest r) {
        return OrgView.of(orgs.rename(user, id, r.name(), r.kind()));
    }

    @PostMapping("/orgs/{id}/move")
    @Operation(summary = "Move an organisation and its subtree under another parent; refused for a cycle")
    OrgView moveOrg(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody MoveRequest r) {
        access.requireSystemAdmin(user);
        if (r.parentId() == null) {
            throw BusinessException.invalid("admin.org.parentRequired");
        }
        return OrgView.of(orgs.move(user, id, r.parentId()));
    }

    @PostMapping("/orgs/{id}/deactivate")
    @Operation(summary = "Deactivate an organisation; refused with what blocks it (running processes, people, suborganisations)")
    OrgView deactivateOrg(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        orgs.deactivate(user, id);
        return OrgView.of(orgs.get(user, id));
    }

    @PostMapping("/orgs/{id}/reactivate")
    @Operation(summary = "Reactivate an organisation")
    OrgView reactivateOrg(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        orgs.reactivate(user, id);
        return OrgView.of(orgs.get(user, id));
    }

    @GetMapping("/people")
    @Operation(summary = "People I administer, optionally below one organisation and matching a text")
    PageOf<PersonView> people(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long org,
                              @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        PageOf<cn.studyflow.org.Person> p = people.page(user, org, q, Math.max(0, page), Math.min(Math.max(1, size), 500));
        return new PageOf<>(p.items().stream().map(this::view).toList(), p.total(), p.page(), p.size());
    }

    @GetMapping("/people/{id}")
    @Operation(summary = "One person")
    PersonView person(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return view(people.get(user, id));
    }

    @PostMapping("/people")
    @Operation(summary = "Create a person; a password given is temporary and must be changed at the first login")
    PersonView createPerson(@AuthenticationPrincipal CurrentUser user, @RequestBody PersonRequest r) {
        return view(people.create(user, new PersonForm(r.username(), r.displayName(), r.orgId(), r.phone(),
            roles.parse(r.roles()), r.password())));
    }

    @PutMapping("/people/{id}")
    @Operation(summary = "Change a person's name, organisation, phone or cadre rank (SENIOR 处级及以上, SECTION 科级, OTHER; none keeps it)")
    PersonView updatePerson(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                            @RequestBody PersonRequest r) {
        return view(people.update(user, id, r.displayName(), r.orgId(), r.phone(), r.cadreRank()));
    }

    @PutMapping("/people/{id}/roles")
    @Operation(summary = "Set the roles a person holds in their organisation")
    PersonView setRoles(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody RolesRequest r) {
        return view(people.setRoles(user, id, roles.parse(r.roles())));
    }

    @PostMapping("/people/{id}/password")
    @Operation(summary = "Set a temporary password, to be changed at the next login")
    PersonView password(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                        @RequestBody PasswordRequest r) {
        people.setTemporaryPassword(user, id, r.password());
        return view(people.get(user, id));
    }

    @PostMapping("/people/{id}/unlock")
    @Operation(summary = "Unlock an account locked by failed logins")
    PersonView unlock(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        people.unlockAccount(user, id);
        return view(people.get(user, id));
    }

    @PostMapping("/people/{id}/deactivate")
    @Operation(summary = "Deactivate a person: their tasks go back to their groups or to successorId, their sessions end")
    Map<String, Object> deactivate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                   @RequestBody(required = false) DeactivateRequest r) {
        var handed = departures.deactivate(user, id, r == null ? null : r.successorId());
        return Map.of("person", view(people.get(user, id)), "handedTasks", handed.size());
    }

    @PostMapping("/people/{id}/reactivate")
    @Operation(summary = "Reactivate a person")
    PersonView reactivate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        people.reactivate(user, id);
        return view(people.get(user, id));
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import people from .xlsx: dryRun=true (the default) reports row by row and writes nothing")
    Map<String, Object> importPeople(@AuthenticationPrincipal CurrentUser user, @RequestPart("file") MultipartFile file,
                                     @RequestParam(defaultValue = "true") boolean dryRun) throws IOException {
        ImportReport report = imports.run(user, file.getBytes(), dryRun);
        var locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> rows = report.lines().stream().map(l -> Map.<String, Object>of(
            "row", l.row(), "username", l.username(), "outcome", l.outcome().name(),
            "reason", l.reasonKey() == null ? "" : messages.getMessage(l.reasonKey(), new Object[] {l.reasonArg()},
                l.reasonKey(), locale),
            "changes", l.changes() == null ? "" : l.changes())).toList();
        return Map.of("dryRun", report.dryRun(), "applied", report.applied(), "rows", rows);
    }

    @GetMapping("/trail")
    @Operation(summary = "The trail of administrative changes, newest first (system administrators)")
    PageOf<TrailEntry> trail(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
                             @RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        access.requireSystemAdmin(user);
        return trail.page(new TrailFilter(Like.containing(q), action, null, null, null), Math.max(0, page),
            Math.min(Math.max(1, size), 500));
    }

    private PersonView view(Person person) {
        return PersonView.of(person, people.isLocked(person));
    }
}
