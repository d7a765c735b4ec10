package cn.studyflow.audit;

import java.time.OffsetDateTime;

/** A draw as stored: its inputs, seed and result as JSON, so that it can be re-run and checked. */
public class StoredDraw {

    /** A random audit draw of sessions and auditors, or one replacement auditor after a decline. */
    public enum Kind { SESSIONS, REPLACEMENT }

    private Long id;
    private Long deptOrgId;
    private Kind kind;
    private long seed;
    private String inputsJson;
    private String resultJson;
    private Long auditId;
    private Long createdBy;
    private OffsetDateTime createdAt;
    private String createdByName;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getDeptOrgId() { return deptOrgId; }
    public void setDeptOrgId(Long deptOrgId) { this.deptOrgId = deptOrgId; }
    public Kind getKind() { return kind; }
    public void setKind(Kind kind) { this.kind = kind; }
    public long getSeed() { return seed; }
    public void setSeed(long seed) { this.seed = seed; }
    public String getInputsJson() { return inputsJson; }
    public void setInputsJson(String inputsJson) { this.inputsJson = inputsJson; }
    public String getResultJson() { return resultJson; }
    public void setResultJson(String resultJson) { this.resultJson = resultJson; }
    public Long getAuditId() { return auditId; }
    public void setAuditId(Long auditId) { this.auditId = auditId; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public String getCreatedByName() { return createdByName; }
    public void setCreatedByName(String createdByName) { this.createdByName = createdByName; }
}
