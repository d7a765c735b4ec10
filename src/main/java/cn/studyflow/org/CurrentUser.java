package cn.studyflow.org;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import lombok.AccessLevel;
import lombok.Getter;

/** The logged-in person: who they are, their organisation and roles, and the engine groups those give. */
@Getter
public class CurrentUser implements UserDetails {

    private static final long serialVersionUID = 1L;

    private final long personId;
    private final String username;
    private final String displayName;
    @Getter(AccessLevel.NONE)
    private final String passwordHash;
    private final boolean enabled;
    private final Org org;
    private final Set<Role> roles;
    /** A temporary password set by an administrator, to be changed before anything else. */
    private final boolean mustChangePassword;

    public CurrentUser(Person person, Org org) {
        this.personId = person.getId();
        this.username = person.getUsername();
        this.displayName = person.getDisplayName();
        this.passwordHash = person.getPasswordHash();
        this.enabled = person.isEnabled();
        this.org = org;
        this.roles = Set.copyOf(person.getRoles());
        this.mustChangePassword = person.isMustChangePassword();
    }

    public long getOrgId() { return org.getId(); }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean seesSubtree() {
        return roles.stream().anyMatch(Role::seesSubtree);
    }

    /** The engine candidate groups this person belongs to, one per role in their organisation. */
    public List<String> groups() {
        return roles.stream().map(r -> r.group(org.getId())).sorted().toList();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override public String getPassword() { return passwordHash; }
    @Override public String getUsername() { return username; }
    @Override public boolean isEnabled() { return enabled; }
}
