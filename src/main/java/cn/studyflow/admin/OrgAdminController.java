package cn.studyflow.admin;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of the organisation tree: the tree, one organisation, and the forms that change them. */
@Controller
@RequiredArgsConstructor
class OrgAdminController {

    static final String TREE_VIEW = "admin/orgs";
    static final String ORG_VIEW = "admin/org";

    private final OrgAdminService orgs;
    private final AdminAccess access;

    /** Administrators start where they work most: the tree for system administrators, people for the others. */
    @GetMapping("/admin")
    String home(@AuthenticationPrincipal CurrentUser user) {
        access.requireAdministrator(user);
        return AdminAccess.isSystemAdmin(user) ? "redirect:/admin/orgs" : "redirect:/admin/people";
    }

    /** Every page of the tree offers the kinds of organisation and knows whether a system administrator looks. */
    @ModelAttribute
    void common(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("kinds", OrgKind.values());
        model.addAttribute("system", AdminAccess.isSystemAdmin(user));
    }

    @GetMapping("/admin/orgs")
    String tree(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<Org> tree = orgs.tree(user);
        model.addAttribute("orgs", tree);
        model.addAttribute("top", tree.isEmpty() ? null : tree.get(0));
        return TREE_VIEW;
    }

    @GetMapping("/admin/orgs/{id}")
    String org(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Org org = orgs.get(user, id);
        List<Org> tree = orgs.tree(user);
        model.addAttribute("org", org);
        model.addAttribute("orgs", tree);
        // only organisations outside the subtree can become its parent
        model.addAttribute("parents", tree.stream().filter(o -> !o.getPath().startsWith(org.getPath())).toList());
        model.addAttribute("parent", tree.stream().filter(o -> o.getId().equals(org.getParentId())).findFirst()
            .orElse(null));
        model.addAttribute("blockers", org.isActive() && AdminAccess.isSystemAdmin(user) ? orgs.blockers(org)
            : List.of());
        return ORG_VIEW;
    }

    @PostMapping("/admin/orgs")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long parentId,
                  @RequestParam(required = false) String code, @RequestParam(required = false) String name,
                  @RequestParam(required = false) OrgKind kind, RedirectAttributes redirect) {
        Org org = orgs.create(user, parentId, code, name, kind);
        return Flash.redirect(redirect, "admin.org.created", "/admin/orgs#org-" + org.getId());
    }

    @PostMapping("/admin/orgs/{id}/rename")
    String rename(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) String name, @RequestParam(required = false) OrgKind kind,
                  RedirectAttributes redirect) {
        orgs.rename(user, id, name, kind);
        return Flash.redirect(redirect, "admin.saved", "/admin/orgs/" + id);
    }

    @PostMapping("/admin/orgs/{id}/move")
    String move(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long parentId,
                RedirectAttributes redirect) {
        orgs.move(user, id, parentId);
        return Flash.redirect(redirect, "admin.org.moved", "/admin/orgs/" + id);
    }

    @PostMapping("/admin/orgs/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        orgs.deactivate(user, id);
        return Flash.redirect(redirect, "admin.org.deactivated", "/admin/orgs/" + id);
    }

    @PostMapping("/admin/orgs/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        orgs.reactivate(user, id);
        return Flash.redirect(redirect, "admin.org.reactivated", "/admin/orgs/" + id);
    }
}
