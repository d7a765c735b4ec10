package cn.studyflow.journal;

import java.time.LocalDate;

/** Whose a process instance is, as the feature's row that names it says: what the journal keeps for scope. */
public class JournalOwner {

    private String processInstanceId;
    private long orgId;
    private String title;
    private Long overseerOrgId;
    private LocalDate hiddenDay;

    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public long getOrgId() { return orgId; }
    public void setOrgId(long orgId) { this.orgId = orgId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    /** The organisation that oversees the instance besides its own (an audit's dept); null for most. */
    public Long getOverseerOrgId() { return overseerOrgId; }
    public void setOverseerOrgId(Long overseerOrgId) { this.overseerOrgId = overseerOrgId; }
    /** The day the instance becomes visible to its own organisation (a random audit's); null for most. */
    public LocalDate getHiddenDay() { return hiddenDay; }
    public void setHiddenDay(LocalDate hiddenDay) { this.hiddenDay = hiddenDay; }
}
