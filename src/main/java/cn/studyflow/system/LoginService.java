package cn.studyflow.system;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads people for Spring Security and locks an account for a while after repeated failed logins. */
@Service
class LoginService implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final OrgService orgs;
    private final LoginProperties properties;

    LoginService(OrgService orgs, LoginProperties properties) {
        this.orgs = orgs;
        this.properties = properties;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Person person = orgs.personByUsername(username);
        if (person == null) {
            throw new UsernameNotFoundException(username);
        }
        return new CurrentUser(person, orgs.get(person.getOrgId()));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        Person person = orgs.personByUsername(String.valueOf(event.getAuthentication().getPrincipal()));
        if (person == null) {
            return;
        }
        int failures = person.getFailedLogins() + 1;
        OffsetDateTime lockedUntil = null;
        if (failures >= properties.maxFailures()) {
            lockedUntil = OffsetDateTime.now().plusMinutes(properties.lockMinutes());
            failures = 0;
            log.warn("Account {} locked until {} after {} failed logins", person.getUsername(), lockedUntil,
                properties.maxFailures());
        }
        orgs.recordLoginFailures(person.getId(), failures, lockedUntil);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            orgs.resetLoginFailures(user.getPersonId());
        }
    }

    @ConfigurationProperties("studyflow.login")
    record LoginProperties(int maxFailures, int lockMinutes) {
    }
}
