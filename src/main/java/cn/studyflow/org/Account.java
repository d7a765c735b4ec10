package cn.studyflow.org;

/**
 * A person with their roles and their organisation as one query reads them (see {@link OrgService#account}); public
 * only because the mapper's proxy must reach it.
 */
public class Account {

    private Long personId;
    private Person person;
    private Org org;

    public Long getPersonId() { return personId; }
    public void setPersonId(Long personId) { this.personId = personId; }
    public Person getPerson() { return person; }
    public void setPerson(Person person) { this.person = person; }
    public Org getOrg() { return org; }
    public void setOrg(Org org) { this.org = org; }
}
