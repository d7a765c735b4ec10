package cn.studyflow.audit;

import java.time.OffsetDateTime;

/** A person in a dept's auditor pool (巡听人员库). */
public class PoolMember {

    private Long id;
    private Long deptOrgId;
    private Long personId;
    private String specialty;
    private boolean active;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;
    // joined from the person
    private String username;
    private String displayName;
    private Long personOrgId;
    private String personOrgName;
    private String personOrgPath;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getDeptOrgId() { return deptOrgId; }
    public void setDeptOrgId(Long deptOrgId) { this.deptOrgId = deptOrgId; }
    public Long getPersonId() { return personId; }
    public void setPersonId(Long personId) { this.personId = personId; }
    public String getSpecialty() { return specialty; }
    public void setSpecialty(String specialty) { this.specialty = specialty; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(OffsetDateTime updatedAt) { this.updatedAt = updatedAt; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public Long getPersonOrgId() { return personOrgId; }
    public void setPersonOrgId(Long personOrgId) { this.personOrgId = personOrgId; }
    public String getPersonOrgName() { return personOrgName; }
    public void setPersonOrgName(String personOrgName) { this.personOrgName = personOrgName; }
    public String getPersonOrgPath() { return personOrgPath; }
    public void setPersonOrgPath(String personOrgPath) { this.personOrgPath = personOrgPath; }
}
