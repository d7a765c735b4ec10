package cn.studyflow.modeler;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** Who deployed a process version from the modeler, when, and why (table sf_process_deployment). */
@Getter
@Setter
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
}
