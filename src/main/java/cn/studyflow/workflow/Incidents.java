package cn.studyflow.workflow;

import cn.studyflow.common.BusinessException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Open incidents (a timer or an asynchronous step whose delegate kept failing) and retrying them. */
@Service
@RequiredArgsConstructor
public class Incidents {

    /** One open incident: where, when, and the error its last attempt ended with. */
    public record Info(String id, String type, String message, OffsetDateTime time, String processInstanceId,
                       String processKey, String step, String jobId) {
    }

    private static final String FAILED_JOB = "failedJob";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    /** The newest open incidents, at most {@code max}. */
    public List<Info> open(int max) {
        return runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, max).stream()
            .map(this::info).toList();
    }

    public Optional<Info> find(String incidentId) {
        return Optional.ofNullable(runtime.createIncidentQuery().incidentId(incidentId).singleResult()).map(this::info);
    }

    /**
     * Gives the failed job one more attempt; the job executor runs it at once. The incident is resolved when
     * the job succeeds, and comes back if it fails again.
     */
    public void retry(Info incident) {
        if (!FAILED_JOB.equals(incident.type()) || incident.jobId() == null) {
            throw BusinessException.conflict("status.incident.notRetryable");
        }
        Workflow.guard(() -> {
            management.setJobRetries(incident.jobId(), 1);
            return null;
        });
    }

    private Info info(Incident incident) {
        String definitionId = incident.getProcessDefinitionId();
        // from the engine's deployment cache; an id is not always key:version:uuid
        String key = definitionId == null ? null : repository.getProcessDefinition(definitionId).getKey();
        String jobId = FAILED_JOB.equals(incident.getIncidentType()) ? incident.getConfiguration() : null;
        return new Info(incident.getId(), incident.getIncidentType(), incident.getIncidentMessage(),
            incident.getIncidentTimestamp().toInstant().atZone(zone).toOffsetDateTime(), incident.getProcessInstanceId(),
            key, step(incident), jobId);
    }

    /**
     * The step the incident stopped at: a timer's own, or an asynchronous continuation's; one that started at a
     * multi-instance step's end (its body, no step anybody knows) names the task that failed after it.
     */
    private static String step(Incident incident) {
        String activity = incident.getActivityId();
        return activity != null && activity.endsWith("#multiInstanceBody") && incident.getFailedActivityId() != null
            ? incident.getFailedActivityId() : activity;
    }
}
