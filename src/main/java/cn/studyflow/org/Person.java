package cn.studyflow.org;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

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
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    /** Whether a password was ever set: imported people have none until an administrator gives them one. */
    public boolean isPasswordSet() { return passwordHash != null && passwordHash.startsWith("$2"); }
    public boolean isMustChangePassword() { return mustChangePassword; }
    public void setMustChangePassword(boolean mustChangePassword) { this.mustChangePassword = mustChangePassword; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles); }
}
