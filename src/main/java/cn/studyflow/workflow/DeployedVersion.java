package cn.studyflow.workflow;

/** What a deployment made: the engine's deployment and the new process version in it. */
public record DeployedVersion(String deploymentId, String definitionId, int version, String versionTag) {
}
