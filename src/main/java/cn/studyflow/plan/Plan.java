package cn.studyflow.plan;

import cn.studyflow.common.VersionedRow;
import java.time.OffsetDateTime;

public class Plan implements VersionedRow {

    private Long id;
    private Long orgId;
    private PlanKind kind;
    private int planYear;
    private Integer planMonth;
    private String annualKey;
    private String title;
    private PlanStatus status;
    private int revision;
    private String processInstanceId;
    private Long createdBy;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;
    private int version;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public PlanKind getKind() { return kind; }
    public void setKind(PlanKind kind) { this.kind = kind; }
    public int getPlanYear() { return planYear; }
    public void setPlanYear(int planYear) { this.planYear = planYear; }
    public Integer getPlanMonth() { return planMonth; }
    public void setPlanMonth(Integer planMonth) { this.planMonth = planMonth; }
    public String getAnnualKey() { return annualKey; }
    public void setAnnualKey(String annualKey) { this.annualKey = annualKey; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public PlanStatus getStatus() { return status; }
    public void setStatus(PlanStatus status) { this.status = status; }
    public int getRevision() { return revision; }
    public void setRevision(int revision) { this.revision = revision; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(OffsetDateTime updatedAt) { this.updatedAt = updatedAt; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
