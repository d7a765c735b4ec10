package cn.studyflow.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Process versions as the modeler sees them: listing, reading, deploying new versions, a dry-run parse by
 * the engine's own BPMN parser, and migrating running instances between versions. Callers hold the Spring
 * transaction; every call here joins it.
 */
@Service
public class Deployments {

    /** The engine deployment name of versions made in the modeler, kept apart from the shipped baseline. */
    public static final String MODELER_DEPLOYMENT = "studyflow-modeler";

    private final ProcessEngine engine;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ZoneId zone;

    Deployments(ProcessEngine engine, @Value("${studyflow.zone}") String zone) {
        this.engine = engine;
        this.repository = engine.getRepositoryService();
        this.runtime = engine.getRuntimeService();
        this.zone = ZoneId.of(zone);
    }

    /** Every version of a process, newest first. */
    public List<ProcessVersion> versions(String key) {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
            .orderByProcessDefinitionVersion().desc().list();
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        return definitions.stream().map(d -> toVersion(d, deployments.computeIfAbsent(d.getDeploymentId(),
            id -> repository.createDeploymentQuery().deploymentId(id).singleResult()))).toList();
    }

    public Optional<ProcessVersion> version(String key, int version) {
        if (version <= 0) {
            // versions count from 1; the engine refuses the query itself
            return Optional.empty();
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
            .processDefinitionVersion(version).singleResult();
        return Optional.ofNullable(definition).map(this::toVersion);
    }

    public Optional<ProcessVersion> latest(String key) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
            .latestVersion().singleResult();
        return Optional.ofNullable(definition).map(this::toVersion);
    }

