package cn.studyflow.session;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The roll-call forms of the sign-in panel: draw a speaker, check a draw, note what the speaker said. */
@Controller
@RequiredArgsConstructor
class RollCallController {

    private final RollCall rollCall;

    @PostMapping("/sessions/{id}/roll-calls")
    String draw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        SessionCall call = rollCall.draw(user, id);
        redirect.addFlashAttribute("drawn", call.getPersonName());
        return "redirect:" + SignInController.deskPath(id);
    }

    @PostMapping("/sessions/{id}/roll-calls/{callId}/verify")
    String verify(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long callId,
                  RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", rollCall.verify(user, id, callId));
        return "redirect:" + SignInController.deskPath(id);
    }

    @PostMapping("/sessions/{id}/roll-calls/{callId}/note")
    String note(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long callId,
                @RequestParam(required = false) String note, RedirectAttributes redirect) {
        rollCall.note(user, id, callId, note);
        return Flash.redirect(redirect, "rollcall.noted", SignInController.deskPath(id));
    }
}
