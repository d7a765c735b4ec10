package cn.studyflow.modeler;

import java.time.OffsetDateTime;

/** Who deployed a process version from the modeler, when, and why (table sf_process_deployment). */
public class DeploymentRecord {

    public enum Kind { DEPLOY, ROLLBACK }

    private Long id;
    private String deploymentId;
    private String processDefinitionId;
    private String processKey;
    private int version;
    private String versionTag;
    private Kind kind;
    private Integer sourceVersion;
    private Long deployedBy;
    private String deployedByName;
    private String comment;
    private OffsetDateTime deployedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getDeploymentId() { return deploymentId; }
    public void setDeploymentId(String deploymentId) { this.deploymentId = deploymentId; }
    public String getProcessDefinitionId() { return processDefinitionId; }
    public void setProcessDefinitionId(String processDefinitionId) { this.processDefinitionId = processDefinitionId; }
    public String getProcessKey() { return processKey; }
    public void setProcessKey(String processKey) { this.processKey = processKey; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public String getVersionTag() { return versionTag; }
    public void setVersionTag(String versionTag) { this.versionTag = versionTag; }
    public Kind getKind() { return kind; }
    public void setKind(Kind kind) { this.kind = kind; }
    public Integer getSourceVersion() { return sourceVersion; }
    public void setSourceVersion(Integer sourceVersion) { this.sourceVersion = sourceVersion; }
    public Long getDeployedBy() { return deployedBy; }
    public void setDeployedBy(Long deployedBy) { this.deployedBy = deployedBy; }
    public String getDeployedByName() { return deployedByName; }
    public void setDeployedByName(String deployedByName) { this.deployedByName = deployedByName; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public OffsetDateTime getDeployedAt() { return deployedAt; }
    public void setDeployedAt(OffsetDateTime deployedAt) { this.deployedAt = deployedAt; }
}
