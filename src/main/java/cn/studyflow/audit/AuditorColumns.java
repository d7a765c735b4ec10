package cn.studyflow.audit;

/**
 * Who an auditor row (a pool membership or an assignment) names, as read alongside it: the person's
 * id, login, display name and organisation.
 */
public abstract class AuditorColumns {

    private Long personId;
    private String username;
    private String displayName;
    private Long personOrgId;
    private String personOrgName;

    public Long getPersonId() { return personId; }
    public void setPersonId(Long personId) { this.personId = personId; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public Long getPersonOrgId() { return personOrgId; }
    public void setPersonOrgId(Long personOrgId) { this.personOrgId = personOrgId; }
    public String getPersonOrgName() { return personOrgName; }
    public void setPersonOrgName(String personOrgName) { this.personOrgName = personOrgName; }
}