    /** The BPMN XML of one version, as it was deployed. */
    public String xml(String definitionId) {
        try (InputStream in = repository.getProcessModel(definitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long deploymentCount() {
        return repository.createDeploymentQuery().count();
    }

    /**
     * Deploys a diagram as a new version of its process. No duplicate filtering: a roll-back deploys an old
     * diagram again on purpose. The caller has validated the diagram.
     */
    public DeployedVersion deploy(String key, String xml) {
        DeploymentWithDefinitions deployment = repository.createDeployment()
            .name(MODELER_DEPLOYMENT)
            .source(MODELER_DEPLOYMENT)
            .addString(key + ".bpmn", xml)
            .deployWithResult();
        ProcessDefinition definition = deployment.getDeployedProcessDefinitions().stream()
            .filter(d -> d.getKey().equals(key))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Deployment " + deployment.getId() + " holds no process " + key));
        return new DeployedVersion(deployment.getId(), definition.getId(), definition.getVersion(), definition.getVersionTag());
    }

    /**
     * Parses a diagram with the engine's own BPMN parser, as a deployment would, without deploying it:
     * nothing is written. Returns the parser's errors; empty when the engine would accept the diagram.
     * Call it only on XML that is already known to be safe (no DOCTYPE, no class names), since the engine's
     * parser instantiates some classes that a diagram names.
     */
    public List<ParseProblem> parse(String resourceName, String xml) {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        BpmnParser parser = config.getDeployers().stream()
            .filter(BpmnDeployer.class::isInstance)
            .map(d -> ((BpmnDeployer) d).getBpmnParser())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("The engine has no BPMN deployer"));
        return config.getCommandExecutorTxRequired().execute(context -> {
            DeploymentEntity dryRun = new DeploymentEntity();
            dryRun.setName(MODELER_DEPLOYMENT);
            BpmnParse parse = parser.createParse();
            parse.deployment(dryRun);
            parse.name(resourceName);
            parse.sourceString(xml);
            try {
                parse.execute();
                return List.of();
            } catch (ParseException e) {
                List<ParseProblem> problems = new ArrayList<>();
                for (ResourceReport report : e.getResorceReports()) {
                    for (Problem p : report.getErrors()) {
                        problems.add(new ParseProblem(p.getMainElementId(), p.getMessage(), p.getLine(), p.getColumn()));
                    }
                }
                return problems.isEmpty() ? List.of(new ParseProblem(null, e.getMessage(), 0, 0)) : problems;
            } catch (ProcessEngineException e) {
                return List.of(new ParseProblem(null, e.getMessage(), 0, 0));
            }
        });
    }

    /**
     * The running instances of one version and whether each can move to the target version: the engine maps
     * the activities with equal ids, and an instance can move when every activity it is in is mapped.
     */
    public List<MigrationCandidate> migrationCandidates(String sourceDefinitionId, String targetDefinitionId, int max) {
        Set<String> mapped = new HashSet<>();
        String planError = null;
        try {
            plan(sourceDefinitionId, targetDefinitionId).getInstructions().stream()
                .map(MigrationInstruction::getSourceActivityId)
                .forEach(mapped::add);
        } catch (MigrationPlanValidationException e) {
            planError = e.getMessage();
        }
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(sourceDefinitionId)
            .orderByProcessInstanceId().asc().listPage(0, max);
        List<MigrationCandidate> candidates = new ArrayList<>();
        for (ProcessInstance instance : instances) {
            ActivityInstance tree = runtime.getActivityInstance(instance.getId());
            if (tree == null) {
                continue;
            }
            List<MigrationCandidate.Activity> active = new ArrayList<>();
            collect(tree, active);
            List<MigrationCandidate.Activity> unmapped = planError != null ? List.of()
                : active.stream().filter(a -> !mapped.contains(a.id())).toList();
            Object title = runtime.getVariable(instance.getId(), Workflow.VAR_TITLE);
            candidates.add(new MigrationCandidate(instance.getId(), instance.getBusinessKey(),
                title == null ? null : title.toString(), active, unmapped, planError));
        }
        candidates.sort(Comparator.comparing(MigrationCandidate::processInstanceId));
        return candidates;
    }

    /** The ids of the running instances of one version. */
    public Set<String> runningInstanceIds(String definitionId) {
        Set<String> ids = new HashSet<>();
        runtime.createProcessInstanceQuery().processDefinitionId(definitionId).list().forEach(i -> ids.add(i.getId()));
        return ids;
    }

    /** Moves instances to the target version, all or none; the engine checks each instance first. */
    public void migrate(String sourceDefinitionId, String targetDefinitionId, List<String> processInstanceIds) {
        try {
            runtime.newMigration(plan(sourceDefinitionId, targetDefinitionId))
                .processInstanceIds(processInstanceIds)
                .execute();
        } catch (MigratingProcessInstanceValidationException e) {
            throw new MigrationRefusedException(e.getValidationReport().getProcessInstanceId() + ": "
                + String.join("; ", failures(e)), e);
        } catch (MigrationPlanValidationException e) {
            throw new MigrationRefusedException(e.getMessage(), e);
        }
    }

    private MigrationPlan plan(String sourceDefinitionId, String targetDefinitionId) {
        return runtime.createMigrationPlan(sourceDefinitionId, targetDefinitionId).mapEqualActivities().build();
    }

    private static List<String> failures(MigratingProcessInstanceValidationException e) {
        List<String> failures = new ArrayList<>(e.getValidationReport().getFailures());
        e.getValidationReport().getActivityInstanceReports().forEach(r -> failures.addAll(r.getFailures()));
        e.getValidationReport().getTransitionInstanceReports().forEach(r -> failures.addAll(r.getFailures()));
        return failures;
    }

    /** The activities of an instance below the process itself: sub-processes and the steps inside them. */
    private static void collect(ActivityInstance parent, List<MigrationCandidate.Activity> into) {
        for (ActivityInstance child : parent.getChildActivityInstances()) {
            into.add(new MigrationCandidate.Activity(child.getActivityId(), child.getActivityName()));
            collect(child, into);
        }
        for (TransitionInstance transition : parent.getChildTransitionInstances()) {
            into.add(new MigrationCandidate.Activity(transition.getActivityId(), transition.getActivityName()));
        }
    }

    private ProcessVersion toVersion(ProcessDefinition definition) {
        return toVersion(definition, repository.createDeploymentQuery().deploymentId(definition.getDeploymentId())
            .singleResult());
    }

    private ProcessVersion toVersion(ProcessDefinition d, Deployment deployment) {
        long running = runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count();
        OffsetDateTime deployedAt = deployment == null || deployment.getDeploymentTime() == null ? null
            : deployment.getDeploymentTime().toInstant().atZone(zone).toOffsetDateTime();
        return new ProcessVersion(d.getId(), d.getKey(), d.getName(), d.getVersion(), d.getVersionTag(),
            d.getDeploymentId(), deployment == null ? null : deployment.getName(), deployedAt, running);
    }
}
