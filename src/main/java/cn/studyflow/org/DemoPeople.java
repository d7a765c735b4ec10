package cn.studyflow.org;

import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The demo's accounts (made by {@link DemoData}) as each feature's demo sample acts for them: as they are logged
 * in, and only while they are still in their demo organisation.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor
public class DemoPeople {

    private final UserDetailsService users;

    /** The demo account as it is logged in. */
    public CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    /** The demo account, unless it is no longer in the demo organisation with this code. */
    public Optional<CurrentUser> userIn(String orgCode, String username) {
        return Optional.of(user(username)).filter(u -> orgCode.equals(u.getOrg().getCode()));
    }
}
