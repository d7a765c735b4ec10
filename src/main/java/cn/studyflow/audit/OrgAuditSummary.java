package cn.studyflow.audit;

import java.math.BigDecimal;

/** One row of the dept's yearly overview: one subordinate organisation's audits in one year. */
public class OrgAuditSummary {

    private Long orgId;
    private String orgName;
    private String orgPath;
    private int planned;
    private int done;
    private int openRectifications;
    private int records;
    private BigDecimal avgPreparation;
    private BigDecimal avgDiscussion;
    private BigDecimal avgDiscipline;
    private BigDecimal avgApplication;

    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getOrgName() { return orgName; }
    public void setOrgName(String orgName) { this.orgName = orgName; }
    public String getOrgPath() { return orgPath; }
    public void setOrgPath(String orgPath) { this.orgPath = orgPath; }
    public int getPlanned() { return planned; }
    public void setPlanned(int planned) { this.planned = planned; }
    public int getDone() { return done; }
    public void setDone(int done) { this.done = done; }
    public int getOpenRectifications() { return openRectifications; }
    public void setOpenRectifications(int openRectifications) { this.openRectifications = openRectifications; }
    public int getRecords() { return records; }
    public void setRecords(int records) { this.records = records; }
    public BigDecimal getAvgPreparation() { return avgPreparation; }
    public void setAvgPreparation(BigDecimal avgPreparation) { this.avgPreparation = avgPreparation; }
    public BigDecimal getAvgDiscussion() { return avgDiscussion; }
    public void setAvgDiscussion(BigDecimal avgDiscussion) { this.avgDiscussion = avgDiscussion; }
    public BigDecimal getAvgDiscipline() { return avgDiscipline; }
    public void setAvgDiscipline(BigDecimal avgDiscipline) { this.avgDiscipline = avgDiscipline; }
    public BigDecimal getAvgApplication() { return avgApplication; }
    public void setAvgApplication(BigDecimal avgApplication) { this.avgApplication = avgApplication; }

    /** Not audited at all this year: every unit should be covered once a year. */
    public boolean isUncovered() {
        return done == 0;
    }
}
