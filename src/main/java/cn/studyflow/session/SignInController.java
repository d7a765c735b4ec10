package cn.studyflow.session;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The sign-in pages: the secretary's desk (the panel of the session page, on a page of its own), the projector with
 * the rotating code and its QR code, and the phone page where members sign in by the QR or by typing the code.
 */
@Controller
@RequiredArgsConstructor
class SignInController {

    static final String DESK_VIEW = "session/signin-desk";
    static final String PROJECTOR_VIEW = "session/signin-projector";
    static final String PHONE_VIEW = "session/signin-phone";

    private final SignInService signIn;
    private final SignInAccess access;
    private final SignInQr qr;

    @GetMapping("/sessions/{id}/signin")
    String desk(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("studySession", access.readable(user, id));
        return DESK_VIEW;
    }

    @PostMapping("/sessions/{id}/signin/open")
    String open(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        signIn.open(user, id);
        return Flash.redirect(redirect, "signin.opened", deskPath(id));
    }

    @PostMapping("/sessions/{id}/signin/close")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        signIn.close(user, id);
        return Flash.redirect(redirect, "signin.closedDone", deskPath(id));
    }

    @PostMapping("/sessions/{id}/signin/marks")
    String mark(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                @RequestParam(required = false) Long personId, @RequestParam(required = false) Attendance attendance,
                @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        signIn.mark(user, id, personId, attendance, reason);
        return Flash.redirect(redirect, "signin.marked", deskPath(id));
    }

    @GetMapping("/sessions/{id}/signin/projector")
    String projector(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("studySession", access.runnable(user, id));
        model.addAttribute("projection", signIn.projection(user, id));
        model.addAttribute("signinUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/signin").toUriString());
        return PROJECTOR_VIEW;
    }

    /** The QR code of the current code: the phone page's address with the code, for a phone's camera. */
    @GetMapping(value = "/sessions/{id}/signin/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        SignInService.Projection projection = signIn.projection(user, id);
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/signin/{id}")
            .queryParam("code", projection.code()).buildAndExpand(id).toUriString();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG).body(qr.png(url));
    }

    /** The phone page: type the code; lists the open sessions of mine. */
    @GetMapping("/signin")
    String phone(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("open", signIn.openFor(user));
        return PHONE_VIEW;
    }

    @PostMapping("/signin")
    String signInByCode(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String code,
                        RedirectAttributes redirect) {
        redirect.addFlashAttribute("signedIn", signIn.signInByCode(user, code));
        return "redirect:/signin";
    }

    /** Where the QR code leads (after the login page when not logged in): one tap signs in. */
    @GetMapping("/signin/{id}")
    String scanned(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                   @RequestParam(required = false) String code, Model model) {
        model.addAttribute("studySession", access.readable(user, id));
        model.addAttribute("code", code != null && code.matches("\\d{6}") ? code : null);
        model.addAttribute("open", signIn.openFor(user));
        return PHONE_VIEW;
    }

    @PostMapping("/signin/{id}")
    String signIn(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) String code, RedirectAttributes redirect) {
        redirect.addFlashAttribute("signedIn", signIn.signIn(user, id, code));
        return "redirect:/signin";
    }

    static String deskPath(long id) {
        return "/sessions/" + id + "/signin";
    }
}
