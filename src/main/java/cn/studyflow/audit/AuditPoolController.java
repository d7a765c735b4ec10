package cn.studyflow.audit;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dept's auditor pool page. */
@Controller
@RequiredArgsConstructor
class AuditPoolController {

    static final String POOL_VIEW = "audit/pool";

    private final AuditPoolService pool;

    @GetMapping("/audits/pool")
    String pool(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("members", pool.pool(user));
        model.addAttribute("candidates", pool.candidates(user));
        return POOL_VIEW;
    }

    @PostMapping("/audits/pool")
    String add(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long personId,
               @RequestParam(required = false) String specialty, RedirectAttributes redirect) {
        pool.add(user, personId, specialty);
        return Flash.redirect(redirect, "audit.pool.added", "/audits/pool");
    }

    @PostMapping("/audits/pool/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) String specialty,
                  RedirectAttributes redirect) {
        pool.update(user, id, active, specialty);
        return Flash.redirect(redirect, "audit.pool.updated", "/audits/pool");
    }
}
