package cn.studyflow.system;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads people for Spring Security; {@link ThrottledLoginProvider} checks their passwords. */
@Service
@RequiredArgsConstructor
class LoginService implements UserDetailsService {

    private final OrgService orgs;

    @Override
    public UserDetails loadUserByUsername(String username) {
        Person person = orgs.personByUsername(username);
        if (person == null) {
            throw new UsernameNotFoundException(username);
        }
        return new CurrentUser(person, orgs.get(person.getOrgId()));
    }
}
