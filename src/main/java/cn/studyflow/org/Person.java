package cn.studyflow.org;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import lombok.Getter;
import lombok.Setter;

@Getter
@Setter
public class Person {

    private Long id;
    private String username;
    private String displayName;
    private Long orgId;
    private String passwordHash;
    private boolean enabled;
    private OffsetDateTime createdAt;
    private boolean mustChangePassword;
    private String phone;
    private CadreRank cadreRank = CadreRank.OTHER;
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    /** Whether a password was ever set: imported people have none until an administrator gives them one. */
    public boolean isPasswordSet() { return passwordHash != null && passwordHash.startsWith("$2"); }
    public void setCadreRank(CadreRank rank) { this.cadreRank = rank == null ? CadreRank.OTHER : rank; }
    public void setRoles(Set<Role> roles) { this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles); }
}
