package cn.studyflow.status;

import java.time.OffsetDateTime;

/** One grouped row of a figure per organisation; each query fills the fields it needs. */
public class OrgRow {

    private long orgId;
    private String code;
    private String label;
    private long n;
    private long m;
    private Double amount;
    private OffsetDateTime since;

    public long getOrgId() { return orgId; }
    public void setOrgId(long orgId) { this.orgId = orgId; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public long getN() { return n; }
    public void setN(long n) { this.n = n; }
    public long getM() { return m; }
    public void setM(long m) { this.m = m; }
    public Double getAmount() { return amount; }
    public void setAmount(Double amount) { this.amount = amount; }
    public OffsetDateTime getSince() { return since; }
    public void setSince(OffsetDateTime since) { this.since = since; }
}
