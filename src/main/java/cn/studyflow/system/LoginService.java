package cn.studyflow.system;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads people for Spring Security; {@link ThrottledLoginProvider} checks their passwords. */
@Service
class LoginService implements UserDetailsService {

    private final PersonMapper people;
    private final OrgMapper orgs;

    LoginService(PersonMapper people, OrgMapper orgs) {
        this.people = people;
        this.orgs = orgs;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Person person = people.selectByUsername(username);
        if (person == null) {
            throw new UsernameNotFoundException(username);
        }
        return new CurrentUser(person, orgs.selectById(person.getOrgId()));
    }
}
