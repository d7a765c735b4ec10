package cn.studyflow.system;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks user name and password for the login form and HTTP Basic alike, through {@link LoginThrottle}.
 * Every failure looks the same from outside: wrong password, unknown name (which still costs one BCrypt check,
 * as Spring's provider does), inactive account, or a throttled name or address (refused without looking at
 * the password, so that guesses during the wait learn nothing).
 */
class ThrottledLoginProvider extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;

    ThrottledLoginProvider(UserDetailsService people, PasswordEncoder encoder, LoginThrottle throttle) {
        super(people);
        setPasswordEncoder(encoder);
        // the password first, then whether the account is active: an inactive account costs a BCrypt check too
        setPreAuthenticationChecks(user -> { });
        setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("inactive");
            }
        });
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress() : null;
        if (!throttle.allows(username, address)) {
            throw new BadCredentialsException("throttled");
        }
        Authentication result;
        try {
            result = super.authenticate(authentication);
        } catch (AuthenticationServiceException e) {
            throw e;
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            throw new BadCredentialsException("failed");
        }
        throttle.succeeded(username);
        return result;
    }
}
