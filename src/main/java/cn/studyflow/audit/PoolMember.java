package cn.studyflow.audit;

import java.time.OffsetDateTime;

/** A person in a dept's auditor pool (巡听人员库). */
public class PoolMember extends AuditorColumns {

    private Long id;
    private Long deptOrgId;
    private String specialty;
    private boolean active;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;
    // joined from the person
    private String personOrgPath;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getDeptOrgId() { return deptOrgId; }
    public void setDeptOrgId(Long deptOrgId) { this.deptOrgId = deptOrgId; }
    public String getSpecialty() { return specialty; }
    public void setSpecialty(String specialty) { this.specialty = specialty; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(OffsetDateTime updatedAt) { this.updatedAt = updatedAt; }
    public String getPersonOrgPath() { return personOrgPath; }
    public void setPersonOrgPath(String personOrgPath) { this.personOrgPath = personOrgPath; }
}
