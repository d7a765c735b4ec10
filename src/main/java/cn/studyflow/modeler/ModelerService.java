package cn.studyflow.modeler;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.common.BusinessException;
import cn.studyflow.task.ActionLog;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.workflow.DeployedVersion;
import cn.studyflow.workflow.Deployments;
import cn.studyflow.workflow.MigrationCandidate;
import cn.studyflow.workflow.MigrationRefusedException;
import cn.studyflow.workflow.ProcessVersion;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do with process versions: list, validate, deploy, roll back, compare and migrate. Only
 * administrators may do any of it; a deployment and the record of who made it and why commit together.
 */
@Service
@RequiredArgsConstructor
public class ModelerService {

    static final int MAX_COMMENT = 500;

    private static final Logger log = LoggerFactory.getLogger(ModelerService.class);
    private static final Pattern VERSION_TAG = Pattern.compile("\\s+camunda:versionTag=\"[^\"]*\"");

    private final Deployments deployments;
    private final BpmnValidator validator;
    private final KnownProcesses known;
    private final DeploymentRecordMapper records;
    private final ActionLog actionLog;
    private final ModelerProperties properties;
    private final Clock clock;

    /** A process StudyFlow knows, with its newest version and how many instances run on any version. */
    public record ProcessSummary(String key, String name, ProcessVersion latest, int versions, long running) {
    }

    /** One version with the modeler's record of it; {@code record} is null for the shipped baseline. */
    public record VersionRow(ProcessVersion version, DeploymentRecord record, boolean latest) {
    }

    /** The instances of an older version and whether each can move to the newest one. */
    public record MigrationView(ProcessVersion source, ProcessVersion target, List<MigrationCandidate> candidates) {

        public long movable() {
            return candidates.stream().filter(MigrationCandidate::canMigrate).count();
        }
    }

    public List<ProcessSummary> processes(CurrentUser user) {
        requireAdmin(user);
        return known.names().entrySet().stream().map(e -> {
            List<ProcessVersion> versions = deployments.versions(e.getKey());
            ProcessVersion latest = versions.isEmpty() ? null : versions.get(0);
            String name = latest != null && latest.name() != null ? latest.name() : e.getValue();
            return new ProcessSummary(e.getKey(), name, latest, versions.size(),
                versions.stream().mapToLong(ProcessVersion::runningInstances).sum());
        }).toList();
    }

    public List<VersionRow> versions(CurrentUser user, String key) {
        requireKnown(user, key);
        Map<String, DeploymentRecord> byDeployment = records.selectByKey(key).stream()
            .collect(Collectors.toMap(DeploymentRecord::getDeploymentId, Function.identity(), (a, b) -> a));
        List<ProcessVersion> versions = deployments.versions(key);
        return versions.stream()
            .map(v -> new VersionRow(v, byDeployment.get(v.deploymentId()), v == versions.get(0)))
            .toList();
    }

    public ProcessVersion version(CurrentUser user, String key, int version) {
        requireKnown(user, key);
        return deployments.version(key, version).orElseThrow(BusinessException::notFound);
    }

    public ProcessVersion latest(CurrentUser user, String key) {
        requireKnown(user, key);
        return deployments.latest(key).orElseThrow(BusinessException::notFound);
    }

    public String xml(CurrentUser user, String key, int version) {
        return deployments.xml(version(user, key, version).definitionId());
    }

    ValidationReport validate(CurrentUser user, String key, String xml) {
        requireKnown(user, key);
        return validator.validate(xml, key);
    }

    /**
     * Deploys an edited diagram as the new version of its process, if it passes validation and nobody has
     * deployed another version since the editor was opened ({@code expectedLatest}).
     */
    @Transactional
    public DeployedVersion deploy(CurrentUser user, String key, String xml, String comment, Integer expectedLatest) {
        requireKnown(user, key);
        String reason = comment(comment);
        ProcessVersion latest = deployments.latest(key).orElse(null);
        if (expectedLatest != null && latest != null && latest.version() != expectedLatest) {
            throw BusinessException.conflict("modeler.error.stale", latest.version());
        }
        ValidationReport report = validator.validate(xml, key);
        if (!report.isValid()) {
            throw new BpmnRejectedException(report);
        }
        if (latest != null && sameDiagram(deployments.xml(latest.definitionId()), xml)) {
            throw BusinessException.conflict("modeler.error.unchanged", latest.version());
        }
        DeployedVersion deployed = deployments.deploy(key, xml);
        requireNoneBetween(expectedLatest, deployed);
        record(user, key, deployed, DeploymentRecord.Kind.DEPLOY, null, reason);
        log.info("{} deployed {} version {} ({})", user.getUsername(), key, deployed.version(), deployed.deploymentId());
        return deployed;
    }

    /** Deploys an earlier version's diagram again, as the new version. */
    @Transactional
    public DeployedVersion rollback(CurrentUser user, String key, int version, String comment, Integer expectedLatest) {
        ProcessVersion source = version(user, key, version);
        String reason = comment(comment);
        ProcessVersion latest = deployments.latest(key).orElseThrow(BusinessException::notFound);
        if (expectedLatest != null && latest.version() != expectedLatest) {
            throw BusinessException.conflict("modeler.error.stale", latest.version());
        }
        String xml = deployments.xml(source.definitionId());
        if (sameDiagram(deployments.xml(latest.definitionId()), xml)) {
            throw BusinessException.conflict("modeler.error.unchanged", latest.version());
        }
        ValidationReport report = validator.validate(xml, key);
        if (!report.isValid()) {
            throw new BpmnRejectedException(report);
        }
        DeployedVersion deployed = deployments.deploy(key, xml);
        requireNoneBetween(expectedLatest, deployed);
        record(user, key, deployed, DeploymentRecord.Kind.ROLLBACK, version, reason);
        log.info("{} rolled {} back to version {} as version {}", user.getUsername(), key, version, deployed.version());
        return deployed;
    }

