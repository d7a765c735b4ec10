package cn.studyflow.admin;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CadreRank;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.workflow.Handover.HandedTask;
import cn.studyflow.common.PageOf;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of people: the list of a subtree, a new person, one person with their roles, password and status. */
@Controller
@RequiredArgsConstructor
class PeopleAdminController {

    static final String LIST_VIEW = "admin/people";
    static final String PERSON_VIEW = "admin/person";
    static final String NEW_VIEW = "admin/person-new";
    static final int PAGE_SIZE = 50;

    private final PeopleAdminService people;
    private final Departures departures;
    private final OrgAdminService orgs;
    private final Roles roles;
    private final OrgService orgService;

    @GetMapping("/admin/people")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long org,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        PageOf<Person> result = people.page(user, org, q, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("org", org);
        model.addAttribute("q", q);
        addOrgs(user, model);
        return LIST_VIEW;
    }

    @GetMapping("/admin/people/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long org, Model model) {
        addOrgs(user, model);
        model.addAttribute("org", org);
        model.addAttribute("grantable", grantable(user));
        return NEW_VIEW;
    }

    @PostMapping("/admin/people")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String username,
                  @RequestParam(required = false) String displayName, @RequestParam(required = false) Long orgId,
                  @RequestParam(required = false) String phone, @RequestParam(required = false) List<String> roles,
                  @RequestParam(required = false) String password, RedirectAttributes redirect) {
        Person person = people.create(user, new PersonForm(username, displayName, orgId, phone,
            this.roles.parse(roles), password));
        return Flash.redirect(redirect, "admin.person.created", "/admin/people/" + person.getId());
    }

    @GetMapping("/admin/people/{id}")
    String person(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Person person = people.get(user, id);
        model.addAttribute("person", person);
        model.addAttribute("personOrg", orgs.get(user, person.getOrgId()));
        model.addAttribute("locked", people.isLocked(person));
        model.addAttribute("grantable", grantable(user));
        model.addAttribute("self", person.getId().equals(user.getPersonId()));
        model.addAttribute("colleagues", orgService.people(person.getOrgId()).stream()
            .filter(p -> !p.getId().equals(person.getId())).toList());
        addOrgs(user, model);
        return PERSON_VIEW;
    }

    @PostMapping("/admin/people/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) String displayName, @RequestParam(required = false) Long orgId,
                  @RequestParam(required = false) String phone, @RequestParam(required = false) CadreRank cadreRank,
                  RedirectAttributes redirect) {
        people.update(user, id, displayName, orgId, phone, cadreRank);
        return Flash.redirect(redirect, "admin.saved", "/admin/people/" + id);
    }

    @PostMapping("/admin/people/{id}/roles")
    String roles(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                 @RequestParam(required = false) List<String> roles, RedirectAttributes redirect) {
        people.setRoles(user, id, this.roles.parse(roles));
        return Flash.redirect(redirect, "admin.person.rolesSaved", "/admin/people/" + id);
    }

    @PostMapping("/admin/people/{id}/password")
    String password(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                    @RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
        people.setTemporaryPassword(user, id, password);
        return Flash.redirect(redirect, "admin.person.passwordSet", "/admin/people/" + id);
    }

    @PostMapping("/admin/people/{id}/unlock")
    String unlock(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        people.unlockAccount(user, id);
        return Flash.redirect(redirect, "admin.person.unlocked", "/admin/people/" + id);
    }

    @PostMapping("/admin/people/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                      @RequestParam(required = false) Long successorId, RedirectAttributes redirect) {
        List<HandedTask> handed = departures.deactivate(user, id, successorId);
        redirect.addFlashAttribute("handedCount", handed.size());
        return Flash.redirect(redirect, "admin.person.deactivated", "/admin/people/" + id);
    }

    @PostMapping("/admin/people/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        people.reactivate(user, id);
        return Flash.redirect(redirect, "admin.person.reactivated", "/admin/people/" + id);
    }

    private void addOrgs(CurrentUser user, Model model) {
        List<Org> tree = orgs.tree(user);
        Map<Long, Org> byId = tree.stream().collect(Collectors.toMap(Org::getId, Function.identity()));
        model.addAttribute("orgs", tree);
        model.addAttribute("orgById", byId);
    }

    /** The roles this administrator may give: all but the system administrator's, unless they are one. */
    private static List<Role> grantable(CurrentUser user) {
        return Arrays.stream(Role.values()).filter(r -> r != Role.ADMIN || AdminAccess.isSystemAdmin(user)).toList();
    }
}
