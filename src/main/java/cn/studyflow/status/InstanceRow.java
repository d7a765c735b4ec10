package cn.studyflow.status;

import java.time.OffsetDateTime;

/** One process instance as the managers' lists show it. */
public class InstanceRow {

    private String id;
    private String processKey;
    private String businessKey;
    private Long orgId;
    private String orgName;
    private String title;
    private String state;
    private int returns;
    private int withdrawals;
    private OffsetDateTime startedAt;
    private OffsetDateTime endedAt;
    /** The names of the steps it waits at, joined; filled for a page of rows at once. */
    private String currentSteps;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getProcessKey() { return processKey; }
    public void setProcessKey(String processKey) { this.processKey = processKey; }
    public String getBusinessKey() { return businessKey; }
    public void setBusinessKey(String businessKey) { this.businessKey = businessKey; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getOrgName() { return orgName; }
    public void setOrgName(String orgName) { this.orgName = orgName; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public int getReturns() { return returns; }
    public void setReturns(int returns) { this.returns = returns; }
    public int getWithdrawals() { return withdrawals; }
    public void setWithdrawals(int withdrawals) { this.withdrawals = withdrawals; }
    public OffsetDateTime getStartedAt() { return startedAt; }
    public void setStartedAt(OffsetDateTime startedAt) { this.startedAt = startedAt; }
    public OffsetDateTime getEndedAt() { return endedAt; }
    public void setEndedAt(OffsetDateTime endedAt) { this.endedAt = endedAt; }
    public String getCurrentSteps() { return currentSteps; }
    public void setCurrentSteps(String currentSteps) { this.currentSteps = currentSteps; }
}
