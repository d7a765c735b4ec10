package cn.studyflow.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code studyflow.session.*} for sign-in and roll-call: sign-in closes {@code signinClosesAfter} after the
 * session's start unless the secretary closes it earlier; who signs in more than {@code lateAfter} after the start
 * is late; a roll-call leaves out whoever was drawn at the organisation's last {@code rollCallRest} sessions
 * unless nobody else is present.
 */
@ConfigurationProperties("studyflow.session")
public record SignInProperties(@DefaultValue("PT60M") Duration signinClosesAfter,
                               @DefaultValue("PT5M") Duration lateAfter,
                               @DefaultValue("2") int rollCallRest) {
}
