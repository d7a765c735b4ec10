package cn.studyflow.journal;

/** How often an instance was sent back for revision and withdrawn, as the action log recorded it. */
public class JournalCounts {

    private String processInstanceId;
    private int returns;
    private int withdrawals;

    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public int getReturns() { return returns; }
    public void setReturns(int returns) { this.returns = returns; }
    public int getWithdrawals() { return withdrawals; }
    public void setWithdrawals(int withdrawals) { this.withdrawals = withdrawals; }
}
