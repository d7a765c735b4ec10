package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * What the sign-in panel of a session's page shows ({@code templates/session/fragments/signin.html}), asked for
 * by the fragment itself ({@code ${@signInPanels.of(session, #authentication.principal)}}), so that the page that
 * includes it needs to know nothing of sign-in.
 */
@Component("signInPanels")
@RequiredArgsConstructor
public class SignInPanels {

    private final SignInService signIn;
    private final RollCall rollCall;

    /** The panel: sign-in's state, the sheet, the roll-calls, and whether this person runs them. */
    public record Panel(SignInState state, List<SignInRow> sheet, List<SessionCall> calls, boolean runs) {
    }

    /** The panel of a session for this person, or null when they may not read it (the fragment then shows nothing). */
    public Panel of(StudySession session, Object principal) {
        if (session == null || !(principal instanceof CurrentUser user)) {
            return null;
        }
        try {
            return new Panel(signIn.state(user, session.getId()), signIn.sheet(user, session.getId()),
                rollCall.calls(user, session.getId()), SignInAccess.runs(user, session));
        } catch (BusinessException notReadable) {
            return null;
        }
    }
}
