package cn.studyflow.session;

import cn.studyflow.org.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in and roll-call over JSON, under the pages' rules: the organisation's secretary or leader runs them, people
 * on the roster sign in, superiors read; anything outside one's scope is 404.
 */
@RestController
@Tag(name = "sign-in", description = "Sessions: sign-in (签到) with a rotating code, hand marks, random roll-call (随机点名)")
@RequiredArgsConstructor
class SignInApiController {

    private final SignInService signIn;
    private final RollCall rollCall;

    @GetMapping("/api/sessions/{id}/signin")
    @Operation(summary = "Where sign-in stands: not opened, open or closed, its times, and how many are here")
    SignInState state(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return signIn.state(user, id);
    }

    @GetMapping("/api/sessions/{id}/signin/sheet")
    @Operation(summary = "The sign-in sheet: everyone on the roster by name, attendance, time, hand marks with reasons")
    List<SignInRow> sheet(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return signIn.sheet(user, id);
    }

    @PostMapping("/api/sessions/{id}/signin/open")
    @Operation(summary = "Open sign-in on the session's day (secretary or leader); a new secret for the rotating code")
    SignInState open(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return signIn.open(user, id);
    }

    @PostMapping("/api/sessions/{id}/signin/close")
    @Operation(summary = "Close sign-in (secretary or leader); it also closes by itself a configured time after the start")
    SignInState close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return signIn.close(user, id);
    }

    @GetMapping("/api/sessions/{id}/signin/code")
    @Operation(summary = "The six-digit code of this 30-second step, for the projector (secretary or leader, while open)")
    SignInService.Projection code(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return signIn.projection(user, id);
    }

    @PostMapping("/api/sessions/{id}/signin")
    @Operation(summary = "Sign in to this session with the code shown (a person on its roster); late after the grace time")
    SignInService.SignedIn signIn(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                  @RequestBody SignInRequests.Code body) {
        return signIn.signIn(user, id, body.code());
    }

    @PostMapping("/api/signin")
    @Operation(summary = "Sign in by the code alone: to the open session of mine whose code it is")
    SignInService.SignedIn signInByCode(@AuthenticationPrincipal CurrentUser user, @RequestBody SignInRequests.Code body) {
        return signIn.signInByCode(user, body.code());
    }

    @PostMapping("/api/sessions/{id}/signin/marks")
    @Operation(summary = "Mark a person on the roster present or late by hand, with a reason (secretary or leader)")
    SignInRow mark(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody SignInRequests.Mark body) {
        return signIn.mark(user, id, body.personId(), body.attendance(), body.reason());
    }

    @GetMapping("/api/sessions/{id}/roll-calls")
    @Operation(summary = "The random roll-calls of a session: who was drawn, from which pool, by which seed, and the notes")
    List<SessionCall> calls(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return rollCall.calls(user, id);
    }

    @PostMapping("/api/sessions/{id}/roll-calls")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draw a speaker at random from those present or late, leaving out recent speakers (secretary or leader)")
    SessionCall draw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return rollCall.draw(user, id);
    }

    @GetMapping("/api/sessions/{id}/roll-calls/{callId}/verification")
    @Operation(summary = "Re-run a stored draw from its seed and pool and say whether it draws the same person")
    RollCall.Verification verify(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long callId) {
        return rollCall.verify(user, id, callId);
    }

    @PutMapping("/api/sessions/{id}/roll-calls/{callId}/note")
    @Operation(summary = "Record what the drawn speaker said, in at most 500 characters (secretary or leader)")
    SessionCall note(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long callId,
                     @RequestBody SignInRequests.Note body) {
        return rollCall.note(user, id, callId, body.note());
    }
}
