package cn.studyflow.workflow;

import java.time.OffsetDateTime;

/**
 * One deployed version of a process: the engine's definition with the deployment it came from and the
 * number of instances still running on it.
 */
public record ProcessVersion(
    String definitionId,
    String key,
    String name,
    int version,
    String versionTag,
    String deploymentId,
    String deploymentName,
    OffsetDateTime deployedAt,
    long runningInstances) {

    /** Whether this version came from the files shipped in {@code processes/}, not from the modeler. */
    public boolean isBaseline() {
        return ProcessDeployer.DEPLOYMENT_NAME.equals(deploymentName);
    }
}