    public List<BpmnDiff.ElementChange> compare(CurrentUser user, String key, int from, int to) {
        String before = xml(user, key, from);
        String after = xml(user, key, to);
        return BpmnDiff.compare(before, after);
    }

    public MigrationView migration(CurrentUser user, String key, int from) {
        ProcessVersion source = version(user, key, from);
        ProcessVersion target = latest(user, key);
        if (source.version() == target.version()) {
            throw BusinessException.invalid("modeler.migrate.alreadyLatest");
        }
        return new MigrationView(source, target, deployments.migrationCandidates(source.definitionId(),
            target.definitionId(), properties.maxMigrationInstances()));
    }

    /**
     * Moves the chosen instances of version {@code from} to the newest version, which must still be
     * {@code target}; all move or none. Each moved instance gets a line in its business object's history.
     */
    @Transactional
    public int migrate(CurrentUser user, String key, int from, int target, List<String> processInstanceIds) {
        MigrationView view = migration(user, key, from);
        Set<String> chosen = processInstanceIds == null ? Set.of() : new LinkedHashSet<>(processInstanceIds);
        if (chosen.isEmpty()) {
            throw BusinessException.invalid("modeler.migrate.noneChosen");
        }
        if (view.target().version() != target) {
            throw BusinessException.conflict("modeler.error.stale", view.target().version());
        }
        Map<String, MigrationCandidate> candidates = new HashMap<>();
        view.candidates().forEach(c -> candidates.put(c.processInstanceId(), c));
        for (String id : chosen) {
            MigrationCandidate candidate = candidates.get(id);
            if (candidate == null) {
                throw BusinessException.conflict("modeler.migrate.changed");
            }
            if (!candidate.canMigrate()) {
                throw BusinessException.invalid("modeler.migrate.cannot", candidate.businessKey());
            }
        }
        try {
            deployments.migrate(view.source().definitionId(), view.target().definitionId(), List.copyOf(chosen));
        } catch (MigrationRefusedException e) {
            throw BusinessException.invalid("modeler.migrate.refused", e.getMessage());
        }
        String note = "v" + from + " → v" + target;
        for (String id : chosen) {
            String businessKey = candidates.get(id).businessKey();
            if (businessKey != null && businessKey.matches("[A-Z_]+:\\d+")) {
                actionLog.record(SubjectRef.parse(businessKey), id, null, "MIGRATE", user, note);
            }
        }
        log.info("{} migrated {} instances of {} from version {} to {}", user.getUsername(), chosen.size(), key, from,
            target);
        return chosen.size();
    }

    /**
     * Two administrators deploying at once both pass the check before deploying. Where the engine's deployment
     * lock serialises their transactions (a SELECT FOR UPDATE on PostgreSQL), the second gets a version number
     * it did not expect, and this rolls its transaction back.
     */
    private static void requireNoneBetween(Integer expectedLatest, DeployedVersion deployed) {
        if (expectedLatest != null && deployed.version() != expectedLatest + 1) {
            throw BusinessException.conflict("modeler.error.stale", deployed.version() - 1);
        }
    }

    private void record(CurrentUser user, String key, DeployedVersion deployed, DeploymentRecord.Kind kind,
                        Integer sourceVersion, String comment) {
        DeploymentRecord record = new DeploymentRecord();
        record.setDeploymentId(deployed.deploymentId());
        record.setProcessDefinitionId(deployed.definitionId());
        record.setProcessKey(key);
        record.setVersion(deployed.version());
        record.setVersionTag(deployed.versionTag());
        record.setKind(kind);
        record.setSourceVersion(sourceVersion);
        record.setDeployedBy(user.getPersonId());
        record.setDeployedByName(user.getDisplayName());
        record.setComment(comment);
        record.setDeployedAt(OffsetDateTime.now(clock));
        records.insert(record);
    }

    private void requireKnown(CurrentUser user, String key) {
        requireAdmin(user);
        if (!known.isKnown(key)) {
            throw BusinessException.notFound();
        }
    }

    static void requireAdmin(CurrentUser user) {
        if (user == null || !user.has(Role.ADMIN)) {
            throw BusinessException.forbidden();
        }
    }

    private static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            throw BusinessException.invalid("modeler.error.commentRequired");
        }
        if (comment.strip().length() > MAX_COMMENT) {
            throw BusinessException.invalid("modeler.error.commentTooLong", MAX_COMMENT);
        }
        return comment.strip();
    }

    /**
     * Equal up to line endings and surrounding white space, which an editor may change on its own, and up to the
     * version tag, which the deploy form proposes anew each time: a new tag alone is no new version.
     */
    private static boolean sameDiagram(String a, String b) {
        return comparable(a).equals(comparable(b));
    }

    private static String comparable(String xml) {
        return VERSION_TAG.matcher(xml.replace("\r\n", "\n")).replaceAll("").strip();
    }
}
